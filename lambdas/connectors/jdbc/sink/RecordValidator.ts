// Which records the sink can write at all (kafka-connect-jdbc RecordValidator), with Kafka's messages.
// Sluice deviation: a schemaless plain-object value (JsonConverter schemas.enable=false) is accepted where Kafka
// requires a Struct; its columns come from the object's keys (see schemaless.ts).
import type { SinkRecord } from '../../../connect-api/data/ConnectRecord.js';
import { Decimal } from '../../../connect-api/data/Decimal.js';
import type { Schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { RecordWriteError } from './errors.js';
import type { JdbcSinkConfig } from './JdbcSinkConfig.js';

const PRIMITIVES = new Set<Schema['type']>(['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES']);

export type RecordValidator = (record: SinkRecord) => void;

/** A plain JSON object (not a Struct, array, bytes, Decimal or Date): a schemaless map value. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isPrimitiveSchema(schema: Schema): boolean {
  return PRIMITIVES.has(schema.type);
}

/** Builds the validator for a configuration, as `RecordValidator.create` does. */
export function recordValidator(config: JdbcSinkConfig): RecordValidator {
  const needsKey = config.pkMode === 'record_key' || config.deleteEnabled;
  return (record) => {
    if (needsKey) requireKey(config, record);
    if (record.value === null || record.value === undefined) {
      if (config.deleteEnabled) return;
      throw valueError(config, record);
    }
    const schema = record.valueSchema;
    if (schema === null ? isPlainObject(record.value) : schema.type === 'STRUCT' && record.value instanceof Struct) return;
    throw valueError(config, record);
  };
}

function requireKey(config: JdbcSinkConfig, record: SinkRecord): void {
  const schema = record.keySchema;
  if (record.key !== null && record.key !== undefined && schema !== null && (schema.type === 'STRUCT' || isPrimitiveSchema(schema))) return;
  throw new RecordWriteError(
    `${prefix(config)}records with a non-null key and non-null Struct or primitive key schema, but found record at ${coordinates(record)} with a ${javaType(record.key)} key and ${schemaType(schema)} key schema.`,
    record,
  );
}

function valueError(config: JdbcSinkConfig, record: SinkRecord): RecordWriteError {
  return new RecordWriteError(
    `${prefix(config)}records with a non-null Struct value and non-null Struct schema, but found record at ${coordinates(record)} with a ${javaType(record.value)} value and ${schemaType(record.valueSchema)} value schema.`,
    record,
  );
}

function prefix(config: JdbcSinkConfig): string {
  return `Sink connector '${config.connectorName}' is configured with 'delete.enabled=${config.deleteEnabled}' and 'pk.mode=${config.pkMode}' and therefore requires `;
}

function coordinates(record: SinkRecord): string {
  return `(topic='${record.topic}',partition=${record.kafkaPartition},offset=${record.kafkaOffset},timestamp=${record.timestamp})`;
}

function schemaType(schema: Schema | null): string {
  return schema === null ? 'null' : schema.type;
}

/** The Java class name Kafka would print for a value, so messages read the same. */
function javaType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Struct) return 'Struct';
  if (value instanceof Decimal) return 'BigDecimal';
  if (value instanceof Date) return 'Date';
  if (value instanceof Uint8Array) return 'byte[]';
  if (Array.isArray(value)) return 'ArrayList';
  if (isPlainObject(value)) return 'HashMap';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Long' : 'Double';
  if (typeof value === 'bigint') return 'Long';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  return typeof value;
}
