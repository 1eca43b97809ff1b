// Schema helpers shared by the transforms (Kafka's transforms.util.SchemaUtil and the replace.null.with.default key).
import type { ConfigKey } from '../../connect-api/config/ConfigDef.js';
import { type Field, type Schema, type SchemaOptions, structSchema } from '../../connect-api/data/Schema.js';
import type { Struct } from '../../connect-api/data/Struct.js';

/** Name, version, doc and parameters of `source`; like Kafka's copySchemaBasics, optional and default are not copied. */
export function schemaBasics(source: Schema): SchemaOptions {
  const out: { -readonly [K in keyof SchemaOptions]: SchemaOptions[K] } = {};
  if (source.name !== undefined) out.name = source.name;
  if (source.version !== undefined) out.version = source.version;
  if (source.doc !== undefined) out.doc = source.doc;
  if (source.parameters !== undefined) out.parameters = source.parameters;
  return out;
}

/** A STRUCT schema with `source`'s basics and the given fields. */
export function structLike(source: Schema, fields: ReadonlyArray<readonly [string, Schema]>, extra: SchemaOptions = {}): Schema {
  return structSchema(fields, { ...schemaBasics(source), ...extra });
}

export const REPLACE_NULL_WITH_DEFAULT = 'replace.null.with.default';

export const replaceNullWithDefaultKey: ConfigKey = {
  name: REPLACE_NULL_WITH_DEFAULT,
  type: 'BOOLEAN',
  default: true,
  importance: 'MEDIUM',
  documentation: 'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
};

/** A Struct field's value; a null becomes the field's default when `replaceNullWithDefault` (Struct.get vs getWithoutDefault). */
export function fieldValue(struct: Struct, field: Field | string, replaceNullWithDefault: boolean): unknown {
  const name = typeof field === 'string' ? field : field.name;
  const value = struct.get(name);
  if (value !== null && value !== undefined) return value;
  const schema = typeof field === 'string' ? struct.schema.fields?.find((f) => f.name === name)?.schema : field.schema;
  return replaceNullWithDefault && schema?.defaultValue !== undefined ? schema.defaultValue : null;
}

/** Caches one derived schema per input schema, as Kafka's transforms do with their SynchronizedCache. */
export function schemaCache(build: (schema: Schema) => Schema): (schema: Schema) => Schema {
  const cache = new WeakMap<Schema, Schema>();
  return (schema) => {
    let out = cache.get(schema);
    if (out === undefined) {
      out = build(schema);
      cache.set(schema, out);
    }
    return out;
  };
}
