// Seals password-type config values before they are stored, and opens them in the tasks: KMS in AWS
// (adapters/aws/KmsConfigSealer.ts for the api, whose role may only encrypt; KmsConfigOpener.ts for the tasks, which may only decrypt), a local AES-GCM key in
// standalone mode (adapters/crypto/LocalConfigCipher.ts).

/** Bound to the ciphertext (KMS encryption context, AES-GCM additional data): a value opens only for its pipeline. */
export type SealContext = Readonly<Record<string, string>>;

/** What the api needs: it seals and never opens (in AWS its role may only encrypt). */
export interface ConfigSealer {
  /** The sealed form of a non-empty value, as base64url. */
  seal(plaintext: string, context: SealContext): Promise<string>;
}

/** What the tasks need: they open and never seal (in AWS their roles may only decrypt). */
export interface ConfigOpener {
  /** The value a `seal` with the same context returned `sealed` for. */
  open(sealed: string, context: SealContext): Promise<string>;
}

/** Both, for standalone mode's one local key. */
export interface ConfigCipher extends ConfigSealer, ConfigOpener {}
