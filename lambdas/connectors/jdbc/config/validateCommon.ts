// Checks both JDBC connectors share: that a dialect can be resolved for the URL.
import { ConfigError } from '../../../connect-api/errors.js';
import type { DialectName } from '../DialectName.js';
import { resolveDialect } from './connectionKeys.js';

export function mergeErrors(...maps: Array<Map<string, string[]>>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of maps) for (const [k, v] of m) out.set(k, [...(out.get(k) ?? []), ...v]);
  return out;
}

export function validateDialect(props: Readonly<Record<string, string>>, forced?: DialectName): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  if ((props['connection.url'] ?? '').trim() === '') return errors; // reported as missing by the ConfigDef
  try {
    resolveDialect(props, forced);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    errors.set(e.key ?? 'connection.url', [e.message]);
  }
  return errors;
}
