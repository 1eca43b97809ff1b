// The KMS sealer (api) sends Encrypt with the stack's key and the pipeline as encryption context, and Decrypt with the same
// context and key (the tasks' opener). KMS is mocked at the SDK boundary (aws-sdk-client-mock): no KMS runs here, so the fake "encrypts" by
// tagging the bytes with the context, enough to show the context and key travel with each call.
// AWS facts: KMS Encrypt takes at most 4096 bytes of plaintext; the encryption context must be given again to Decrypt
// ("Encryption context", AWS KMS Developer Guide, https://docs.aws.amazon.com/kms/latest/developerguide/encrypt_context.html).
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { KmsConfigOpener } from '../../../lambdas/adapters/aws/KmsConfigOpener.js';
import { KmsConfigSealer } from '../../../lambdas/adapters/aws/KmsConfigSealer.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const kms = mockClient(KMSClient);
afterEach(() => kms.reset());

describe('KmsConfigSealer and KmsConfigOpener', () => {
  it('seals with Encrypt and opens with Decrypt, both carrying the key and the pipeline context', async () => {
    kms.on(EncryptCommand).callsFake((input: { Plaintext: Uint8Array; EncryptionContext: Record<string, string> }) => ({
      CiphertextBlob: Buffer.from(`${JSON.stringify(input.EncryptionContext)}|${Buffer.from(input.Plaintext).toString('hex')}`),
    }));
    kms.on(DecryptCommand).callsFake((input: { CiphertextBlob: Uint8Array; EncryptionContext: Record<string, string> }) => {
      const [context, hex] = Buffer.from(input.CiphertextBlob).toString().split('|');
      if (context !== JSON.stringify(input.EncryptionContext)) throw Object.assign(new Error('context mismatch'), { name: 'InvalidCiphertextException' });
      return { Plaintext: Buffer.from(hex ?? '', 'hex') };
    });
    const client = new KMSClient({ region: 'eu-west-1' });
    const sealed = await new KmsConfigSealer(client, KEY).seal('pässword', { 'sluice:pipeline': 'orders' });
    const opener = new KmsConfigOpener(client, KEY);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await opener.open(sealed, { 'sluice:pipeline': 'orders' })).toBe('pässword');
    await expect(opener.open(sealed, { 'sluice:pipeline': 'other' })).rejects.toThrow(/context mismatch/);
    expect(kms.commandCalls(EncryptCommand)[0]?.args[0].input).toMatchObject({ KeyId: KEY, EncryptionContext: { 'sluice:pipeline': 'orders' } });
    expect(kms.commandCalls(DecryptCommand)[0]?.args[0].input).toMatchObject({ KeyId: KEY, EncryptionContext: { 'sluice:pipeline': 'orders' } });
  });

  it('is built from SLUICE_CONFIG_KEY_ARN, which the functions cannot run without', () => {
    expect(KmsConfigSealer.fromEnv({ SLUICE_CONFIG_KEY_ARN: KEY })).toBeInstanceOf(KmsConfigSealer);
    expect(KmsConfigOpener.fromEnv({ SLUICE_CONFIG_KEY_ARN: KEY })).toBeInstanceOf(KmsConfigOpener);
    expect(() => KmsConfigSealer.fromEnv({})).toThrow(/SLUICE_CONFIG_KEY_ARN is not set/);
    expect(() => KmsConfigOpener.fromEnv({})).toThrow(/SLUICE_CONFIG_KEY_ARN is not set/);
  });
});
