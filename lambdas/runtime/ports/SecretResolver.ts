// Resolves ${secretsmanager:<arn or name>:<json key>} config values (Secrets Manager adapter in AWS).
export interface SecretReference {
  /** Secret ARN or name. */
  readonly secretId: string;
  /** A key of the secret's JSON; undefined = the whole secret string. */
  readonly jsonKey?: string;
}

export interface SecretResolver {
  resolve(ref: SecretReference): Promise<string>;
}
