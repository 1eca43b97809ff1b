// Kafka's HasHeaderKey predicate: true when the record has at least one header with the configured key.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { nonEmptyString } from '../../connect-api/config/validators.js';
import type { Predicate } from '../../connect-api/plugins.js';
import { predicatePlugin } from './plugin.js';

export const hasHeaderKeyConfigDef = new ConfigDef([
  { name: 'name', type: 'STRING', importance: 'MEDIUM', documentation: 'The header name.', validator: nonEmptyString },
]);

export function hasHeaderKey(config: ParsedConfig): Predicate {
  const name = config.getString('name')!;
  return { test: (record) => record.headers.some((h) => h.key === name) };
}

export const hasHeaderKeyPlugin = predicatePlugin('HasHeaderKey', hasHeaderKeyConfigDef, hasHeaderKey);
