// Values.convertToString: any Connect value as text. Top-level strings stay bare; strings inside arrays, maps
// and structs are quoted with `\` and `"` escaped; bytes are base64; dates use Kafka's ISO-8601 forms.
import { Decimal } from '../../connect-api/data/Decimal.js';
import type { Schema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { DataError } from '../../connect-api/errors.js';
import { toBase64 } from './base64.js';
import { isPlainObject, writeDouble } from './jsonFromConnect.js';
import { MILLIS_PER_DAY, typeName } from './jsonLogical.js';

export function convertToString(_schema: Schema | null, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return append(value, false);
}

function quote(text: string, embedded: boolean): string {
  return embedded ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : text;
}

/** Kafka's Values.dateFormatFor: a time before the first day, a date at midnight, else a timestamp (UTC). */
export function formatDate(date: Date): string {
  const ms = date.getTime();
  const iso = date.toISOString();
  if (ms < MILLIS_PER_DAY) return iso.slice(11);
  return ms % MILLIS_PER_DAY === 0 ? iso.slice(0, 10) : iso;
}

function append(value: unknown, embedded: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? writeDouble(value) : String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quote(value, embedded);
  if (value instanceof Decimal) return value.toString();
  if (value instanceof Uint8Array) return quote(toBase64(value), embedded);
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return `[${value.map((v) => append(v, true)).join(',')}]`;
  if (value instanceof Struct) {
    const fields = value.schema.fields ?? [];
    return `{${fields.map((f) => `${append(f.name, true)}:${append(value.get(f.name), true)}`).join(',')}}`;
  }
  const entries = value instanceof Map ? [...value.entries()] : isPlainObject(value) ? Object.entries(value) : undefined;
  if (entries === undefined) throw new DataError(`Failed to serialize unexpected value type ${typeName(value)}: ${String(value)}`);
  return `{${entries.map(([k, v]) => `${append(k, true)}:${append(v, true)}`).join(',')}}`;
}
