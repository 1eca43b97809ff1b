// What `apply` changes, key by key, with every password hidden the way the server hides it in GET: a password-type
// key (the plugin's ConfigDef, as the validate endpoint reports it, or a well-known secret key name) becomes
// "[hidden]", a password inside a URL is masked in place. Comparing the file's masked values with the server's keeps
// a second apply a no-op; a changed password alone is therefore not seen (`apply --force` sends the config anyway).
import { HIDDEN, isSecretKeyName, maskSecrets } from '../../../lambdas/connect-api/maskSecrets.js';

export interface ConfigChange {
  readonly key: string;
  readonly op: 'add' | 'change' | 'remove';
  readonly from?: string;
  readonly to?: string;
}

/** A value such as ${secretsmanager:arn:key} is a reference, not a secret, and the server shows it as it is. */
const PROVIDER_REFERENCE = /^\$\{[^}]+\}$/;

export function maskConfig(config: Readonly<Record<string, string>>, passwordKeys: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    if (PROVIDER_REFERENCE.test(v)) out[k] = v;
    else out[k] = passwordKeys.has(k) || isSecretKeyName(k) ? HIDDEN : maskSecrets(v);
  }
  return out;
}

/** The changes from `current` (undefined: no such connector) to `desired`, both already masked, in key order. */
export function diffConfigs(current: Readonly<Record<string, string>> | undefined, desired: Readonly<Record<string, string>>): ConfigChange[] {
  const before = current ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(desired)])].sort();
  const out: ConfigChange[] = [];
  for (const key of keys) {
    const from = before[key];
    const to = desired[key];
    if (from === to) continue;
    if (from === undefined) out.push({ key, op: 'add', to: to! });
    else if (to === undefined) out.push({ key, op: 'remove', from });
    else out.push({ key, op: 'change', from, to });
  }
  return out;
}

const SIGN = { add: '+', change: '~', remove: '-' } as const;

/** `  + key: value`, `  ~ key: old -> new`, `  - key: value`. */
export function renderChanges(changes: readonly ConfigChange[]): string {
  return changes
    .map((c) => `  ${SIGN[c.op]} ${c.key}: ${c.op === 'change' ? `${c.from} -> ${c.to}` : c.op === 'add' ? c.to : c.from}\n`)
    .join('');
}
