// Kafka's DropHeaders: removes every header with one of the configured names.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { withRecord } from '../../connect-api/data/ConnectRecord.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { nonEmptyList, requiredKey } from './configKeys.js';
import { transformPlugin } from './plugin.js';

export const dropHeadersConfigDef = new ConfigDef([
  requiredKey('headers', 'LIST', 'The name of the headers to be removed.', { validator: nonEmptyList }),
]);

export function dropHeaders(config: ParsedConfig): Transformation {
  const names = new Set(config.getList('headers'));
  return {
    apply: (record) => withRecord(record, { headers: record.headers.filter((h) => !names.has(h.key)) }),
  };
}

export const dropHeadersPlugin = transformPlugin('DropHeaders', dropHeadersConfigDef, dropHeaders);
