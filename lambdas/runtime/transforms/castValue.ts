// Cast's value conversions, following Java's narrowing rules (Number.byteValue wraps, float to int truncates
// and saturates) and Java's string parsing.
import { Decimal } from '../../connect-api/data/Decimal.js';
import { LogicalNames, type Schema, type SchemaType } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import { javaClassName } from './requirements.js';
import { SimpleDateFormat } from './SimpleDateFormat.js';

export type CastType = 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FLOAT32' | 'FLOAT64' | 'BOOLEAN' | 'STRING';
export const CAST_OUTPUT_TYPES: readonly CastType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING'];
export const CAST_INPUT_TYPES: readonly SchemaType[] = [...CAST_OUTPUT_TYPES, 'BYTES'];

const BITS: Partial<Record<CastType, number>> = { INT8: 8, INT16: 16, INT32: 32, INT64: 64 };
const DAY_MS = 86_400_000;
const TIME_FORMAT = new SimpleDateFormat("HH:mm:ss.SSS'Z'");
const DATE_FORMAT = new SimpleDateFormat('yyyy-MM-dd');
const TIMESTAMP_FORMAT = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

/** The Connect type of a schemaless value (ConnectSchema.schemaType), or undefined when Connect has none. */
export function inferSchemaType(value: unknown): SchemaType | undefined {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'bigint') return 'INT64';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INT32' : 'FLOAT64';
  if (value instanceof Uint8Array) return 'BYTES';
  return undefined;
}

/** Java's Values.dateFormatFor: time-only, date-only or full ISO timestamp. */
export function formatJavaDate(date: Date): string {
  const ms = date.getTime();
  if (ms >= 0 && ms < DAY_MS) return TIME_FORMAT.format(date);
  if (ms % DAY_MS === 0) return DATE_FORMAT.format(date);
  return TIMESTAMP_FORMAT.format(date);
}

function wrap(n: bigint, bits: number): number | bigint {
  const out = BigInt.asIntN(bits, n);
  return bits === 64 && (out > BigInt(Number.MAX_SAFE_INTEGER) || out < BigInt(Number.MIN_SAFE_INTEGER)) ? out : Number(out);
}

/** Java's (int) / (long) cast of a double: truncates, NaN is 0, out-of-range saturates. */
function truncate(n: number, bits: number): bigint {
  if (Number.isNaN(n)) return 0n;
  const limit = bits === 64 ? 2n ** 63n : 2n ** 31n;
  if (n >= Number(limit)) return limit - 1n;
  if (n <= -Number(limit)) return -limit;
  return BigInt(Math.trunc(n));
}

function outOfRange(value: unknown, cause?: unknown): DataError {
  return new DataError(`Value (${String(value)}) was out of range for requested data type`, cause === undefined ? undefined : { cause });
}

function toInteger(value: unknown, bits: number): number | bigint {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return wrap(value, bits);
  if (typeof value === 'number') return Number.isInteger(value) ? wrap(BigInt(value), bits) : wrap(truncate(value, Math.max(bits, 32)), bits);
  if (value instanceof Decimal) return wrap(value.unscaled / 10n ** BigInt(Math.max(value.scale, 0)), bits);
  if (typeof value === 'string') {
    if (!/^[+-]?\d+$/.test(value)) throw outOfRange(value);
    const n = BigInt(value);
    if (BigInt.asIntN(bits, n) !== n) throw outOfRange(value);
    return wrap(n, bits);
  }
  throw new DataError(`Unexpected type in Cast transformation: ${javaClassName(value)}`);
}

function toFloat(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  if (value instanceof Decimal) return value.toNumber();
  if (typeof value === 'string') {
    const text = value.trim();
    if (!/^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/.test(text)) throw outOfRange(value);
    const n = Number(text.replace(/[fFdD]$/, ''));
    return n;
  }
  throw new DataError(`Unexpected type in Cast transformation: ${javaClassName(value)}`);
}

function toText(value: unknown): string {
  if (value instanceof Date) return formatJavaDate(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return BigInt(value).toString();
  return String(value);
}

/** A logical value as its Connect base value (Date.fromLogical, Time.fromLogical, Timestamp.fromLogical). */
function encodeLogical(schema: Schema, value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  if (schema.name === LogicalNames.Date) return Math.floor(value.getTime() / DAY_MS);
  if (schema.name === LogicalNames.Time) return ((value.getTime() % DAY_MS) + DAY_MS) % DAY_MS;
  if (schema.name === LogicalNames.Timestamp) return value.getTime();
  return value;
}

/** Casts one value; `schema` null means schemaless (the input type is inferred). Null stays null. */
export function castValue(schema: Schema | null, value: unknown, target: CastType): unknown {
  if (value === null || value === undefined) return null;
  const inferred = schema === null ? inferSchemaType(value) : schema.type;
  if (inferred === undefined) {
    throw new DataError(`Cast transformation was passed a value of type ${javaClassName(value)} which is not supported by Connect's data API`);
  }
  if (!CAST_INPUT_TYPES.includes(inferred)) {
    throw new DataError(`Cast transformation does not support casting from ${inferred}; supported types are [${CAST_INPUT_TYPES.join(', ')}]`);
  }
  const input = schema !== null && schema.name !== undefined && target !== 'STRING' ? encodeLogical(schema, value) : value;
  const bits = BITS[target];
  if (bits !== undefined) return toInteger(input, bits);
  if (target === 'FLOAT32') return Math.fround(toFloat(input));
  if (target === 'FLOAT64') return toFloat(input);
  if (target === 'BOOLEAN') {
    if (typeof input === 'string') return input.toLowerCase() === 'true';
    if (typeof input === 'boolean') return input;
    const n = toInteger(input, 64);
    return n !== 0 && n !== 0n;
  }
  return toText(input);
}
