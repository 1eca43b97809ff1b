// Sealing password-type config values before the store write, and opening them in the task (with the local AES-GCM
// cipher behind the ConfigCipher port).
import { describe, expect, it } from 'vitest';
import { LocalConfigCipher } from '../../../lambdas/adapters/crypto/LocalConfigCipher.js';
import { isSealed, openConfig, sealConfig, sealContext } from '../../../lambdas/runtime/config/sealing.js';
import { maskConfig } from '../../../lambdas/runtime/connector/masking.js';

const cipher = new LocalConfigCipher();
const isPassword = (k: string) => k === 'connection.password';
const ctx = sealContext('orders');

describe('sealConfig / openConfig', () => {
  it('seals password values and URL passwords, leaves the rest, and opens back to the original', async () => {
    const config = {
      'connection.password': 's3cret',
      'connection.url': 'postgres://app:p%40ss@db:5432/x',
      'other.url': 'jdbc:postgresql://db/x?user=app&password=pw2;ssl=true',
      'connection.user': 'app',
      topics: 'orders',
    };
    const sealed = await sealConfig(config, isPassword, cipher, ctx);
    expect(isSealed(sealed['connection.password'] ?? '')).toBe(true);
    expect(sealed['connection.url']).toMatch(/^postgres:\/\/app:\$\{sluice:sealed:[A-Za-z0-9_-]+\}@db:5432\/x$/);
    expect(sealed['other.url']).toMatch(/^jdbc:postgresql:\/\/db\/x\?user=app&password=\$\{sluice:sealed:[A-Za-z0-9_-]+\};ssl=true$/);
    expect(JSON.stringify(sealed)).not.toMatch(/s3cret|p%40ss|pw2/);
    expect(sealed['connection.user']).toBe('app');
    expect(await openConfig(sealed, cipher, ctx)).toEqual(config);
  });

  it('keeps provider references, empty values and already sealed values as they are', async () => {
    const config = { 'connection.password': '${secretsmanager:arn:aws:secretsmanager:eu-west-1:1:secret:db:password}', 'a.url': 'postgres://u:@h/x' };
    expect(await sealConfig(config, isPassword, cipher, ctx)).toEqual(config);
    const once = await sealConfig({ 'connection.password': 'x' }, isPassword, cipher, ctx);
    expect(await sealConfig(once, isPassword, cipher, ctx)).toEqual(once);
  });

  it('masks a sealed value in responses as it masks a password', async () => {
    const sealed = await sealConfig({ 'connection.password': 'x', 'connection.url': 'postgres://u:pw@h/x' }, isPassword, cipher, ctx);
    expect(maskConfig(sealed, undefined)).toEqual({ 'connection.password': '[hidden]', 'connection.url': 'postgres://u:[hidden]@h/x' });
  });

  it('opens a value only for the pipeline it was sealed for', async () => {
    const sealed = await sealConfig({ 'connection.password': 'x' }, isPassword, cipher, ctx);
    await expect(openConfig(sealed, cipher, sealContext('another'))).rejects.toThrow();
    await expect(openConfig(sealed, undefined, ctx)).rejects.toThrow(/no config cipher/);
  });
});
