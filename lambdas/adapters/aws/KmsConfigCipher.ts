// ConfigCipher on AWS KMS: Encrypt and Decrypt with the stack's symmetric key, the pipeline name as encryption context
// (a ciphertext opens only for the pipeline it was sealed for, and CloudTrail logs the context with each call).
// Password values are far below KMS's 4096-byte Encrypt limit, so no envelope (data key) is needed. The api role may
// only encrypt, the task roles only decrypt (lib/ConfigKey.ts).
import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { ConfigCipher, SealContext } from '../../runtime/ports/ConfigCipher.js';

export class KmsConfigCipher implements ConfigCipher {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async seal(plaintext: string, context: SealContext): Promise<string> {
    const r = await this.kms.send(new EncryptCommand({ KeyId: this.keyId, Plaintext: Buffer.from(plaintext, 'utf8'), EncryptionContext: { ...context } }));
    if (!r.CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
    return Buffer.from(r.CiphertextBlob).toString('base64url');
  }

  async open(sealed: string, context: SealContext): Promise<string> {
    // KeyId pins the key: a ciphertext of another key is refused rather than decrypted with it.
    const r = await this.kms.send(new DecryptCommand({ KeyId: this.keyId, CiphertextBlob: Buffer.from(sealed, 'base64url'), EncryptionContext: { ...context } }));
    if (!r.Plaintext) throw new Error('KMS Decrypt returned no plaintext');
    return Buffer.from(r.Plaintext).toString('utf8');
  }
}
