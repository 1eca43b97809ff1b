// Kafka's Cast$Key / Cast$Value: casts top-level fields, or the whole key/value, to another primitive type.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { LogicalNames, schema as makeSchema, type Schema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { CAST_OUTPUT_TYPES, type CastType, castValue } from './castValue.js';
import { checked, javaString, requiredKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { requireMap, requireStruct } from './requirements.js';
import { fieldValue, REPLACE_NULL_WITH_DEFAULT, replaceNullWithDefaultKey, schemaBasics, schemaCache, structLike } from './schemaUtil.js';

const PURPOSE = 'cast types';
const WHOLE_VALUE = '';
const KNOWN_TYPES = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES', 'ARRAY', 'MAP', 'STRUCT'];

function castType(text: string, key: string): CastType {
  const type = text.trim().toUpperCase();
  if (!KNOWN_TYPES.includes(type)) throw new ConfigError(`Invalid type found in casting spec: ${text.trim()}`, { key });
  if (!(CAST_OUTPUT_TYPES as readonly string[]).includes(type)) {
    throw new ConfigError(`Cast transformation does not support casting to ${type}; supported types are [${CAST_OUTPUT_TYPES.join(', ')}]`, { key });
  }
  return type as CastType;
}

/** Parses `field:type,...` or a single `type` (whole value; key '' in the result). */
export function parseCastSpec(mappings: readonly string[], key = 'spec'): Map<string, CastType> {
  if (mappings.length === 0) throw new ConfigError('Must specify at least one field to cast.', { key });
  const out = new Map<string, CastType>();
  for (const mapping of mappings) {
    const parts = mapping.split(':');
    if (parts.length > 2) throw new ConfigError(`Invalid value ${javaString(mappings)} for configuration ${key}: Invalid rename mapping: ${mapping}`, { key });
    if (parts.length === 1) out.set(WHOLE_VALUE, castType(parts[0]!, key));
    else out.set(parts[0]!.trim(), castType(parts[1]!, key));
  }
  if (out.has(WHOLE_VALUE) && mappings.length > 1) {
    throw new ConfigError('Cast transformations that specify a type to cast the entire value to may ony specify a single cast in their spec', { key });
  }
  return out;
}

export const castConfigDef = new ConfigDef([
  requiredKey('spec', 'LIST', 'List of fields and the type to cast them to of the form field1:type,field2:type to cast fields of Maps or Structs. A single type to cast the entire value. Valid types are int8, int16, int32, int64, float32, float64, boolean, and string. Note that binary fields can only be cast to string.', {
    validator: checked('list of colon-delimited pairs, e.g. foo:bar,abc:xyz', (name, value) => {
      if (Array.isArray(value)) parseCastSpec(value, name);
    }),
  }),
  replaceNullWithDefaultKey,
]);

const LOGICAL = new Set<string>(Object.values(LogicalNames));

/**
 * The schema of a cast value: the target type with the source's optional flag and cast default. A whole-value
 * cast also keeps the name, version, doc and parameters as Kafka does, except a logical type's name (Kafka keeps
 * it, which makes converters misread the cast value).
 */
function castSchema(source: Schema, type: CastType, wholeValue: boolean): Schema {
  const basics = wholeValue && !LOGICAL.has(source.name ?? '');
  const defaultValue = source.defaultValue === undefined || source.defaultValue === null ? undefined : castValue(source, source.defaultValue, type);
  return makeSchema(type, {
    ...(basics ? schemaBasics(source) : {}),
    optional: source.optional,
    ...(defaultValue === undefined ? {} : { defaultValue }),
  });
}

export function cast(config: ParsedConfig, target: Target): Transformation {
  const casts = parseCastSpec(config.getList('spec'));
  const wholeValue = casts.get(WHOLE_VALUE);
  const replaceNull = config.getBoolean(REPLACE_NULL_WITH_DEFAULT);

  const updatedSchema = schemaCache((schema) => {
    if (wholeValue !== undefined) return castSchema(schema, wholeValue, true);
    const fields = (schema.fields ?? []).map((f) => {
      const type = casts.get(f.name);
      return [f.name, type === undefined ? f.schema : castSchema(f.schema, type, false)] as const;
    });
    return structLike(schema, fields, { optional: schema.optional });
  });

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (value === null || value === undefined) return record;
      if (schema === null) {
        if (wholeValue !== undefined) return withOperand(record, target, null, castValue(null, value, wholeValue));
        const updated = { ...requireMap(value, PURPOSE) };
        for (const [field, type] of casts) updated[field] = castValue(null, updated[field], type);
        return withOperand(record, target, null, updated);
      }
      const newSchema = updatedSchema(schema);
      if (wholeValue !== undefined) return withOperand(record, target, newSchema, castValue(schema, value, wholeValue));
      const struct = requireStruct(value, PURPOSE);
      // The new schema has the struct's fields in their order: one value per field, by position.
      const fields = struct.schema.fields ?? [];
      const values = new Array<unknown>(fields.length);
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        const v = fieldValue(struct, f, replaceNull);
        const type = casts.get(f.name);
        values[i] = type === undefined ? v : castValue(f.schema, v, type);
      }
      return withOperand(record, target, newSchema, Struct.ofFieldValues(newSchema, values));
    },
  };
}

const plugins = keyValuePlugins('Cast', castConfigDef, cast);
export const castKeyPlugin = plugins.key;
export const castValuePlugin = plugins.value;
