// Key and value columns of a table from the record schemas and pk.mode (kafka-connect-jdbc FieldsMetadata), with
// Kafka's messages. Key columns come first in bind order; `fields.whitelist` filters value columns only.
import { type Schema, Schemas } from '../../../connect-api/data/Schema.js';
import type { Column } from '../dialects/Dialect.js';
import { type EpochUnit, epochTimestampSchema } from '../dialects/epochTimestamp.js';
import { DataError } from '../../../connect-api/errors.js';
import type { PkMode } from './JdbcSinkConfig.js';
import { isPrimitiveSchema } from './RecordValidator.js';

export const KAFKA_PK_NAMES = ['__connect_topic', '__connect_partition', '__connect_offset'] as const;

export interface FieldsMetadata {
  /** Primary-key columns, in bind order. */
  readonly keyColumns: readonly Column[];
  /** Non-key columns, in value-schema order. */
  readonly valueColumns: readonly Column[];
  /** CREATE TABLE order: the value schema's order with pk.mode=record_value, else key columns then value columns. */
  readonly tableColumns: readonly Column[];
  /** Where key columns are read from: record coordinates, the key (whole or its fields), or value fields. */
  readonly keySource: 'none' | 'kafka' | 'keyPrimitive' | 'keyStruct' | 'value';
}

export interface FieldsSpec {
  readonly pkMode: PkMode;
  readonly pkFields: readonly string[];
  readonly fieldsWhitelist: readonly string[];
  /** `timestamp.fields.list`: INT64 or STRING fields of these names are epoch timestamps in `timestampPrecision`. */
  readonly timestampFields?: readonly string[];
  readonly timestampPrecision?: EpochUnit;
}

/** The columns for records of these schemas; `valueSchema` is null for a buffer of tombstones. Throws DataError. */
export function extractFields(tableName: string, spec: FieldsSpec, keySchema: Schema | null, valueSchema: Schema | null): FieldsMetadata {
  if (valueSchema !== null && valueSchema.type !== 'STRUCT') throw new DataError('Value schema must be of type Struct');
  const { keyColumns, keySource } = keyFields(tableName, spec, keySchema, valueSchema);
  const keyNames = new Set(keyColumns.map((c) => c.name));
  const whitelist = new Set(spec.fieldsWhitelist);
  const valueColumns = (valueSchema?.fields ?? [])
    .filter((f) => !keyNames.has(f.name) && (whitelist.size === 0 || whitelist.has(f.name)))
    .map((f) => ({ name: f.name, schema: f.schema }));
  if (keyColumns.length + valueColumns.length === 0) throw new DataError(`No fields found using key and value schemas for table: ${tableName}`);
  const tableColumns =
    keySource === 'value'
      ? (valueSchema?.fields ?? []).filter((f) => keyNames.has(f.name) || valueColumns.some((c) => c.name === f.name)).map((f) => ({ name: f.name, schema: f.schema }))
      : [...keyColumns, ...valueColumns];
  if (!spec.timestampFields?.length) return { keyColumns, valueColumns, tableColumns, keySource };
  const listed = new Set(spec.timestampFields);
  const unit = spec.timestampPrecision ?? 'microseconds';
  const mark = (columns: readonly Column[]) =>
    columns.map((c) => (listed.has(c.name) && (c.schema.type === 'INT64' || c.schema.type === 'STRING') && c.schema.name === undefined ? { name: c.name, schema: epochTimestampSchema(c.schema, unit) } : c));
  return { keyColumns: mark(keyColumns), valueColumns: mark(valueColumns), tableColumns: mark(tableColumns), keySource };
}

function keyFields(
  tableName: string,
  spec: FieldsSpec,
  keySchema: Schema | null,
  valueSchema: Schema | null,
): Pick<FieldsMetadata, 'keyColumns' | 'keySource'> {
  const configured = spec.pkFields;
  switch (spec.pkMode) {
    case 'none':
      return { keyColumns: [], keySource: 'none' };
    case 'kafka': {
      if (configured.length !== 0 && configured.length !== 3) {
        throw new DataError(
          `PK mode for table '${tableName}' is KAFKA so there should either be no field names defined for defaults [${KAFKA_PK_NAMES.join(', ')}] to be applicable, or exactly 3, defining fields in that order`,
        );
      }
      const [topic, partition, offset] = configured.length === 3 ? configured : KAFKA_PK_NAMES;
      const keyColumns = [
        { name: topic!, schema: Schemas.STRING },
        { name: partition!, schema: Schemas.INT32 },
        { name: offset!, schema: Schemas.INT64 },
      ];
      return { keyColumns, keySource: 'kafka' };
    }
    case 'record_key': {
      if (keySchema === null) throw new DataError(`PK mode for table '${tableName}' is RECORD_KEY, but record key schema is missing`);
      if (isPrimitiveSchema(keySchema)) {
        if (configured.length !== 1) {
          throw new DataError(
            `Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: [${configured.join(', ')}]`,
          );
        }
        return { keyColumns: [{ name: configured[0]!, schema: keySchema }], keySource: 'keyPrimitive' };
      }
      if (keySchema.type !== 'STRUCT') throw new DataError(`Key schema must be primitive type or Struct, but is of type: ${keySchema.type}`);
      return { keyColumns: structFields(tableName, 'RECORD_KEY', 'key', configured, keySchema), keySource: 'keyStruct' };
    }
    case 'record_value':
      if (valueSchema === null) throw new DataError(`PK mode for table '${tableName}' is RECORD_VALUE, but record value schema is missing`);
      return { keyColumns: structFields(tableName, 'RECORD_VALUE', 'value', configured, valueSchema), keySource: 'value' };
  }
}

/** All fields of `schema` when none are configured, else the configured ones in configured order. */
function structFields(tableName: string, mode: string, side: string, configured: readonly string[], schema: Schema): Column[] {
  const fields = schema.fields ?? [];
  if (configured.length === 0) return fields.map((f) => ({ name: f.name, schema: f.schema }));
  return configured.map((name) => {
    const field = fields.find((f) => f.name === name);
    if (field === undefined) {
      throw new DataError(
        `PK mode for table '${tableName}' is ${mode} with configured PK fields [${configured.join(', ')}], but record ${side} schema does not contain field: ${name}`,
      );
    }
    return { name, schema: field.schema };
  });
}
