// Password-type values are masked in every response; "[hidden]" sent back keeps the stored value.
import { HIDDEN } from '../config/ConfigDef.js';
import type { ConnectorPlugin } from '../plugins/types.js';

/** A value such as ${secretsmanager:arn:key} is a reference, not a secret, and is shown as it is. */
const PROVIDER_REFERENCE = /^\$\{[^}]+\}$/;

export function maskConfig(config: Readonly<Record<string, string>>, plugin: ConnectorPlugin | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    out[k] = isSecretKey(k, plugin) && !PROVIDER_REFERENCE.test(v) ? HIDDEN : v;
  }
  return out;
}

/** Replaces "[hidden]" in an incoming config with the stored value of that key, so GET → edit → PUT round-trips. */
export function unmaskConfig(incoming: Readonly<Record<string, string>>, stored: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = { ...incoming };
  for (const [k, v] of Object.entries(incoming)) {
    if (v === HIDDEN && stored?.[k] !== undefined) out[k] = stored[k];
  }
  return out;
}

function isSecretKey(key: string, plugin: ConnectorPlugin | undefined): boolean {
  if (plugin?.configDef.isPassword(key)) return true;
  // Converter and client settings of password type that no ConfigDef here declares (e.g. basic.auth.user.info).
  return /(^|\.)(password|basic\.auth\.user\.info|sasl\.jaas\.config|secret)$/i.test(key);
}
