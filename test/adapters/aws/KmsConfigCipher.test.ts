// The KMS cipher sends Encrypt with the stack's key and the pipeline as encryption context, and Decrypt with the same
// context and key. KMS is mocked at the SDK boundary (aws-sdk-client-mock): no KMS runs here, so the fake "encrypts" by
// tagging the bytes with the context, enough to show the context and key travel with each call.
// AWS facts: KMS Encrypt takes at most 4096 bytes of plaintext; the encryption context must be given again to Decrypt
// ("Encryption context", AWS KMS Developer Guide, https://docs.aws.amazon.com/kms/latest/developerguide/encrypt_context.html).
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsConfigCipher } from '../../../lambdas/adapters/aws/KmsConfigCipher.js';
import { kmsConfigCipherFromEnv } from '../../../lambdas/adapters/aws/kmsConfigCipherFromEnv.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const kms = mockClient(KMSClient);
afterEach(() => kms.reset());

describe('KmsConfigCipher', () => {
  it('seals with Encrypt and opens with Decrypt, both carrying the key and the pipeline context', async () => {
    kms.on(EncryptCommand).callsFake((input: { Plaintext: Uint8Array; EncryptionContext: Record<string, string> }) => ({
      CiphertextBlob: Buffer.from(`${JSON.stringify(input.EncryptionContext)}|${Buffer.from(input.Plaintext).toString('hex')}`),
    }));
    kms.on(DecryptCommand).callsFake((input: { CiphertextBlob: Uint8Array; EncryptionContext: Record<string, string> }) => {
      const [context, hex] = Buffer.from(input.CiphertextBlob).toString().split('|');
      if (context !== JSON.stringify(input.EncryptionContext)) throw Object.assign(new Error('context mismatch'), { name: 'InvalidCiphertextException' });
      return { Plaintext: Buffer.from(hex ?? '', 'hex') };
    });
    const cipher = new KmsConfigCipher(new KMSClient({ region: 'eu-west-1' }), KEY);
    const sealed = await cipher.seal('pässword', { 'sluice:pipeline': 'orders' });
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await cipher.open(sealed, { 'sluice:pipeline': 'orders' })).toBe('pässword');
    await expect(cipher.open(sealed, { 'sluice:pipeline': 'other' })).rejects.toThrow(/context mismatch/);
    expect(kms.commandCalls(EncryptCommand)[0]?.args[0].input).toMatchObject({ KeyId: KEY, EncryptionContext: { 'sluice:pipeline': 'orders' } });
    expect(kms.commandCalls(DecryptCommand)[0]?.args[0].input).toMatchObject({ KeyId: KEY, EncryptionContext: { 'sluice:pipeline': 'orders' } });
  });

  it('is built from SLUICE_CONFIG_KEY_ARN, which the functions cannot run without', () => {
    expect(kmsConfigCipherFromEnv({ SLUICE_CONFIG_KEY_ARN: KEY })).toBeInstanceOf(KmsConfigCipher);
    expect(() => kmsConfigCipherFromEnv({})).toThrow(/SLUICE_CONFIG_KEY_ARN is not set/);
  });
});
