// Seals password-type config values before they are stored, and opens them in the tasks: KMS in AWS
// (adapters/aws/KmsConfigCipher.ts: the api role may only encrypt, the task roles may decrypt), a local AES-GCM key in
// standalone mode (adapters/crypto/LocalConfigCipher.ts).

/** Bound to the ciphertext (KMS encryption context, AES-GCM additional data): a value opens only for its pipeline. */
export type SealContext = Readonly<Record<string, string>>;

export interface ConfigCipher {
  /** The sealed form of a non-empty value, as base64url. */
  seal(plaintext: string, context: SealContext): Promise<string>;
  /** The value a `seal` with the same context returned `sealed` for. */
  open(sealed: string, context: SealContext): Promise<string>;
}
