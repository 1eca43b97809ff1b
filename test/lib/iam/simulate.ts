// One request through @cloud-copilot/iam-simulate (a real IAM policy evaluator, AGPL-3.0: a devDependency for tests,
// never bundled): identity policies only, same account, no SCPs or RCPs (AWS's default full-access ones apply).
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { ENV } from './concrete.js';
import type { PolicyDocument, RolePolicies } from './rolePolicies.js';

export interface Decision {
  readonly result: string;
  /** Context keys the evaluator ignored because the action does not carry them. */
  readonly ignoredContextKeys: readonly string[];
  readonly errors?: string;
}

/**
 * A KMS key is usable through IAM policies only when its key policy lets the account's IAM decide: the default key
 * policy does (AWS KMS developer guide, "Default key policy": Principal the account root, kms:*). Sluice's inputs name
 * the SCRAM secret's key; the README asks for that default statement in its policy. A key the stack creates is simulated
 * with its synthesized key policy instead (`keyPolicy`, test/lib/iam/keyPolicies.ts).
 */
const DEFAULT_KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:${ENV.partition}:iam::${ENV.account}:root` }, Action: 'kms:*', Resource: '*' }],
};

export async function simulate(
  role: string,
  policies: RolePolicies,
  action: string,
  resource: string,
  context: Readonly<Record<string, string>> = {},
  keyPolicy?: PolicyDocument,
): Promise<Decision> {
  const r = await runSimulation(
    {
      identityPolicies: policies.policies.map((p) => ({ name: p.name, policy: p.policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(action.startsWith('kms:') ? { resourcePolicy: keyPolicy ?? DEFAULT_KEY_POLICY } : {}),
      request: { action, principal: `arn:${ENV.partition}:iam::${ENV.account}:role/${role}`, resource: { accountId: ENV.account, resource }, contextVariables: { ...context } },
    },
    {},
  );
  if (r.resultType === 'error') return { result: 'Error', ignoredContextKeys: [], errors: JSON.stringify(r.errors) };
  if (r.resultType === 'single') return { result: r.overallResult, ignoredContextKeys: r.result.ignoredContextKeys ?? [] };
  return { result: r.overallResult, ignoredContextKeys: [] };
}
