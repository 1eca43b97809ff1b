// Config values of the form ${secretsmanager:<arn or name>[:<json key>]} are resolved in the task, never stored in clear.
import { ConfigError } from '../../connect-api/errors.js';
import type { SecretReference, SecretResolver } from '../ports/SecretResolver.js';

const REFERENCE = /^\$\{secretsmanager:([^}]+)\}$/;

export function parseSecretReference(value: string): SecretReference | undefined {
  const m = REFERENCE.exec(value.trim());
  if (!m) return undefined;
  const body = m[1]!;
  if (body.startsWith('arn:')) {
    const parts = body.split(':');
    // arn:aws:secretsmanager:<region>:<account>:secret:<name-suffix> has 7 parts; an 8th is the JSON key.
    if (parts.length < 7) throw new ConfigError(`Invalid secret reference ${value}: not a Secrets Manager ARN`);
    const secretId = parts.slice(0, 7).join(':');
    const jsonKey = parts.slice(7).join(':');
    return jsonKey === '' ? { secretId } : { secretId, jsonKey };
  }
  const colon = body.indexOf(':');
  return colon < 0 ? { secretId: body } : { secretId: body.slice(0, colon), jsonKey: body.slice(colon + 1) };
}

/** Returns the config with every secret reference replaced by its value (each secret fetched once). */
export async function resolveConfigSecrets(config: Readonly<Record<string, string>>, resolver: SecretResolver | undefined): Promise<Record<string, string>> {
  const out: Record<string, string> = { ...config };
  for (const [key, value] of Object.entries(config)) {
    const ref = parseSecretReference(value);
    if (!ref) continue;
    if (!resolver) throw new ConfigError(`Config key ${key} refers to a secret, but no secret resolver is configured here`, { key });
    out[key] = await resolver.resolve(ref);
  }
  return out;
}
