// JSON values -> Connect values for a schema (JsonConverter.convertToConnect), and schemaless inference:
// integers -> INT64, other numbers -> FLOAT64, objects -> MAP (plain objects), arrays -> ARRAY, never STRUCT.
import type { Schema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { DataError } from '../../connect-api/errors.js';
import { fromBase64 } from './base64.js';
import { logicalToConnect } from './jsonLogical.js';
import { int64, isJsonObject, nodeType, setOwn } from './jsonNodes.js';
import { JsonNumber, type JsonValue } from './jsonText.js';

/** Resolves the JsonNumbers of a schemaless value; JSON.parse output needs no other change. */
export function inferValue(v: JsonValue | undefined): unknown {
  if (v === undefined || v === null || typeof v !== 'object') return v ?? null;
  if (v instanceof JsonNumber) return v.isIntegral ? int64(BigInt(v.text)) : Number(v.text);
  if (Array.isArray(v)) return v.map(inferValue);
  const out: Record<string, unknown> = {};
  for (const [k, item] of Object.entries(v)) setOwn(out, k, inferValue(item));
  return out;
}

function mismatch(schema: Schema, expected: string, v: JsonValue): never {
  throw new DataError(`Invalid value for ${schema.type} field: expected a JSON ${expected} but found ${nodeType(v)}`);
}

function integer(schema: Schema, v: JsonValue): number | bigint {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return v;
    return Number.isInteger(v) ? int64(BigInt(v)) : Math.trunc(v);
  }
  if (v instanceof JsonNumber) return int64(BigInt(v.isIntegral ? v.text : Math.trunc(Number(v.text))));
  return mismatch(schema, 'number', v);
}

const NON_FINITE: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

function float(schema: Schema, v: JsonValue): number {
  if (typeof v === 'number') return v;
  if (v instanceof JsonNumber) return Number(v.text);
  if (typeof v === 'string' && v in NON_FINITE) return NON_FINITE[v]!;
  return mismatch(schema, 'number', v);
}

export function toConnect(schema: Schema | null, v: JsonValue | undefined, replaceNullWithDefault: boolean): unknown {
  if (schema === null) return inferValue(v);
  if (v === undefined || v === null) {
    if (schema.defaultValue !== undefined && schema.defaultValue !== null && replaceNullWithDefault) return schema.defaultValue;
    if (schema.optional) return null;
    throw new DataError(`Invalid null value for required ${schema.type} field`);
  }
  if (schema.name !== undefined) {
    const logical = logicalToConnect(schema, v);
    if (logical !== undefined) return logical;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
      return Number(integer(schema, v));
    case 'INT64':
      return integer(schema, v);
    case 'FLOAT32':
    case 'FLOAT64':
      return float(schema, v);
    case 'BOOLEAN':
      return typeof v === 'boolean' ? v : mismatch(schema, 'boolean', v);
    case 'STRING':
      return typeof v === 'string' ? v : mismatch(schema, 'string', v);
    case 'BYTES':
      return typeof v === 'string' ? fromBase64(v) : mismatch(schema, 'base64 string', v);
    case 'ARRAY':
      if (!Array.isArray(v)) return mismatch(schema, 'array', v);
      return v.map((item) => toConnect(schema.valueSchema ?? null, item, replaceNullWithDefault));
    case 'MAP':
      return toConnectMap(schema, v, replaceNullWithDefault);
    case 'STRUCT': {
      if (!isJsonObject(v)) throw new DataError(`Structs should be encoded as JSON objects, but found ${nodeType(v)}`);
      const fields = schema.fields ?? [];
      const values = new Array<unknown>(fields.length);
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        values[i] = toConnect(f.schema, Object.hasOwn(v, f.name) ? v[f.name] : undefined, replaceNullWithDefault);
      }
      return Struct.ofFieldValues(schema, values);
    }
  }
}

function toConnectMap(schema: Schema, v: JsonValue, replaceNullWithDefault: boolean): unknown {
  const keySchema = schema.keySchema ?? null;
  const valueSchema = schema.valueSchema ?? null;
  if (keySchema === null || keySchema.type === 'STRING') {
    if (!isJsonObject(v)) throw new DataError(`Maps with string fields should be encoded as JSON objects, but found ${nodeType(v)}`);
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) setOwn(out, k, toConnect(valueSchema, item, replaceNullWithDefault));
    return out;
  }
  if (!Array.isArray(v)) throw new DataError(`Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeType(v)}`);
  const out = new Map<unknown, unknown>();
  for (const entry of v) {
    if (!Array.isArray(entry)) throw new DataError(`Found invalid map entry instead of array tuple: ${nodeType(entry)}`);
    if (entry.length !== 2) throw new DataError(`Found invalid map entry, expected length 2 but found :${entry.length}`);
    out.set(toConnect(keySchema, entry[0], replaceNullWithDefault), toConnect(valueSchema, entry[1], replaceNullWithDefault));
  }
  return out;
}
