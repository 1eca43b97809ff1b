// Connect value → driver bind value, shared by the dialects; each supplies its flavour (booleans, arrays, temporals).
import { Decimal } from '../../../connect-api/data/Decimal.js';
import { LogicalNames, type Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';
import { epochInstant, isEpochTimestamp } from './epochTimestamp.js';
import { epochMillis } from './temporal.js';

export type Logical = 'Decimal' | 'Date' | 'Time' | 'Timestamp';

/** The Connect logical type of a schema, when it has one this package knows. */
export function logicalOf(schema: Schema): Logical | undefined {
  switch (schema.name) {
    case LogicalNames.Decimal:
      return 'Decimal';
    case LogicalNames.Date:
      return 'Date';
    case LogicalNames.Time:
      return 'Time';
    case LogicalNames.Timestamp:
      return 'Timestamp';
    default:
      return undefined;
  }
}

/** The `scale` parameter of a Decimal schema. */
export function decimalScale(schema: Schema): number {
  const scale = Number(schema.parameters?.['scale'] ?? 0);
  if (!Number.isInteger(scale)) throw new DataError(`Invalid Decimal schema: scale '${schema.parameters?.['scale']}' is not an integer`);
  return scale;
}

/** A Connect Decimal value (Decimal, its wire bytes, or numeric text/number) as exact decimal text. */
export function decimalText(schema: Schema, value: unknown): string {
  if (value instanceof Decimal) return value.toString();
  if (value instanceof Uint8Array) return Decimal.fromBytes(value, decimalScale(schema)).toString();
  if (typeof value === 'bigint') return value.toString();
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string') {
    try {
      return Decimal.parse(String(value)).toString();
    } catch (cause) {
      throw new DataError(`Invalid Decimal value '${String(value).slice(0, 100)}'`, { cause });
    }
  }
  throw new DataError(`Invalid Decimal value: expected a Decimal, got ${typeof value}`);
}

export interface BindFlavor {
  /** PostgreSQL binds booleans; MySQL TINYINT and Oracle NUMBER(1,0) take 1/0. */
  readonly booleansAsNumbers: boolean;
  /** Only PostgreSQL has array columns. */
  readonly arrays: boolean;
  /** Date/Time/Timestamp as epoch milliseconds → what the driver binds; `nanos` of the second, when finer than ms. */
  temporal(kind: 'Date' | 'Time' | 'Timestamp', epochMs: number, nanos?: number): unknown;
}

/** Converts one Connect value for binding; null and undefined bind SQL NULL. */
export function convertValue(schema: Schema, value: unknown, flavor: BindFlavor): unknown {
  if (value === null || value === undefined) return null;
  if (isEpochTimestamp(schema)) {
    const { epochMs, nanos } = epochInstant(schema, value);
    return flavor.temporal('Timestamp', epochMs, nanos);
  }
  const logical = logicalOf(schema);
  if (logical === 'Decimal') return decimalText(schema, value);
  if (logical !== undefined) return flavor.temporal(logical, epochMillis(logical, value));
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      throw invalid(schema, value);
    case 'FLOAT32':
    case 'FLOAT64':
      if (typeof value === 'number') return value;
      throw invalid(schema, value);
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw invalid(schema, value);
      return flavor.booleansAsNumbers ? (value ? 1 : 0) : value;
    case 'STRING':
      if (typeof value === 'string') return value;
      throw invalid(schema, value);
    case 'BYTES':
      if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      throw invalid(schema, value);
    case 'ARRAY':
      if (!flavor.arrays) throw unmapped(schema, 'value');
      if (!Array.isArray(value)) throw invalid(schema, value);
      return value.map((v) => convertValue(schema.valueSchema!, v, flavor));
    default:
      throw unmapped(schema, 'value');
  }
}

function invalid(schema: Schema, value: unknown): DataError {
  const got = value instanceof Uint8Array ? 'bytes' : Array.isArray(value) ? 'array' : typeof value;
  return new DataError(`Invalid value for a ${schema.type} column: got ${got}`);
}

/** Kafka's message for a schema with no column type: `<name> (<TYPE>) type doesn't have a mapping to the SQL database column type`. */
export function unmapped(schema: Schema, columnName: string): DataError {
  return new DataError(`${schema.name ?? columnName} (${schema.type}) type doesn't have a mapping to the SQL database column type`);
}
