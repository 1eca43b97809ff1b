// Connect's logical types in JSON, both directions (JsonConverter's LOGICAL_CONVERTERS):
// Decimal as base64 two's-complement bytes or a JSON number, Date as days, Time as ms of day, Timestamp as epoch ms.
import { Decimal } from '../../connect-api/data/Decimal.js';
import { LogicalNames, type Schema } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import { fromBase64, toBase64 } from './base64.js';
import { JsonNumber, type JsonValue } from './jsonText.js';
import { nodeType } from './jsonNodes.js';

export const MILLIS_PER_DAY = 86_400_000;

export type DecimalFormat = 'BASE64' | 'NUMERIC';

/** Each Decimal schema's scale, read from its parameters once (schemas are frozen); the record path asks per value. */
const scales = new WeakMap<Schema, number>();

export function decimalScale(schema: Schema): number {
  const known = scales.get(schema);
  if (known !== undefined) return known;
  const scale = schema.parameters?.scale;
  if (scale === undefined || !/^-?\d+$/.test(scale)) throw new DataError('Invalid Decimal schema: scale parameter not found.');
  scales.set(schema, Number(scale));
  return Number(scale);
}

function isInt(v: JsonValue): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
}

function toDecimal(schema: Schema, v: JsonValue): Decimal {
  const scale = decimalScale(schema);
  if (typeof v === 'string') return Decimal.fromBytes(fromBase64(v, 'Decimal'), scale);
  if (typeof v !== 'number' && !(v instanceof JsonNumber)) {
    throw new DataError(`Invalid type for Decimal, underlying representation should be numeric or bytes but was ${nodeType(v)}`);
  }
  const parsed = Decimal.parse(typeof v === 'number' ? String(v) : v.text);
  try {
    return parsed.rescale(scale);
  } catch {
    return parsed;
  }
}

/** Converts a non-null JSON value of a logical schema; undefined when the schema is not a logical type. */
export function logicalToConnect(schema: Schema, v: JsonValue): unknown {
  switch (schema.name) {
    case LogicalNames.Decimal:
      return toDecimal(schema, v);
    case LogicalNames.Date:
      if (!isInt(v)) throw new DataError(`Invalid type for Date, underlying representation should be integer but was ${nodeType(v)}`);
      return new Date(v * MILLIS_PER_DAY);
    case LogicalNames.Time:
      if (!isInt(v)) throw new DataError(`Invalid type for Time, underlying representation should be integer but was ${nodeType(v)}`);
      if (v < 0 || v > MILLIS_PER_DAY) {
        throw new DataError('Time values must use number of milliseconds greater than 0 and less than 86400000');
      }
      return new Date(v);
    case LogicalNames.Timestamp: {
      const integral = (typeof v === 'number' && Number.isInteger(v)) || (v instanceof JsonNumber && v.isIntegral);
      if (!integral) throw new DataError(`Invalid type for Timestamp, underlying representation should be integral but was ${nodeType(v)}`);
      return new Date(Number(typeof v === 'number' ? v : v.text));
    }
    default:
      return undefined;
  }
}

function expectDate(logical: string, value: unknown): Date {
  if (!(value instanceof Date)) throw new DataError(`Invalid type for ${logical}, expected Date but was ${typeName(value)}`);
  return value;
}

/** Renders a non-null value of a logical schema as JSON text; undefined when the schema is not a logical type. */
export function logicalToJson(schema: Schema, value: unknown, format: DecimalFormat): string | undefined {
  switch (schema.name) {
    case LogicalNames.Decimal: {
      if (!(value instanceof Decimal)) throw new DataError(`Invalid type for Decimal, expected Decimal but was ${typeName(value)}`);
      const scale = decimalScale(schema);
      if (value.scale !== scale) {
        throw new DataError(
          `Decimal value has mismatching scale for given Decimal schema. Schema has scale ${scale}, value has scale ${value.scale}.`,
        );
      }
      return format === 'NUMERIC' ? value.toString() : `"${toBase64(value.toBytes())}"`;
    }
    case LogicalNames.Date: {
      const ms = expectDate('Date', value).getTime();
      if (ms % MILLIS_PER_DAY !== 0) throw new DataError('Kafka Connect Date type should not have any time fields set to non-zero values.');
      return String(ms / MILLIS_PER_DAY);
    }
    case LogicalNames.Time: {
      const ms = expectDate('Time', value).getTime();
      if (ms < 0 || ms >= MILLIS_PER_DAY) throw new DataError('Kafka Connect Time type should not have any date fields set to non-zero values.');
      return String(ms);
    }
    case LogicalNames.Timestamp:
      return String(expectDate('Timestamp', value).getTime());
    default:
      return undefined;
  }
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'Object';
}
