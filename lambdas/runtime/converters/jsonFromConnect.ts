// Connect values -> JSON text for a schema (JsonConverter.convertToJson), written directly as text so int64
// beyond 2^53 (bigint) and NUMERIC decimals keep every digit. Without a schema the type is inferred from the value.
import type { Schema, SchemaType } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { DataError } from '../../connect-api/errors.js';
import { toBase64 } from './base64.js';
import { type DecimalFormat, logicalToJson, typeName } from './jsonLogical.js';
import { schemaEquals } from './schemaEquals.js';

export interface JsonWriteOptions {
  readonly decimalFormat: DecimalFormat;
  readonly replaceNullWithDefault: boolean;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function inferType(value: unknown): SchemaType {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'FLOAT64';
  if (typeof value === 'bigint') return 'INT64';
  if (value instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Map || isPlainObject(value)) return 'MAP';
  if (value instanceof Struct) return 'STRUCT';
  throw new DataError(`Value of type ${typeName(value)} does not have corresponding schema type.`);
}

export function writeDouble(n: number): string {
  if (Number.isNaN(n)) return '"NaN"';
  if (!Number.isFinite(n)) return n > 0 ? '"Infinity"' : '"-Infinity"';
  return Object.is(n, -0) ? '-0.0' : String(n);
}

function invalid(schema: Schema | null, value: unknown): never {
  throw new DataError(`Invalid type for ${schema?.type ?? 'unknown schema'}: ${typeName(value)}`);
}

/** `"name":` of each field of a struct schema, computed once per schema (the record path writes them per record). */
const prefixes = new WeakMap<Schema, readonly string[]>();
function fieldNamePrefixes(schema: Schema): readonly string[] {
  let p = prefixes.get(schema);
  if (!p) {
    p = (schema.fields ?? []).map((f) => `${JSON.stringify(f.name)}:`);
    prefixes.set(schema, p);
  }
  return p;
}

export function writeJson(schema: Schema | null, value: unknown, options: JsonWriteOptions): string {
  if (value === null || value === undefined) {
    if (schema === null) return 'null';
    if (schema.defaultValue !== undefined && schema.defaultValue !== null && options.replaceNullWithDefault) {
      return writeJson(schema, schema.defaultValue, options);
    }
    if (schema.optional) return 'null';
    throw new DataError('Conversion error: null value for field that is required and has no default value');
  }
  if (schema?.name !== undefined) {
    const logical = logicalToJson(schema, value, options.decimalFormat);
    if (logical !== undefined) return logical;
  }
  switch (schema?.type ?? inferType(value)) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
      if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return String(value);
      return invalid(schema, value);
    case 'FLOAT32':
    case 'FLOAT64':
      return typeof value === 'number' ? writeDouble(value) : invalid(schema, value);
    case 'BOOLEAN':
      return typeof value === 'boolean' ? String(value) : invalid(schema, value);
    case 'STRING':
      return typeof value === 'string' ? JSON.stringify(value) : invalid(schema, value);
    case 'BYTES':
      return value instanceof Uint8Array ? `"${toBase64(value)}"` : invalid(schema, value);
    case 'ARRAY':
      if (!Array.isArray(value)) return invalid(schema, value);
      return `[${value.map((item) => writeJson(schema?.valueSchema ?? null, item, options)).join(',')}]`;
    case 'MAP':
      return writeMap(schema, value, options);
    case 'STRUCT': {
      if (!(value instanceof Struct)) return invalid(schema, value);
      if (!schemaEquals(value.schema, schema)) throw new DataError('Mismatching schema.');
      const fields = schema?.fields ?? [];
      const names = fieldNamePrefixes(schema ?? value.schema);
      let out = '{';
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        out += `${i === 0 ? '' : ','}${names[i]}${writeJson(f.schema, value.get(f.name), options)}`;
      }
      return `${out}}`;
    }
  }
}

function writeMap(schema: Schema | null, value: unknown, options: JsonWriteOptions): string {
  let entries: Array<[unknown, unknown]>;
  if (value instanceof Map) entries = [...value.entries()];
  else if (isPlainObject(value)) entries = Object.entries(value);
  else return invalid(schema, value);
  const keySchema = schema?.keySchema ?? null;
  const valueSchema = schema?.valueSchema ?? null;
  const objectMode = schema === null ? entries.every(([k]) => typeof k === 'string') : keySchema?.type === 'STRING';
  if (objectMode) {
    const parts = entries.map(([k, v]) => `${JSON.stringify(writeKeyText(keySchema, k, options))}:${writeJson(valueSchema, v, options)}`);
    return `{${parts.join(',')}}`;
  }
  return `[${entries.map(([k, v]) => `[${writeJson(keySchema, k, options)},${writeJson(valueSchema, v, options)}]`).join(',')}]`;
}

function writeKeyText(keySchema: Schema | null, key: unknown, options: JsonWriteOptions): string {
  if (typeof key === 'string') return key;
  return writeJson(keySchema, key, options);
}
