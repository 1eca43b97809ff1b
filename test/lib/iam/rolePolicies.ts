// The identity policies a role holds in a synthesized template, made concrete: its inline Policies, every
// AWS::IAM::Policy attached to it, and the managed policy ARNs (which the test cannot read, so it allows none).
import type { Template } from 'aws-cdk-lib/assertions';
import type { Concrete } from './concrete.js';

export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly PolicyStatementJson[];
}

export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export interface RolePolicies {
  readonly policies: { readonly name: string; readonly policy: PolicyDocument }[];
  readonly managedPolicyArns: readonly string[];
}

type Res = { Type: string; Properties?: Record<string, unknown> };

export function rolePolicies(template: Template, concrete: Concrete, roleId: string): RolePolicies {
  const resources = (template.toJSON() as { Resources: Record<string, Res> }).Resources;
  const role = resources[roleId];
  if (role?.Type !== 'AWS::IAM::Role') throw new Error(`${roleId} is not a role`);
  const inline = ((role.Properties?.['Policies'] as { PolicyName: string; PolicyDocument: unknown }[] | undefined) ?? []).map((p) => ({
    name: `${roleId}/${p.PolicyName}`,
    policy: concrete.deep(p.PolicyDocument) as PolicyDocument,
  }));
  const attached = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && ((r.Properties?.['Roles'] as unknown[] | undefined) ?? []).some((x) => (x as { Ref?: string }).Ref === roleId))
    .map(([id, r]) => ({ name: id, policy: concrete.deep(r.Properties?.['PolicyDocument']) as PolicyDocument }));
  const managed = ((role.Properties?.['ManagedPolicyArns'] as unknown[] | undefined) ?? []).map((a) => concrete.value(a));
  return { policies: [...inline, ...attached], managedPolicyArns: managed };
}

export const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
