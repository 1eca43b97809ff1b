// The task roles' Glue grants are scoped to the registries the stack input glueRegistries names: evaluated with the
// IAM policy evaluator against the synthesized policies, a registry not named is denied (the allowed calls themselves
// are in lib/awsCalls.ts, checked by iamSimulation.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { Concrete } from './iam/concrete.js';
import { type RolePolicies, rolePolicies } from './iam/rolePolicies.js';
import { simulate } from './iam/simulate.js';
import { roleIds } from './iam/stackRoles.js';
import { buildStack, MSK_INPUTS } from './testStack.js';

const ARN = 'arn:aws:glue:eu-west-1:123456789012';
let sink: { id: string; policies: RolePolicies };

beforeAll(() => {
  const { stack, template } = buildStack({ ...MSK_INPUTS, glueRegistries: ['shop'] });
  const id = roleIds(stack).sink ?? '';
  sink = { id, policies: rolePolicies(template, new Concrete(template), id) };
}, 120_000);

describe('Glue grants with named registries', () => {
  it('allows registering in a named registry, denies another, and reads schema versions by id anywhere', async () => {
    const result = async (action: string, resource: string) => (await simulate(sink.id, sink.policies, action, resource, undefined, undefined)).result;
    expect(await result('glue:CreateSchema', `${ARN}:registry/shop`)).toBe('Allowed');
    expect(await result('glue:RegisterSchemaVersion', `${ARN}:schema/shop/orders`)).toBe('Allowed');
    expect(await result('glue:CreateSchema', `${ARN}:registry/other`)).not.toBe('Allowed');
    expect(await result('glue:GetSchemaByDefinition', `${ARN}:schema/other/orders`)).not.toBe('Allowed');
    expect(await result('glue:GetSchemaVersion', '*')).toBe('Allowed');
  });
});
