// The envelope's schema JSON <-> Connect schemas (JsonConverter.asConnectSchema / asJsonSchema), each
// direction behind an LRU cache of `schemas.cache.size` entries, so a topic's schema is built once.
import { type Schema, type SchemaOptions, type SchemaType, schema as makeSchema, structSchema } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import { type JsonWriteOptions, writeJson } from './jsonFromConnect.js';
import { isJsonObject, setOwn } from './jsonNodes.js';
import { type JsonValue, parseJson } from './jsonText.js';
import { toConnect } from './jsonToConnect.js';
import { LruCache } from './LruCache.js';

const TYPE_NAMES: Readonly<Record<SchemaType, string>> = {
  BOOLEAN: 'boolean',
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FLOAT32: 'float',
  FLOAT64: 'double',
  BYTES: 'bytes',
  STRING: 'string',
  ARRAY: 'array',
  MAP: 'map',
  STRUCT: 'struct',
};
const TYPES_BY_NAME = new Map(Object.entries(TYPE_NAMES).map(([type, name]) => [name, type as SchemaType]));

export class JsonSchemaCodec {
  private readonly connectSchemas: LruCache<string, Schema>;
  private readonly jsonSchemas: LruCache<Schema, string>;

  constructor(
    cacheSize: number,
    private readonly options: JsonWriteOptions,
  ) {
    this.connectSchemas = new LruCache(cacheSize);
    this.jsonSchemas = new LruCache(cacheSize);
  }

  /** False when `schemas.cache.size` is 0: every schema is built afresh. */
  get caches(): boolean {
    return this.connectSchemas.maxSize > 0;
  }

  asConnectSchema(node: JsonValue | undefined): Schema | null {
    if (node === null || node === undefined) return null;
    return this.fromText(JSON.stringify(node), node);
  }

  /** The schema whose JSON source is `text` (the cache key); `node` is that text parsed, when the caller has it. */
  fromText(text: string, node?: JsonValue): Schema | null {
    const cached = this.connectSchemas.get(text);
    if (cached) return cached;
    const parsed = node === undefined ? parseJson(text) : node;
    if (parsed === null) return null;
    const built = this.build(parsed);
    this.connectSchemas.set(text, built);
    return built;
  }

  private build(node: JsonValue | undefined): Schema {
    const typeName = isJsonObject(node) ? node.type : undefined;
    if (!isJsonObject(node) || typeof typeName !== 'string') throw new DataError("Schema must contain 'type' field");
    const type = TYPES_BY_NAME.get(typeName);
    if (type === undefined) throw new DataError(`Unknown schema type: ${typeName}`);
    const options: { -readonly [K in keyof SchemaOptions]: SchemaOptions[K] } = { optional: node.optional === true };
    if (typeof node.name === 'string') options.name = node.name;
    if (typeof node.version === 'number' && Number.isInteger(node.version)) options.version = node.version;
    if (typeof node.doc === 'string') options.doc = node.doc;
    if (isJsonObject(node.parameters)) options.parameters = stringParameters(node.parameters);
    let built: Schema;
    if (type === 'ARRAY') {
      if (node.items === undefined || node.items === null) throw new DataError('Array schema did not specify the element type');
      built = makeSchema(type, { ...options, valueSchema: this.build(node.items) });
    } else if (type === 'MAP') {
      if (node.keys === undefined) throw new DataError('Map schema did not specify the key type');
      if (node.values === undefined) throw new DataError('Map schema did not specify the value type');
      built = makeSchema(type, { ...options, keySchema: this.build(node.keys), valueSchema: this.build(node.values) });
    } else if (type === 'STRUCT') {
      built = structSchema(this.fields(node.fields), options);
    } else {
      built = makeSchema(type, options);
    }
    if (node.default === undefined) return built;
    const defaultValue = toConnect(built, node.default, this.options.replaceNullWithDefault);
    return defaultValue === null ? built : makeSchema(type, { ...built, defaultValue });
  }

  private fields(fields: JsonValue | undefined): Array<[string, Schema]> {
    if (!Array.isArray(fields)) throw new DataError('Struct schema\'s "fields" argument is not an array.');
    const seen = new Set<string>();
    return fields.map((field) => {
      const name = isJsonObject(field) ? field.field : undefined;
      if (typeof name !== 'string') throw new DataError("Struct schema's field name not specified properly");
      if (seen.has(name)) throw new DataError(`Cannot create field because of field name duplication ${name}`);
      seen.add(name);
      return [name, this.build(field)];
    });
  }

  /** The schema as envelope JSON text; `null` for no schema. */
  asJsonSchema(schema: Schema | null | undefined): string {
    if (schema === null || schema === undefined) return 'null';
    const cached = this.jsonSchemas.get(schema);
    if (cached) return cached;
    let out = `{"type":"${TYPE_NAMES[schema.type]}"`;
    if (schema.type === 'ARRAY') out += `,"items":${this.required(schema.valueSchema, 'Array schema did not specify the element type')}`;
    if (schema.type === 'MAP') {
      out += `,"keys":${this.required(schema.keySchema, 'Map schema did not specify the key type')}`;
      out += `,"values":${this.required(schema.valueSchema, 'Map schema did not specify the value type')}`;
    }
    if (schema.type === 'STRUCT') {
      const fields = (schema.fields ?? []).map((f) => `${this.asJsonSchema(f.schema).slice(0, -1)},"field":${JSON.stringify(f.name)}}`);
      out += `,"fields":[${fields.join(',')}]`;
    }
    out += `,"optional":${schema.optional}`;
    if (schema.name !== undefined) out += `,"name":${JSON.stringify(schema.name)}`;
    if (schema.version !== undefined) out += `,"version":${schema.version}`;
    if (schema.doc !== undefined) out += `,"doc":${JSON.stringify(schema.doc)}`;
    if (schema.parameters !== undefined) out += `,"parameters":${JSON.stringify(schema.parameters)}`;
    if (schema.defaultValue !== undefined && schema.defaultValue !== null) out += `,"default":${writeJson(schema, schema.defaultValue, this.options)}`;
    out += '}';
    this.jsonSchemas.set(schema, out);
    return out;
  }

  private required(s: Schema | undefined, message: string): string {
    if (s === undefined) throw new DataError(message);
    return this.asJsonSchema(s);
  }
}

function stringParameters(params: { [key: string]: JsonValue }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') throw new DataError('Schema parameters must have string values.');
    setOwn(out, k, v);
  }
  return out;
}
