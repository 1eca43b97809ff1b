// Kafka's InsertHeader: adds a header whose value is a literal parsed as Connect's Values.parseString does.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { withRecord } from '../../connect-api/data/ConnectRecord.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { nonNull, requiredKey } from './configKeys.js';
import { parseLiteral } from './parseLiteral.js';
import { transformPlugin } from './plugin.js';

export const insertHeaderConfigDef = new ConfigDef([
  requiredKey('header', 'STRING', 'The name of the header.', { validator: nonNull }),
  requiredKey('value.literal', 'STRING', 'The literal value that is to be set as the header value on all records.', { validator: nonNull }),
]);

export function insertHeader(config: ParsedConfig): Transformation {
  const key = config.getString('header')!;
  const { schema, value } = parseLiteral(config.getString('value.literal')!);
  const header = Object.freeze({ key, schema, value });
  return {
    apply: (record) => withRecord(record, { headers: [...record.headers, header] }),
  };
}

export const insertHeaderPlugin = transformPlugin('InsertHeader', insertHeaderConfigDef, insertHeader);
