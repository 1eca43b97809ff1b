// Kafka's HeaderFrom$Key / HeaderFrom$Value: copies or moves fields into headers (each header keeps the field's schema).
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { withRecord } from '../../connect-api/data/ConnectRecord.js';
import { fieldOf } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { oneOf } from '../../connect-api/config/validators.js';
import { ConfigError, DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { nonEmptyList, requiredKey } from './configKeys.js';
import { operandOf, type Target } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { requireMap, requireStruct } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey, schemaCache, structLike } from './schemaUtil.js';

export const headerFromConfigDef = new ConfigDef([
  requiredKey('fields', 'LIST', 'Field names in the record whose values are to be copied or moved to headers.', { validator: nonEmptyList }),
  requiredKey('headers', 'LIST', 'Header names, in the same order as the field names listed in the fields configuration property.', { validator: nonEmptyList }),
  requiredKey('operation', 'STRING', 'Either move if the fields are to be moved to the headers (removed from the key/value), or copy if the fields are to be copied to the headers (retained in the key/value).', {
    validator: oneOf(['move', 'copy']),
  }),
  replaceNullWithDefaultKey,
]);

export function headerFrom(config: ParsedConfig, target: Target): Transformation {
  const fields = config.getList('fields');
  const headers = config.getList('headers');
  if (fields.length !== headers.length) throw new ConfigError("'fields' config must have the same number of elements as 'headers' config.", { key: 'fields' });
  const move = config.getString('operation') === 'move';
  const purpose = `header ${config.getString('operation')}`;
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);
  const moved = new Set(fields);
  const movedSchema = schemaCache((schema) =>
    structLike(
      schema,
      (schema.fields ?? []).filter((f) => !moved.has(f.name)).map((f) => [f.name, f.schema] as const),
    ),
  );

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      const added = [...record.headers];
      if (schema === null) {
        const map = requireMap(value, purpose);
        const updated = { ...map };
        fields.forEach((field, i) => {
          if (move) delete updated[field];
          added.push(Object.freeze({ key: headers[i]!, schema: null, value: map[field] ?? null }));
        });
        return withRecord(record, target === 'key' ? { key: updated, headers: added } : { value: updated, headers: added });
      }
      const struct = requireStruct(value, purpose);
      fields.forEach((field, i) => {
        const f = fieldOf(schema, field);
        if (f === undefined) throw new DataError(`Field does not exist: ${field}`);
        added.push(Object.freeze({ key: headers[i]!, schema: f.schema, value: fieldValue(struct, f, replaceNull) }));
      });
      let updated = struct;
      if (move) {
        const newSchema = movedSchema(schema);
        updated = new Struct(newSchema, new Map((newSchema.fields ?? []).map((f) => [f.name, fieldValue(struct, f.name, replaceNull)])));
      }
      const changes = target === 'key' ? { keySchema: updated.schema, key: updated } : { valueSchema: updated.schema, value: updated };
      return withRecord(record, { ...changes, headers: added });
    },
  };
}

const plugins = keyValuePlugins('HeaderFrom', headerFromConfigDef, headerFrom);
export const headerFromKeyPlugin = plugins.key;
export const headerFromValuePlugin = plugins.value;
