// SecretResolver on Secrets Manager, caching each secret for the container's life (bounded by a TTL).
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../../connect-api/errors.js';
import type { SecretReference, SecretResolver } from '../../runtime/ports/SecretResolver.js';

export class SecretsManagerResolver implements SecretResolver {
  private readonly cache = new Map<string, { value: Promise<string>; at: number }>();

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async resolve(ref: SecretReference): Promise<string> {
    const secret = await this.secretString(ref.secretId);
    if (ref.jsonKey === undefined) return secret;
    let parsed: unknown;
    try {
      parsed = JSON.parse(secret);
    } catch (e) {
      throw new ConfigError(`Secret ${ref.secretId} is not JSON, so it has no key ${ref.jsonKey}`, { cause: e });
    }
    const value = (parsed as Record<string, unknown>)[ref.jsonKey];
    if (value === undefined || value === null) throw new ConfigError(`Secret ${ref.secretId} has no key ${ref.jsonKey}`);
    return String(value);
  }

  private secretString(secretId: string): Promise<string> {
    const hit = this.cache.get(secretId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = this.client.send(new GetSecretValueCommand({ SecretId: secretId })).then((r) => {
      if (r.SecretString === undefined) throw new ConfigError(`Secret ${secretId} has no string value`);
      return r.SecretString;
    });
    value.catch(() => this.cache.delete(secretId));
    this.cache.set(secretId, { value, at: Date.now() });
    return value;
  }
}
