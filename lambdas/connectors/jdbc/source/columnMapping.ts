// Result-set column → Connect field (kafka-connect-jdbc GenericDatabaseDialect.addFieldToSchema and
// columnConverterFor): integers by width and signedness, NUMERIC by numeric.mapping, temporal types as the Connect
// logical types read in db.timezone, text and JSON as STRING, binary as BYTES. Nullable columns get optional schemas.
import { Decimal } from '../../../connect-api/data/Decimal.js';
import { dateSchema, decimalSchema, type Schema, type SchemaType, schema, timeSchema } from '../../../connect-api/data/Schema.js';
import type { Zone } from '../dialects/temporal.js';
import { DataError } from '../../../connect-api/errors.js';
import type { TimestampGranularity } from '../config/sourceReadKeys.js';
import type { ResultColumn } from './SourceSql.js';
import { instantOfDate, parseDateText, parseTimestampText, parseTimeText } from './temporalText.js';
import { timestampMapper } from './timestampGranularity.js';

export type NumericMapping = 'none' | 'precision_only' | 'best_fit' | 'best_fit_eager_double';

/** One column's field schema and the function turning its driver values into Connect values. */
export interface ColumnMapper {
  readonly name: string;
  readonly schema: Schema;
  read(value: unknown): unknown;
}

/** Largest precision whose integers fit an INT64 (Kafka's MAX_INTEGER_TYPE_PRECISION). */
const MAX_INTEGER_PRECISION = 18;
const NUMERIC_SCALE_LOW = -84;

function integerTypeFor(precision: number): SchemaType {
  return precision > 9 ? 'INT64' : precision > 4 ? 'INT32' : precision > 2 ? 'INT16' : 'INT8';
}

const toNumber = (v: unknown): number => (typeof v === 'number' ? v : Number(typeof v === 'bigint' ? v : String(v)));

function toInt64(v: unknown): number | bigint {
  if (typeof v === 'number') return v;
  const big = typeof v === 'bigint' ? v : BigInt(String(v));
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return new TextEncoder().encode(v);
  throw new DataError(`Cannot read ${typeof v} as bytes`);
}

const toText = (v: unknown): string => (typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : typeof v === 'object' ? JSON.stringify(v) : String(v));

function integral(type: SchemaType): (v: unknown) => unknown {
  if (type === 'INT64') return toInt64;
  return (v) => {
    const n = toNumber(v);
    if (!Number.isInteger(n)) throw new DataError(`Not an integer: ${String(v)}`);
    return n;
  };
}

function decimalReader(scale: number): (v: unknown) => Decimal {
  return (v) => {
    const d = v instanceof Decimal ? v : Decimal.parse(typeof v === 'number' ? String(v) : toText(v));
    return d.rescale(scale);
  };
}

/**
 * Confluent's NUMERIC_TYPE_SCALE_HIGH: the Decimal scale of a NUMERIC with no fixed scale (PostgreSQL `numeric`,
 * Oracle `NUMBER`), as PostgreSqlDatabaseDialect.decimalScale falls back to it.
 */
const UNFIXED_SCALE = 127;

/**
 * NUMERIC/DECIMAL per numeric.mapping. An unconstrained NUMERIC (no precision, or Oracle's unset scale -127) is a
 * Decimal of scale 127, so no digit is lost; best_fit_eager_double makes it FLOAT64 (Confluent's precision_only and
 * best_fit would read it as INT8, failing on any fraction: Sluice keeps the Decimal there, a listed deviation).
 */
function numeric(c: ResultColumn, mapping: NumericMapping): { type: SchemaType; read: (v: unknown) => unknown; decimal?: { scale: number; precision: number } } {
  const precision = c.precision;
  const scale = c.scale ?? 0;
  if (precision === undefined || precision <= 0 || scale === -UNFIXED_SCALE) {
    if (mapping === 'best_fit_eager_double') return { type: 'FLOAT64', read: toNumber };
    return { type: 'BYTES', read: decimalReader(UNFIXED_SCALE), decimal: { scale: UNFIXED_SCALE, precision: precision ?? 0 } };
  }
  if (mapping === 'precision_only' && scale === 0 && precision <= MAX_INTEGER_PRECISION) {
    const type = integerTypeFor(precision);
    return { type, read: integral(type) };
  }
  if (mapping === 'best_fit' || mapping === 'best_fit_eager_double') {
    if (mapping === 'best_fit_eager_double' && scale > 0) return { type: 'FLOAT64', read: toNumber };
    if (precision <= MAX_INTEGER_PRECISION) {
      if (scale < 1 && scale >= NUMERIC_SCALE_LOW) {
        const type = integerTypeFor(precision);
        return { type, read: integral(type) };
      }
      if (scale > 0) return { type: 'FLOAT64', read: toNumber };
    }
  }
  return { type: 'BYTES', read: decimalReader(scale), decimal: { scale, precision } };
}

/** The mapper of one column, or undefined for a type Kafka's JDBC source skips (arrays, intervals, …). */
export function columnMapper(c: ResultColumn, mapping: NumericMapping, zone: Zone, granularity: TimestampGranularity = 'connect_logical'): ColumnMapper | undefined {
  const optional = c.nullable !== false;
  const simple = (type: SchemaType, read: (v: unknown) => unknown): ColumnMapper => ({ name: c.name, schema: schema(type, { optional }), read });
  switch (c.jdbcType) {
    case 'BOOLEAN':
      return simple('BOOLEAN', (v) => (typeof v === 'boolean' ? v : v === 't' || v === 'true' || toNumber(v) !== 0));
    case 'BIT':
      return simple('INT8', (v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v instanceof Uint8Array ? v[v.length - 1] ?? 0 : toNumber(v)));
    case 'TINYINT':
      return simple(c.unsigned ? 'INT16' : 'INT8', integral('INT8'));
    case 'SMALLINT':
      return simple(c.unsigned ? 'INT32' : 'INT16', integral('INT16'));
    case 'INTEGER':
      return c.unsigned ? simple('INT64', toInt64) : simple('INT32', integral('INT32'));
    case 'BIGINT':
      return simple('INT64', toInt64);
    case 'REAL':
      return simple('FLOAT32', toNumber);
    case 'DOUBLE':
      return simple('FLOAT64', toNumber);
    case 'NUMERIC': {
      const n = numeric(c, mapping);
      if (!n.decimal) return simple(n.type, n.read);
      const s = decimalSchema(n.decimal.scale, { optional, parameters: { 'connect.decimal.precision': String(n.decimal.precision) } });
      return { name: c.name, schema: s, read: n.read };
    }
    case 'CHAR':
    case 'VARCHAR':
    case 'CLOB':
      return simple('STRING', toText);
    case 'BINARY':
    case 'BLOB':
      return simple('BYTES', toBytes);
    case 'DATE':
      return { name: c.name, schema: dateSchema({ optional }), read: (v) => (v instanceof Date ? new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate())) : parseDateText(toText(v))) };
    case 'TIME':
      return { name: c.name, schema: timeSchema({ optional }), read: (v) => (v instanceof Date ? v : parseTimeText(toText(v))) };
    case 'TIMESTAMP':
    case 'TIMESTAMP_WITH_TIMEZONE':
      return timestampMapper(c.name, optional, granularity, zone, (v) => readInstant(v, zone));
    default:
      return undefined;
  }
}

/** A timestamp column's value with its nanos (for offsets). */
export function readInstant(v: unknown, zone: Zone): { ms: number; nanos: number } {
  return v instanceof Date ? instantOfDate(v) : parseTimestampText(toText(v), zone);
}
