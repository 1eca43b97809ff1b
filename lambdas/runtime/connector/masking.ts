// Password-type values are masked in every response; "[hidden]" sent back keeps the stored value.
import { HIDDEN } from '../config/ConfigDef.js';
import { isSealed, URL_QUERY_PASSWORD, URL_USERINFO_PASSWORD } from '../config/sealing.js';
import type { ConnectorPlugin } from '../plugins/types.js';

/** A value such as ${secretsmanager:arn:key} is a reference, not a secret, and is shown as it is. */
const PROVIDER_REFERENCE = /^\$\{[^}]+\}$/;

export function maskConfig(config: Readonly<Record<string, string>>, plugin: ConnectorPlugin | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) out[k] = maskValue(k, v, plugin);
  return out;
}

/** A password-type value becomes "[hidden]"; a URL keeps its shape with the password inside it hidden. */
function maskValue(key: string, value: string, plugin: ConnectorPlugin | undefined): string {
  if (PROVIDER_REFERENCE.test(value) && !isSealed(value)) return value;
  if (isSecretKey(key, plugin) || isSealed(value)) return HIDDEN;
  if (key.endsWith('.url')) return maskUrlPassword(value);
  return value;
}

/** postgres://user:pw@host → postgres://user:[hidden]@host; ?password=pw → ?password=[hidden]. */
export function maskUrlPassword(url: string): string {
  return url.replace(URL_USERINFO_PASSWORD, `$1${HIDDEN}$3`).replace(URL_QUERY_PASSWORD, `$1${HIDDEN}`);
}

/** Replaces "[hidden]" in an incoming config with the stored value of that key, so GET → edit → PUT round-trips. */
export function unmaskConfig(incoming: Readonly<Record<string, string>>, stored: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = { ...incoming };
  for (const [k, v] of Object.entries(incoming)) {
    const kept = stored?.[k];
    if (kept === undefined) continue;
    if (v === HIDDEN || (k.endsWith('.url') && v.includes(HIDDEN) && maskUrlPassword(kept) === v)) out[k] = kept;
  }
  return out;
}

/** Whether the key's value is a password (the plugin's ConfigDef, or a well-known secret key name): masked and sealed. */
export function isSecretKey(key: string, plugin: ConnectorPlugin | undefined): boolean {
  if (plugin?.configDef.isPassword(key)) return true;
  // Converter and client settings of password type that no ConfigDef here declares (e.g. basic.auth.user.info).
  return /(^|\.)(password|basic\.auth\.user\.info|sasl\.jaas\.config|secret)$/i.test(key);
}
