// cdk-nag v3 findings acknowledged where they arise (CDK's Validations API), each with its reason.
import { Stack, Validations } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** How cdk-nag writes a resource in an IAM5 finding id: Ref → <X>, GetAtt → <Id.Attr>, joins concatenated. */
export function findingText(scope: IConstruct, value: unknown): string {
  const resolved: unknown = Stack.of(scope).resolve(value);
  const text = (v: unknown): string => {
    if (typeof v === 'string') return v;
    const o = v as Record<string, unknown>;
    if ('Ref' in o) return `<${String(o['Ref'])}>`;
    if ('Fn::GetAtt' in o) return `<${(o['Fn::GetAtt'] as string[]).join('.')}>`;
    if ('Fn::Join' in o) return (o['Fn::Join'] as [string, unknown[]])[1].map(text).join((o['Fn::Join'] as [string])[0]);
    throw new Error(`Sluice: cannot name ${JSON.stringify(v)} in a cdk-nag finding`);
  };
  return text(resolved);
}

export function iam5(scope: IConstruct, resource: unknown): string {
  return `AwsSolutions-IAM5[Resource::${findingText(scope, resource)}]`;
}

/** The IAM5 finding for `<function ARN>:*` (every version or alias of a function). */
export function qualifiedArnFinding(fn: IFunction): string {
  return iam5(fn, `${fn.functionArn}:*`);
}

/** The role's inline DefaultPolicy, where the statements added with addToPolicy live. */
export function defaultPolicy(role: IRole): IConstruct {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!policy) throw new Error(`${role.node.path} has no DefaultPolicy yet`);
  return policy;
}
