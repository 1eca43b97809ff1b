// Values.parseString for one token: ISO-8601 date / time / timestamp, then the smallest number type that holds it
// (INT8 < INT16 < INT32 < INT64, else FLOAT32, FLOAT64, Decimal). Undefined when the token is neither.
import { Decimal } from '../../connect-api/data/Decimal.js';
import { dateSchema, decimalSchema, type Schema, Schemas, timeSchema, timestampSchema } from '../../connect-api/data/Schema.js';
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { int64 } from './jsonNodes.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;
const FLOAT_MAX = 3.4028234663852886e38;

const DATE_SCHEMA = dateSchema();
const TIME_SCHEMA = timeSchema();
const TIMESTAMP_SCHEMA = timestampSchema();

function temporal(token: string): SchemaAndValue | undefined {
  const text = token.replace(/\\:/g, ':');
  let schema: Schema;
  let iso: string;
  if (TIMESTAMP.test(text)) [schema, iso] = [TIMESTAMP_SCHEMA, text];
  else if (DATE.test(text)) [schema, iso] = [DATE_SCHEMA, `${text}T00:00:00.000Z`];
  else if (TIME.test(text)) [schema, iso] = [TIME_SCHEMA, `1970-01-01T${text}`];
  else return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || date.toISOString() !== iso ? undefined : { schema, value: date };
}

function integerSchema(n: bigint): Schema | undefined {
  if (n >= -128n && n <= 127n) return Schemas.INT8;
  if (n >= -32768n && n <= 32767n) return Schemas.INT16;
  if (n >= -2147483648n && n <= 2147483647n) return Schemas.INT32;
  if (n >= -(2n ** 63n) && n < 2n ** 63n) return Schemas.INT64;
  return undefined;
}

function number(token: string): SchemaAndValue | undefined {
  const m = NUMBER.exec(token);
  if (!m || !/^[+\-\d]/.test(token)) return undefined;
  const decimal = Decimal.parse(token);
  const factor = 10n ** BigInt(decimal.scale);
  if (decimal.unscaled % factor === 0n) {
    const n = decimal.unscaled / factor;
    const schema = integerSchema(n);
    if (schema) return { schema, value: schema.type === 'INT64' ? int64(n) : Number(n) };
  }
  const fraction = /\.(\d*)/.exec(token.replace(/[eE].*$/, ''))?.[1]?.length ?? 0;
  const scale = fraction - Number(m[1] ?? 0);
  const double = Number(token);
  if (scale !== 0 && Math.abs(double) <= FLOAT_MAX) return { schema: Schemas.FLOAT32, value: double };
  if (scale !== 0 && Number.isFinite(double)) return { schema: Schemas.FLOAT64, value: double };
  return { schema: decimalSchema(decimal.scale), value: decimal };
}

export function parseScalar(token: string): SchemaAndValue | undefined {
  if (!/^[+\-\d]/.test(token)) return undefined;
  return (/^\d/.test(token) ? temporal(token) : undefined) ?? number(token);
}

export function parseTemporal(token: string): SchemaAndValue | undefined {
  return temporal(token);
}
