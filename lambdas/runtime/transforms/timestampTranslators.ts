// TimestampConverter's translators between a raw instant (JS Date, ms precision) and each target type.
import { dateSchema, type Schema, Schemas, timeSchema, timestampSchema } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import { javaClassName } from './requirements.js';
import type { SimpleDateFormat } from './SimpleDateFormat.js';

export type TimestampType = 'string' | 'unix' | 'Date' | 'Time' | 'Timestamp';
export type UnixPrecision = 'seconds' | 'milliseconds' | 'microseconds' | 'nanoseconds';

export interface TranslatorConfig {
  readonly format: SimpleDateFormat | null;
  readonly precision: UnixPrecision;
}

interface Translator {
  toRaw(config: TranslatorConfig, value: unknown): Date;
  toType(config: TranslatorConfig, raw: Date): unknown;
  typeSchema(optional: boolean): Schema;
}

const DAY_MS = 86_400_000;
const MS_PER_UNIT: Record<UnixPrecision, bigint> = { seconds: 1000n, milliseconds: 1n, microseconds: 1n, nanoseconds: 1n };
const UNITS_PER_MS: Record<UnixPrecision, bigint> = { seconds: 1n, milliseconds: 1n, microseconds: 1000n, nanoseconds: 1_000_000n };

function toLong(n: bigint): number | bigint {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function requireDate(kind: string, value: unknown): Date {
  if (!(value instanceof Date)) throw new DataError(`Expected ${kind} to be a java.util.Date, but found ${javaClassName(value)}`);
  return value;
}

function withOptional(schema: Schema, optional: boolean): Schema {
  return optional ? { ...schema, optional: true } : schema;
}

export const TRANSLATORS: Record<TimestampType, Translator> = {
  string: {
    toRaw({ format }, value) {
      if (typeof value !== 'string') throw new DataError(`Expected string timestamp to be a String, but found ${javaClassName(value)}`);
      try {
        return format!.parse(value);
      } catch (e) {
        throw new DataError(`Could not parse timestamp: value (${value}) does not match pattern (${format!.pattern})`, { cause: e });
      }
    },
    toType: ({ format }, raw) => format!.format(raw),
    typeSchema: (optional) => (optional ? Schemas.OPTIONAL_STRING : Schemas.STRING),
  },
  unix: {
    toRaw({ precision }, value) {
      if (typeof value !== 'bigint' && !(typeof value === 'number' && Number.isInteger(value))) {
        throw new DataError(`Expected Unix timestamp to be a Long, but found ${javaClassName(value)}`);
      }
      // Java's TimeUnit conversions truncate toward zero, as BigInt division does.
      return new Date(Number((BigInt(value) * MS_PER_UNIT[precision]) / UNITS_PER_MS[precision]));
    },
    toType: ({ precision }, raw) => toLong((BigInt(raw.getTime()) * UNITS_PER_MS[precision]) / MS_PER_UNIT[precision]),
    typeSchema: (optional) => (optional ? Schemas.OPTIONAL_INT64 : Schemas.INT64),
  },
  Date: {
    toRaw: (_, value) => requireDate('Date', value),
    toType: (_, raw) => new Date(Math.floor(raw.getTime() / DAY_MS) * DAY_MS),
    typeSchema: (optional) => withOptional(dateSchema(), optional),
  },
  Time: {
    toRaw: (_, value) => requireDate('Time', value),
    toType: (_, raw) => new Date(((raw.getTime() % DAY_MS) + DAY_MS) % DAY_MS),
    typeSchema: (optional) => withOptional(timeSchema(), optional),
  },
  Timestamp: {
    toRaw: (_, value) => requireDate('Timestamp', value),
    toType: (_, raw) => raw,
    typeSchema: (optional) => withOptional(timestampSchema(), optional),
  },
};
