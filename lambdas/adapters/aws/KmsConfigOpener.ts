// The tasks' ConfigOpener on AWS KMS: Decrypt with the stack's key and the pipeline name as encryption context, as
// KmsConfigSealer encrypted. The sink and source roles may only decrypt (lib/ConfigKey.ts).
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import type { ConfigOpener, SealContext } from '../../runtime/ports/ConfigCipher.js';
import { configKeyArn } from './configKeyArn.js';

export class KmsConfigOpener implements ConfigOpener {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  /** The opener of the key SLUICE_CONFIG_KEY_ARN names. */
  static fromEnv(env: NodeJS.ProcessEnv, kms: KMSClient = new KMSClient({})): KmsConfigOpener {
    return new KmsConfigOpener(kms, configKeyArn(env));
  }

  async open(sealed: string, context: SealContext): Promise<string> {
    // KeyId pins the key: a ciphertext of another key is refused rather than decrypted with it.
    const r = await this.kms.send(new DecryptCommand({ KeyId: this.keyId, CiphertextBlob: Buffer.from(sealed, 'base64url'), EncryptionContext: { ...context } }));
    if (!r.Plaintext) throw new Error('KMS Decrypt returned no plaintext');
    return Buffer.from(r.Plaintext).toString('utf8');
  }
}
