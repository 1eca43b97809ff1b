// The scalar part of Connect's Values.parseString, used by InsertHeader's value.literal: booleans, the smallest
// integer type that holds a number (INT8..INT64, then Decimal), FLOAT32/FLOAT64, ISO date/time/timestamp,
// and "quoted" strings. Anything else (including [arrays] and {maps}, which Connect would parse) stays a STRING.
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { Decimal } from '../../connect-api/data/Decimal.js';
import { dateSchema, Schemas, timeSchema, timestampSchema, decimalSchema } from '../../connect-api/data/Schema.js';
import { SimpleDateFormat } from './SimpleDateFormat.js';

const INTEGER_TYPES = [
  [8, Schemas.INT8],
  [16, Schemas.INT16],
  [32, Schemas.INT32],
  [64, Schemas.INT64],
] as const;
const DATE_PATTERNS = [
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"), timestampSchema()],
  [/^\d{4}-\d{2}-\d{2}$/, new SimpleDateFormat('yyyy-MM-dd'), dateSchema()],
  [/^\d{2}:\d{2}:\d{2}\.\d{3}Z$/, new SimpleDateFormat("HH:mm:ss.SSS'Z'"), timeSchema()],
] as const;

function parseNumber(text: string): SchemaAndValue | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const decimal = Decimal.parse(text);
  const factor = 10n ** BigInt(Math.max(decimal.scale, 0));
  if (decimal.unscaled % factor === 0n) {
    const integral = decimal.unscaled / factor;
    for (const [bits, schema] of INTEGER_TYPES) {
      if (BigInt.asIntN(bits, integral) === integral) {
        return { schema, value: bits === 64 && !Number.isSafeInteger(Number(integral)) ? integral : Number(integral) };
      }
    }
  }
  if (decimal.scale !== 0) {
    const f = Math.fround(Number(text));
    if (Number.isFinite(f)) return { schema: Schemas.FLOAT32, value: f };
    if (Number.isFinite(Number(text))) return { schema: Schemas.FLOAT64, value: Number(text) };
  }
  return { schema: decimalSchema(decimal.scale), value: decimal };
}

export function parseLiteral(text: string): SchemaAndValue {
  if (text === '') return { schema: Schemas.STRING, value: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { schema: Schemas.BOOLEAN, value: trimmed.toLowerCase() === 'true' };
  const number = parseNumber(trimmed);
  if (number) return number;
  for (const [regex, format, schema] of DATE_PATTERNS) if (regex.test(trimmed)) return { schema, value: format.parse(trimmed) };
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(trimmed);
  if (quoted) return { schema: Schemas.STRING, value: quoted[1]!.replace(/\\(.)/g, '$1') };
  return { schema: Schemas.STRING, value: text };
}
