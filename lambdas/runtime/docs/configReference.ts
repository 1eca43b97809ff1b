// The README's config reference, rendered from the same ConfigDefs that parse and validate configs.
import type { ConfigDef, ConfigKey } from '../../connect-api/config/ConfigDef.js';
import { valueToString } from '../../connect-api/config/ConfigDef.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function defaultOf(k: ConfigKey): string {
  if (k.default === undefined) return '(required)';
  const v = valueToString(k.default);
  return v === null ? 'null' : v === '' ? '""' : `\`${v}\``;
}

/** A markdown table of a ConfigDef's public keys, grouped as the validate endpoint groups them. */
export function renderConfigTable(def: ConfigDef, include: (k: ConfigKey) => boolean = () => true): string {
  const rows = def.keys
    .filter((k) => !k.internal && include(k))
    .map((k) => `| \`${k.name}\` | ${k.type} | ${defaultOf(k)} | ${cell(k.validator?.description ?? '')} | ${cell(k.documentation)} |`);
  return ['| key | type | default | valid values | description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
