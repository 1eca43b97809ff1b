// The task and api functions' config cipher in AWS: the stack's KMS key, named by SLUICE_CONFIG_KEY_ARN (lib/ConfigKey.ts).
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsConfigCipher } from './KmsConfigCipher.js';

export function kmsConfigCipherFromEnv(env: NodeJS.ProcessEnv, kms: KMSClient = new KMSClient({})): KmsConfigCipher {
  const keyArn = env['SLUICE_CONFIG_KEY_ARN'];
  if (!keyArn) throw new Error('SLUICE_CONFIG_KEY_ARN is not set: password-type config values are sealed with this KMS key');
  return new KmsConfigCipher(kms, keyArn);
}
