// Kafka's Flatten$Key / Flatten$Value: nested Structs (or maps) become top-level fields named parent<delim>child.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import type { Schema } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { DataError } from '../../connect-api/errors.js';
import type { Transformation } from '../../connect-api/plugins.js';
import { optionalKey } from './configKeys.js';
import { operandOf, type Target, withOperand } from './operand.js';
import { keyValuePlugins } from './plugin.js';
import { isMap, javaClassName, requireMap, requireStructOrNull } from './requirements.js';
import { schemaCache, structLike } from './schemaUtil.js';

const PURPOSE = 'flattening';
const LEAF_TYPES = new Set<Schema['type']>(['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES', 'ARRAY']);

export const flattenConfigDef = new ConfigDef([
  optionalKey('delimiter', 'STRING', '.', 'Delimiter to insert between field names from the input record when generating field names for the output record'),
]);

/** A schemaless value Flatten copies as is (Connect's primitive, bytes and list types). */
function isSchemalessLeaf(value: unknown): boolean {
  return ['string', 'number', 'bigint', 'boolean'].includes(typeof value) || value instanceof Uint8Array || Array.isArray(value);
}

export function flatten(config: ParsedConfig, target: Target): Transformation {
  const delimiter = config.getString('delimiter') ?? '.';
  const nameOf = (prefix: string, name: string) => (prefix === '' ? name : `${prefix}${delimiter}${name}`);
  const unsupported = (type: string, name: string, schemas: boolean) =>
    new DataError(`Flatten transformation does not support ${type} for record ${schemas ? 'with' : 'without'} schemas (for field ${name}).`);

  const flattenMap = (map: Record<string, unknown>, prefix: string, out: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(map)) {
      const name = nameOf(prefix, key);
      if (value === null || value === undefined || isSchemalessLeaf(value)) out[name] = value ?? null;
      else if (isMap(value)) flattenMap(value, name, out);
      else throw unsupported(`class ${javaClassName(value)}`, name, false);
    }
  };

  const buildSchema = (schema: Schema, prefix: string, optional: boolean, parentDefault: Struct | null, out: Array<[string, Schema]>): void => {
    for (const field of schema.fields ?? []) {
      const name = nameOf(prefix, field.name);
      const fieldOptional = optional || field.schema.optional;
      const fromParent = parentDefault?.get(field.name);
      const defaultValue = field.schema.defaultValue ?? (fromParent === null ? undefined : fromParent);
      if (LEAF_TYPES.has(field.schema.type)) {
        const { defaultValue: _ignored, ...basics } = field.schema;
        out.push([name, { ...basics, optional: fieldOptional, ...(defaultValue === undefined ? {} : { defaultValue }) }]);
      } else if (field.schema.type === 'STRUCT') {
        buildSchema(field.schema, name, fieldOptional, defaultValue instanceof Struct ? defaultValue : null, out);
      } else throw unsupported(field.schema.type, name, true);
    }
  };

  const flattenStruct = (struct: Struct | null, prefix: string, out: Map<string, unknown>): void => {
    if (struct === null) return;
    for (const field of struct.schema.fields ?? []) {
      const name = nameOf(prefix, field.name);
      if (LEAF_TYPES.has(field.schema.type)) out.set(name, struct.get(field.name));
      else if (field.schema.type === 'STRUCT') flattenStruct(struct.get(field.name) as Struct | null, name, out);
      else throw unsupported(field.schema.type, name, true);
    }
  };

  const updatedSchema = schemaCache((schema) => {
    const fields: Array<[string, Schema]> = [];
    buildSchema(schema, '', schema.optional, schema.defaultValue instanceof Struct ? schema.defaultValue : null, fields);
    return structLike(schema, fields);
  });

  return {
    apply(record) {
      const { schema, value } = operandOf(record, target);
      if (schema === null) {
        if (value === null || value === undefined) return record;
        const out: Record<string, unknown> = {};
        flattenMap(requireMap(value, PURPOSE), '', out);
        return withOperand(record, target, null, out);
      }
      const struct = requireStructOrNull(value, PURPOSE);
      const newSchema = updatedSchema(schema);
      if (struct === null) return withOperand(record, target, newSchema, null);
      const out = new Map<string, unknown>();
      flattenStruct(struct, '', out);
      return withOperand(record, target, newSchema, Struct.adopting(newSchema, out));
    },
  };
}

const plugins = keyValuePlugins('Flatten', flattenConfigDef, flatten);
export const flattenKeyPlugin = plugins.key;
export const flattenValuePlugin = plugins.value;
