// JSON Schema <-> Connect schemas, the common cases of Confluent's JsonSchemaData:
//   object with properties -> STRUCT named by its title, a property not in `required` (or a oneOf with null) optional,
//   ordered by connect.index; object with only additionalProperties -> MAP<STRING, v>; array -> ARRAY;
//   integer -> INT64 (connect.type int8/int16/int32 narrows it), number -> FLOAT64 (connect.type float32),
//   string -> STRING (connect.type bytes -> BYTES, base64), boolean -> BOOLEAN; a title naming a Connect logical type
//   (Decimal with connect.parameters.scale, Date, Time, Timestamp) -> that logical type; connect.version,
//   connect.parameters and description carry over. Left out: unions other than with null, $ref, allOf, maps with
//   non-string keys, defaults.
import { LogicalNames, type Schema, type SchemaOptions, type SchemaType, schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';

type Json = Record<string, unknown>;

const CONNECT_TYPES: Readonly<Record<string, SchemaType>> = {
  int8: 'INT8',
  int16: 'INT16',
  int32: 'INT32',
  int64: 'INT64',
  float32: 'FLOAT32',
  float64: 'FLOAT64',
  bytes: 'BYTES',
};
const LOGICAL = new Set<string>(Object.values(LogicalNames));

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON Schema (parsed) -> its Connect schema. */
export function jsonSchemaToConnect(node: unknown): Schema {
  return convert(node, false);
}

function nonNull(members: unknown[]): unknown | undefined {
  if (members.length !== 2) return undefined;
  const nulls = members.filter((m) => isObject(m) && m.type === 'null');
  return nulls.length === 1 ? members.find((m) => !(isObject(m) && m.type === 'null')) : undefined;
}

function convert(node: unknown, optional: boolean): Schema {
  if (!isObject(node)) throw new DataError(`Unsupported JSON Schema: ${JSON.stringify(node)}`);
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(node[key])) {
      const other = nonNull(node[key] as unknown[]);
      if (other === undefined) throw new DataError(`JSON Schema ${key} other than with null is not supported`);
      return convert(other, true);
    }
  }
  let type = node.type;
  if (Array.isArray(type)) {
    const rest = type.filter((t) => t !== 'null');
    if (rest.length !== 1) throw new DataError(`JSON Schema type ${JSON.stringify(type)} is not supported`);
    optional ||= rest.length !== type.length;
    type = rest[0];
  }
  const connectType = typeof node['connect.type'] === 'string' ? CONNECT_TYPES[node['connect.type']] : undefined;
  const options: { -readonly [K in keyof SchemaOptions]: SchemaOptions[K] } = { optional };
  const title = typeof node.title === 'string' ? node.title : undefined;
  if (title !== undefined) options.name = title;
  if (typeof node.description === 'string') options.doc = node.description;
  if (typeof node['connect.version'] === 'number') options.version = node['connect.version'];
  if (isObject(node['connect.parameters'])) options.parameters = Object.freeze(Object.fromEntries(Object.entries(node['connect.parameters']).map(([k, v]) => [k, String(v)])));
  if (title !== undefined && LOGICAL.has(title)) {
    options.version ??= 1;
    const logicalType: SchemaType = title === LogicalNames.Decimal ? 'BYTES' : title === LogicalNames.Timestamp ? 'INT64' : 'INT32';
    if (title === LogicalNames.Decimal && options.parameters?.scale === undefined) throw new DataError('Invalid Decimal schema: scale parameter not found.');
    return schema(logicalType, options);
  }
  switch (type) {
    case 'object': {
      if (isObject(node.properties)) {
        const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
        const entries = Object.entries(node.properties).map(([name, p], i) => ({ name, p, order: isObject(p) && typeof p['connect.index'] === 'number' ? p['connect.index'] : i }));
        entries.sort((a, b) => a.order - b.order);
        const fields = entries.map(({ name, p }, index) => Object.freeze({ name, index, schema: convert(p, !required.has(name)) }));
        return schema('STRUCT', { ...options, fields: Object.freeze(fields) });
      }
      if (isObject(node.additionalProperties)) return schema('MAP', { ...options, keySchema: schema('STRING'), valueSchema: convert(node.additionalProperties, false) });
      return schema('STRUCT', { ...options, fields: Object.freeze([]) });
    }
    case 'array':
      if (!isObject(node.items)) throw new DataError('JSON Schema arrays need one "items" schema');
      return schema('ARRAY', { ...options, valueSchema: convert(node.items, false) });
    case 'integer':
      return schema(connectType?.startsWith('INT') ? connectType : 'INT64', options);
    case 'number':
      return schema(connectType === 'FLOAT32' ? 'FLOAT32' : connectType?.startsWith('INT') ? connectType : 'FLOAT64', options);
    case 'string':
      return schema(connectType === 'BYTES' ? 'BYTES' : 'STRING', options);
    case 'boolean':
      return schema('BOOLEAN', options);
    default:
      throw new DataError(`JSON Schema type ${JSON.stringify(type)} is not supported`);
  }
}

const JSON_TYPES: Readonly<Record<SchemaType, Json>> = {
  INT8: { type: 'integer', 'connect.type': 'int8' },
  INT16: { type: 'integer', 'connect.type': 'int16' },
  INT32: { type: 'integer', 'connect.type': 'int32' },
  INT64: { type: 'integer', 'connect.type': 'int64' },
  FLOAT32: { type: 'number', 'connect.type': 'float32' },
  FLOAT64: { type: 'number', 'connect.type': 'float64' },
  BOOLEAN: { type: 'boolean' },
  STRING: { type: 'string' },
  BYTES: { type: 'string', 'connect.type': 'bytes' },
  ARRAY: { type: 'array' },
  MAP: { type: 'object', 'connect.type': 'map' },
  STRUCT: { type: 'object' },
};

/** A Connect schema -> the JSON Schema Confluent's JsonSchemaData writes for it (draft-07). */
export function connectToJsonSchema(s: Schema): Json {
  const out = innerSchema(s);
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...out };
}

function withOptional(s: Schema): Json {
  const inner = innerSchema(s);
  return s.optional ? { oneOf: [{ type: 'null' }, inner] } : inner;
}

function innerSchema(s: Schema): Json {
  const out: Json = { ...JSON_TYPES[s.type] };
  if (s.name === LogicalNames.Decimal) {
    out.type = 'number';
    out['connect.type'] = 'bytes';
  }
  if (s.name !== undefined) out.title = s.name;
  if (s.version !== undefined) out['connect.version'] = s.version;
  if (s.doc !== undefined) out.description = s.doc;
  if (s.parameters !== undefined && Object.keys(s.parameters).length > 0) out['connect.parameters'] = { ...s.parameters };
  switch (s.type) {
    case 'ARRAY':
      out.items = withOptional(s.valueSchema!);
      break;
    case 'MAP':
      if (s.keySchema!.type !== 'STRING') throw new DataError('The JSON Schema converter writes maps with string keys only');
      out.additionalProperties = withOptional(s.valueSchema!);
      break;
    case 'STRUCT': {
      const properties: Json = {};
      (s.fields ?? []).forEach((f, index) => {
        properties[f.name] = { ...withOptional(f.schema), 'connect.index': index };
      });
      out.properties = properties;
      const required = (s.fields ?? []).filter((f) => !f.schema.optional).map((f) => f.name);
      if (required.length > 0) out.required = required;
      break;
    }
  }
  return out;
}
