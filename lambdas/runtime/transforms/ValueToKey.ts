// Kafka's ValueToKey: the new key is a Struct (or map) of some of the value's fields.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { withRecord } from '../../connect-api/data/ConnectRecord.js';
import { fieldOf, structSchema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { nonEmptyList, requiredKey } from './configKeys.js';
import { transformPlugin } from './plugin.js';
import { requireMap, requireStruct } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey, schemaCache } from './schemaUtil.js';

const PURPOSE = 'copying fields from value to key';

export const valueToKeyConfigDef = new ConfigDef([
  requiredKey('fields', 'LIST', 'Field names on the record value to extract as the record key.', { validator: nonEmptyList }),
  replaceNullWithDefaultKey,
]);

export function valueToKey(config: ParsedConfig): Transformation {
  const fields = config.getList('fields');
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
  const keySchema = schemaCache((valueSchema) =>
    structSchema(
      fields.map((name) => {
        const field = fieldOf(valueSchema, name);
        if (field === undefined) throw new DataError(`Field does not exist: ${name}`);
        return [name, field.schema] as const;
      }),
    ),
  );

  return {
    apply(record) {
      if (record.valueSchema === null) {
        const value = requireMap(record.value, PURPOSE);
        const key: Record<string, unknown> = {};
        for (const name of fields) key[name] = value[name] ?? null;
        return withRecord(record, { keySchema: null, key });
      }
      const value = requireStruct(record.value, PURPOSE);
      const schema = keySchema(value.schema);
      const key = new Struct(schema, new Map(fields.map((name) => [name, fieldValue(value, name, replaceNull)])));
      return withRecord(record, { keySchema: schema, key });
    },
  };
}

export const valueToKeyPlugin = transformPlugin('ValueToKey', valueToKeyConfigDef, valueToKey);
