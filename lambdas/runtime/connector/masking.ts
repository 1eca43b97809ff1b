// Password-type values are masked in every response; "[hidden]" sent back keeps the stored value.
import { HIDDEN, isSecretKeyName, maskSecrets, secretValues } from '../../connect-api/maskSecrets.js';
import { isSealed } from '../config/sealing.js';
import type { ConnectorPlugin } from '../../connect-api/plugins.js';

/** A value such as ${secretsmanager:arn:key} is a reference, not a secret, and is shown as it is. */
const PROVIDER_REFERENCE = /^\$\{[^}]+\}$/;

export function maskConfig(config: Readonly<Record<string, string>>, plugin: ConnectorPlugin | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) out[k] = maskValue(k, v, plugin);
  return out;
}

/** A password-type value becomes "[hidden]"; any other value keeps its shape with the passwords inside it hidden. */
function maskValue(key: string, value: string, plugin: ConnectorPlugin | undefined): string {
  if (PROVIDER_REFERENCE.test(value) && !isSealed(value)) return value;
  if (isSecretKey(key, plugin) || isSealed(value)) return HIDDEN;
  return maskSecrets(value);
}

/** postgres://user:pw@host → postgres://user:[hidden]@host; ?password=pw (or sslpassword=pw) → ?password=[hidden]. */
export function maskUrlPassword(url: string): string {
  return maskSecrets(url);
}

/** Kafka's rendering of a config map in messages ({k=v, ...}), with every secret hidden. */
export function renderConfigMap(props: Readonly<Record<string, string | null>>, plugin?: ConnectorPlugin): string {
  return `{${Object.entries(props)
    .map(([k, v]) => `${k}=${v === null ? null : maskValue(k, v, plugin)}`)
    .join(', ')}}`;
}

/** The literal secrets a config carries (password-type values, passwords inside URLs), for masking at the edge. */
export function configSecrets(config: Readonly<Record<string, unknown>>, plugin: ConnectorPlugin | undefined): string[] {
  return secretValues(config, (k) => isSecretKey(k, plugin));
}

/** Replaces "[hidden]" in an incoming config with the stored value of that key, so GET → edit → PUT round-trips. */
export function unmaskConfig(incoming: Readonly<Record<string, string>>, stored: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = { ...incoming };
  for (const [k, v] of Object.entries(incoming)) {
    const kept = stored?.[k];
    if (kept === undefined) continue;
    if (v === HIDDEN || (v.includes(HIDDEN) && maskSecrets(kept) === v)) out[k] = kept;
  }
  return out;
}

/** Whether the key's value is a password (the plugin's ConfigDef, or a well-known secret key name): masked and sealed. */
export function isSecretKey(key: string, plugin: ConnectorPlugin | undefined): boolean {
  // Also converter and client settings of password type that no ConfigDef here declares (e.g. basic.auth.user.info).
  return plugin?.configDef.isPassword(key) === true || isSecretKeyName(key);
}
