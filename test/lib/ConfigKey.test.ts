// The config key: rotated, retained with the table; the api function may only encrypt with it and the task functions
// may only decrypt, each finding it in SLUICE_CONFIG_KEY_ARN.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_KEY_ENV } from '../../lib/ConfigKey.js';
import { actionsOf, buildStack, statementsOf } from './testStack.js';

let template: Template;
let keyId: string;
beforeAll(() => {
  template = buildStack().template;
  const keys = Object.entries(template.findResources('AWS::KMS::Key')).filter(([, k]) => String((k as { Properties: { Description?: string } }).Properties.Description).includes('seals password-type'));
  expect(keys).toHaveLength(1);
  keyId = keys[0]?.[0] ?? '';
});

type Fn = { Properties: { Description?: string; Role: { 'Fn::GetAtt': [string, string] }; Environment?: { Variables?: Record<string, unknown> } } };
const fnOf = (description: string): Fn => {
  const fn = Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Fn>).find((f) => f.Properties.Description?.startsWith(description));
  if (!fn) throw new Error(`no function ${description}`);
  return fn;
};
/** The KMS actions granted on the config key to the function's role. */
const kmsActionsOf = (description: string): string[] => {
  const role = fnOf(description).Properties.Role['Fn::GetAtt'][0];
  const policies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([, p]) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes(role));
  return policies
    .flatMap(([id]) => statementsOf(template, id))
    .filter((s) => JSON.stringify(s.Resource).includes(keyId))
    .flatMap(actionsOf)
    .sort();
};

describe('ConfigKey', () => {
  it('is a rotated customer-managed key, retained on stack deletion', () => {
    const key = template.findResources('AWS::KMS::Key')[keyId] as { Properties: { EnableKeyRotation: boolean }; DeletionPolicy: string };
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('lets the api only encrypt and the tasks only decrypt; no other function may use it', () => {
    expect(kmsActionsOf('Sluice Kafka Connect REST API')).toEqual(['kms:Encrypt']);
    expect(kmsActionsOf('Sluice sink task')).toEqual(['kms:Decrypt']);
    expect(kmsActionsOf('Sluice source task')).toEqual(['kms:Decrypt']);
    expect(kmsActionsOf('Sluice controller')).toEqual([]);
  });

  it('names the key to the api and task functions', () => {
    for (const d of ['Sluice Kafka Connect REST API', 'Sluice sink task', 'Sluice source task']) {
      expect(fnOf(d).Properties.Environment?.Variables?.[CONFIG_KEY_ENV]).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    }
  });
});
