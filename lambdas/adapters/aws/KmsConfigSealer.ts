// The api's ConfigSealer on AWS KMS: Encrypt with the stack's symmetric key and the pipeline name as encryption context
// (a ciphertext opens only for the pipeline it was sealed for, and CloudTrail logs the context with each call).
// Password values are far below KMS's 4096-byte Encrypt limit, so no envelope (data key) is needed. The api role may
// only encrypt (lib/ConfigKey.ts); the tasks open with KmsConfigOpener.
import { EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import type { ConfigSealer, SealContext } from '../../runtime/ports/ConfigCipher.js';
import { configKeyArn } from './configKeyArn.js';

export class KmsConfigSealer implements ConfigSealer {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  /** The sealer of the key SLUICE_CONFIG_KEY_ARN names. */
  static fromEnv(env: NodeJS.ProcessEnv, kms: KMSClient = new KMSClient({})): KmsConfigSealer {
    return new KmsConfigSealer(kms, configKeyArn(env));
  }

  async seal(plaintext: string, context: SealContext): Promise<string> {
    const r = await this.kms.send(new EncryptCommand({ KeyId: this.keyId, Plaintext: Buffer.from(plaintext, 'utf8'), EncryptionContext: { ...context } }));
    if (!r.CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
    return Buffer.from(r.CiphertextBlob).toString('base64url');
  }
}
