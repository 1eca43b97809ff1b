// Kafka's InsertField$Key / InsertField$Value: adds topic, partition, offset, timestamp and a static field.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import type { ConnectRecord } from '../../connect-api/data/ConnectRecord.js';
import { optional, type Schema, Schemas, timestampSchema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { ConfigError, DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { optionalKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { requireMap, requireSinkRecord, requireStruct } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey, schemaCache, structLike } from './schemaUtil.js';

const PURPOSE = 'field insertion';
const SUFFIX_DOC = 'Suffix with ! to make this a required field, or ? to keep it optional (the default).';

export const insertFieldConfigDef = new ConfigDef([
  optionalKey('topic.field', 'STRING', null, `Field name for Kafka topic. ${SUFFIX_DOC}`),
  optionalKey('partition.field', 'STRING', null, `Field name for Kafka partition. ${SUFFIX_DOC}`),
  optionalKey('offset.field', 'STRING', null, `Field name for Kafka offset - only applicable to sink connectors. ${SUFFIX_DOC}`),
  optionalKey('timestamp.field', 'STRING', null, `Field name for record timestamp. ${SUFFIX_DOC}`),
  optionalKey('static.field', 'STRING', null, `Field name for static data field. ${SUFFIX_DOC}`),
  optionalKey('static.value', 'STRING', null, 'Static field value, if field name configured.'),
  replaceNullWithDefaultKey,
]);

interface InsertionSpec {
  readonly name: string;
  readonly optional: boolean;
}

function parseSpec(spec: string | null): InsertionSpec | null {
  if (spec === null) return null;
  if (spec.endsWith('?')) return { name: spec.slice(0, -1), optional: true };
  if (spec.endsWith('!')) return { name: spec.slice(0, -1), optional: false };
  return { name: spec, optional: true };
}

interface Inserted {
  readonly spec: InsertionSpec;
  readonly schema: Schema;
  /** The value to insert, or null; partition and timestamp are skipped when the record has none. */
  readonly read: (record: ConnectRecord, withSchema: boolean) => unknown;
  readonly skipNull: boolean;
}

export function insertField(config: ParsedConfig, target: Target): Transformation {
  const spec = (key: string) => parseSpec(config.getString(key));
  const staticValue = config.getString('static.value');
  const staticSpec = spec('static.field');
  if (staticSpec !== null && staticValue === null) {
    const message = `Invalid value null for configuration static.value: No value specified for static field: ${config.getString('static.field')}`;
    throw new ConfigError(message, { key: 'static.value' });
  }
  const candidates: Array<[InsertionSpec | null, Schema, Inserted['read'], boolean]> = [
    [spec('topic.field'), Schemas.STRING, (r) => r.topic, false],
    [spec('partition.field'), Schemas.INT32, (r) => r.kafkaPartition, true],
    [spec('offset.field'), Schemas.INT64, (r) => requireSinkRecord(r, PURPOSE).kafkaOffset, false],
    [spec('timestamp.field'), timestampSchema(), (r, withSchema) => (r.timestamp === null || !withSchema ? r.timestamp : new Date(r.timestamp)), true],
    [staticSpec, Schemas.STRING, () => staticValue, false],
  ];
  const inserted = candidates.flatMap(([s, schema, read, skipNull]): Inserted[] =>
    s === null ? [] : [{ spec: s, schema: s.optional ? optional(schema) : schema, read, skipNull }],
  );
  if (inserted.length === 0) throw new ConfigError('No field insertion configured');
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);

  const updatedSchema = schemaCache((schema) => {
    const names = new Set((schema.fields ?? []).map((f) => f.name));
    for (const i of inserted) {
      if (names.has(i.spec.name)) throw new DataError(`Cannot create field because of field name duplication ${i.spec.name}`);
      names.add(i.spec.name);
    }
    return structLike(schema, [...(schema.fields ?? []).map((f) => [f.name, f.schema] as const), ...inserted.map((i) => [i.spec.name, i.schema] as const)]);
  });

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (value === null || value === undefined) return record;
      if (schema === null) {
        const updated = { ...requireMap(value, PURPOSE) };
        for (const i of inserted) {
          const v = i.read(record, false);
          if (v !== null || !i.skipNull) updated[i.spec.name] = v;
        }
        return withOperand(record, target, null, updated);
      }
      const struct = requireStruct(value, PURPOSE);
      const newSchema = updatedSchema(struct.schema);
      // The new schema is the struct's fields, then the inserted ones: one value per field, by position.
      const fields = struct.schema.fields ?? [];
      const values = new Array<unknown>(fields.length + inserted.length);
      for (let f = 0; f < fields.length; f++) values[f] = fieldValue(struct, fields[f]!, replaceNull);
      for (let n = 0; n < inserted.length; n++) values[fields.length + n] = inserted[n]!.read(record, true);
      return withOperand(record, target, newSchema, Struct.ofFieldValues(newSchema, values));
    },
  };
}

const plugins = keyValuePlugins('InsertField', insertFieldConfigDef, insertField);
export const insertFieldKeyPlugin = plugins.key;
export const insertFieldValuePlugin = plugins.value;
