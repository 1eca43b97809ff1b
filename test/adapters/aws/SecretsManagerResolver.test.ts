// Secrets Manager has no local stand-in, so its SDK client is mocked at the SDK boundary (aws-sdk-client-mock).
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lazySecretsManagerResolver } from '../../../lambdas/adapters/aws/lazySecretsManagerResolver.js';
import { SecretsManagerResolver } from '../../../lambdas/adapters/aws/SecretsManagerResolver.js';
import { resolveConfigSecrets } from '../../../lambdas/runtime/config/secrets.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db-AbCdEf';
const sm = mockClient(SecretsManagerClient);
beforeEach(() => sm.reset());

describe('SecretsManagerResolver', () => {
  it('resolves ${secretsmanager:<arn>:<key>} values of a config, fetching each secret once', async () => {
    // Prepare
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ username: 'app', password: 's3cret' }) });
    const resolver = new SecretsManagerResolver(new SecretsManagerClient({ region: 'eu-west-1' }));
    // Act
    const config = await resolveConfigSecrets({ 'connection.user': `\${secretsmanager:${ARN}:username}`, 'connection.password': `\${secretsmanager:${ARN}:password}`, topics: 'orders' }, resolver);
    // Assess
    expect(config).toEqual({ 'connection.user': 'app', 'connection.password': 's3cret', topics: 'orders' });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('resolves a secret by name, and a whole non-JSON secret', async () => {
    sm.on(GetSecretValueCommand, { SecretId: 'plain' }).resolves({ SecretString: 'just-a-password' });
    const resolver = new SecretsManagerResolver(new SecretsManagerClient({ region: 'eu-west-1' }));
    expect(await resolveConfigSecrets({ p: '${secretsmanager:plain}' }, resolver)).toEqual({ p: 'just-a-password' });
  });

  it('names the secret and key when the key is missing', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: '{"a":1}' });
    const resolver = new SecretsManagerResolver(new SecretsManagerClient({ region: 'eu-west-1' }));
    await expect(resolveConfigSecrets({ p: `\${secretsmanager:${ARN}:password}` }, resolver)).rejects.toThrow(`Secret ${ARN} has no key password`);
  });

  it('refuses a secret reference when no resolver is configured', async () => {
    await expect(resolveConfigSecrets({ p: '${secretsmanager:x:y}' }, undefined)).rejects.toThrow(/no secret resolver is configured/);
  });
});

describe('lazySecretsManagerResolver (the task functions\' resolver)', () => {
  it('sends nothing until a secret is resolved, then resolves through Secrets Manager, once per secret', async () => {
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify({ username: 'app', password: 's3cret' }) });
    const resolver = lazySecretsManagerResolver();
    expect(await resolveConfigSecrets({ topics: 'orders' }, resolver)).toEqual({ topics: 'orders' });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    const config = await resolveConfigSecrets({ 'connection.user': `\${secretsmanager:${ARN}:username}`, 'connection.password': `\${secretsmanager:${ARN}:password}` }, resolver);
    expect(config).toEqual({ 'connection.user': 'app', 'connection.password': 's3cret' });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('names the secret and key when the key is missing, as the resolver it loads does', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: '{"a":1}' });
    await expect(resolveConfigSecrets({ p: `\${secretsmanager:${ARN}:password}` }, lazySecretsManagerResolver())).rejects.toThrow(`Secret ${ARN} has no key password`);
  });
});
