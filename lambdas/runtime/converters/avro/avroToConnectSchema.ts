// Avro schema -> Connect schema, as Confluent's AvroData.toConnectSchema maps them:
//   boolean/int/long/float/double/string/bytes -> BOOLEAN/INT32/INT64/FLOAT32/FLOAT64/STRING/BYTES
//   (int with connect.type int8/int16 -> INT8/INT16), fixed -> BYTES, enum -> STRING with io.confluent.connect.avro.Enum
//   parameters, record -> STRUCT named by its full name, map -> MAP<STRING, v>, array -> ARRAY (an array of
//   MapEntry records -> MAP<k, v>), [null, T] -> optional T, other unions -> the io.confluent.connect.avro.Union struct
//   with a field per branch; logical decimal (bytes or fixed) -> Decimal, date -> Date, time-millis -> Time,
//   timestamp-millis -> Timestamp (micros stay INT64, as in AvroData); connect.name / connect.doc / connect.version /
//   connect.parameters / connect.default properties restore what AvroData wrote from Connect.
import { Decimal } from '../../../connect-api/data/Decimal.js';
import { LogicalNames, type Schema, type SchemaOptions, type SchemaType, schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { DataError } from '../../../connect-api/errors.js';
import type { AvroSchema, AvroSchemaObject } from './avroTypes.js';

export const AVRO_NAMESPACE = 'io.confluent.connect.avro';
export const AVRO_UNION = `${AVRO_NAMESPACE}.Union`;
export const AVRO_ENUM = `${AVRO_NAMESPACE}.Enum`;
export const MAP_ENTRY = 'MapEntry';
export const DEFAULT_SCHEMA_FULL_NAME = `${AVRO_NAMESPACE}.ConnectDefault`;
export const CONNECT_NAME = 'connect.name';
export const CONNECT_DOC = 'connect.doc';
export const CONNECT_VERSION = 'connect.version';
export const CONNECT_PARAMETERS = 'connect.parameters';
export const CONNECT_DEFAULT = 'connect.default';
export const CONNECT_TYPE = 'connect.type';
export const CONNECT_INTERNAL_TYPE = 'connect.internal.type';
export const DECIMAL_PRECISION = 'connect.decimal.precision';
export const DEFAULT_DECIMAL_PRECISION = 64;
const RECORD_DOC = `${AVRO_NAMESPACE}.record.doc`;
const FIELD_DOC_PREFIX = `${AVRO_NAMESPACE}.field.doc.`;
const FIELD_DEFAULT_FLAG = `${AVRO_NAMESPACE}.field.default`;
const ENUM_DOC_PREFIX = `${AVRO_NAMESPACE}.enum.doc.`;
const ENUM_DEFAULT_PREFIX = `${AVRO_NAMESPACE}.enum.default.`;
const MILLIS_PER_DAY = 86_400_000;

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** The named types seen so far (records, enums, fixed), by full name, for later references. */
interface Context {
  readonly named: Map<string, AvroSchemaObject>;
  /** Records being converted: meeting one again is a recursive schema, which Connect schemas cannot express here. */
  readonly visiting: Set<string>;
}

function fullName(name: string, namespace: string | undefined): string {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

function namespaceOf(full: string): string | undefined {
  const dot = full.lastIndexOf('.');
  return dot < 0 ? undefined : full.slice(0, dot);
}

/** Resolves a type reference or primitive name to a schema object, and the namespace names inside it resolve against. */
function resolve(node: AvroSchema, ns: string | undefined, ctx: Context): { node: AvroSchemaObject | AvroSchema[]; ns: string | undefined } {
  if (typeof node === 'string') {
    if (PRIMITIVES.has(node)) return { node: { type: node }, ns };
    const found = ctx.named.get(fullName(node, ns)) ?? ctx.named.get(node);
    if (!found) throw new DataError(`Undefined Avro type name: ${node}`);
    return { node: found, ns: namespaceOf(fullName(String(found.name), ns)) };
  }
  if (Array.isArray(node)) return { node, ns };
  if (typeof node.type !== 'string') return resolve(node.type, ns, ctx);
  return { node, ns };
}

function typeName(node: AvroSchema | AvroSchemaObject, ns: string | undefined, ctx: Context): string {
  const r = resolve(node, ns, ctx);
  if (Array.isArray(r.node)) return 'union';
  return String(r.node.type);
}

/** Confluent's unionMemberFieldName: a named type's simple name, else the Avro type name. */
function unionFieldName(node: AvroSchema, ns: string | undefined, ctx: Context): string {
  const r = resolve(node, ns, ctx);
  if (Array.isArray(r.node)) throw new DataError('Unions cannot be directly nested');
  const t = String(r.node.type);
  if (t === 'record' || t === 'enum' || t === 'fixed') {
    const name = String(r.node.name);
    return name.slice(name.lastIndexOf('.') + 1);
  }
  return t;
}

interface FieldContext {
  /** The Avro field's default, when the field has one (JSON). */
  readonly fieldDefault?: { readonly json: unknown };
}

export function avroToConnectSchema(avro: AvroSchema): Schema {
  return convert(avro, undefined, { named: new Map(), visiting: new Set() }, false, {});
}

function convert(input: AvroSchema, outerNs: string | undefined, ctx: Context, forceOptional: boolean, field: FieldContext): Schema {
  const { node, ns: refNs } = resolve(input, outerNs, ctx);
  if (Array.isArray(node)) return convertUnion(node, refNs, ctx, forceOptional);
  const type = String(node.type);
  const logical = typeof node.logicalType === 'string' ? node.logicalType : undefined;
  const options: { -readonly [K in keyof SchemaOptions]: SchemaOptions[K] } = { optional: forceOptional };
  const parameters: Record<string, string> = {};
  let name: string | undefined;
  let ns = refNs;
  if ((type === 'record' || type === 'enum' || type === 'fixed') && typeof node.name === 'string') {
    const full = fullName(node.name, typeof node.namespace === 'string' ? node.namespace : refNs);
    if (!ctx.named.has(full)) ctx.named.set(full, { ...node, name: full });
    ns = namespaceOf(full);
    if (type !== 'fixed') name = full;
  }
  let connectType: SchemaType;
  let logicalName: string | undefined;
  let extra: Partial<Pick<Schema, 'fields' | 'keySchema' | 'valueSchema'>> = {};
  switch (type) {
    case 'boolean':
      connectType = 'BOOLEAN';
      break;
    case 'int': {
      const ct = node[CONNECT_TYPE];
      connectType = ct === 'int8' ? 'INT8' : ct === 'int16' ? 'INT16' : 'INT32';
      if (logical === 'date') logicalName = LogicalNames.Date;
      else if (logical === 'time-millis') logicalName = LogicalNames.Time;
      break;
    }
    case 'long':
      connectType = 'INT64';
      if (logical === 'timestamp-millis') logicalName = LogicalNames.Timestamp;
      break;
    case 'float':
      connectType = 'FLOAT32';
      break;
    case 'double':
      connectType = 'FLOAT64';
      break;
    case 'string':
      connectType = 'STRING';
      break;
    case 'bytes':
    case 'fixed':
      connectType = 'BYTES';
      if (logical === 'decimal') {
        if (typeof node.scale !== 'number' && node.scale !== undefined) throw new DataError('scale must be specified and must be a number.');
        parameters.scale = String(node.scale ?? 0);
        if (node.precision !== undefined && node.precision !== DEFAULT_DECIMAL_PRECISION) parameters[DECIMAL_PRECISION] = String(node.precision);
        logicalName = LogicalNames.Decimal;
      }
      break;
    case 'enum': {
      connectType = 'STRING';
      const simple = String(node.name).slice(String(node.name).lastIndexOf('.') + 1);
      if (typeof node.doc === 'string') parameters[ENUM_DOC_PREFIX + simple] = node.doc;
      if (typeof node.default === 'string') parameters[ENUM_DEFAULT_PREFIX + simple] = node.default;
      parameters[AVRO_ENUM] = name ?? String(node.name);
      for (const symbol of (node.symbols as string[] | undefined) ?? []) parameters[`${AVRO_ENUM}.${symbol}`] = symbol;
      break;
    }
    case 'array': {
      const items = resolve(node.items as AvroSchema, ns, ctx);
      if (!Array.isArray(items.node) && items.node.type === 'record' && isMapEntry(items.node)) {
        const fields = items.node.fields as Array<{ name: string; type: AvroSchema }>;
        const key = fields.find((f) => f.name === 'key');
        const value = fields.find((f) => f.name === 'value');
        if (fields.length !== 2 || !key || !value) {
          throw new DataError('Found map encoded as array of key-value pairs, but array elements do not match the expected format.');
        }
        connectType = 'MAP';
        extra = { keySchema: convert(key.type, items.ns, ctx, false, {}), valueSchema: convert(value.type, items.ns, ctx, false, {}) };
      } else {
        connectType = 'ARRAY';
        extra = { valueSchema: convert(node.items as AvroSchema, ns, ctx, false, {}) };
      }
      break;
    }
    case 'map':
      connectType = 'MAP';
      extra = { keySchema: schema('STRING'), valueSchema: convert(node.values as AvroSchema, ns, ctx, false, {}) };
      break;
    case 'record': {
      connectType = 'STRUCT';
      if (typeof node.doc === 'string') parameters[RECORD_DOC] = node.doc;
      const fields: Array<{ name: string; index: number; schema: Schema }> = [];
      const recordName = name ?? String(node.name);
      if (ctx.visiting.has(recordName)) throw new DataError(`Recursive Avro record ${recordName} is not supported`);
      ctx.visiting.add(recordName);
      for (const f of (node.fields as Array<{ name: string; type: AvroSchema; doc?: string; default?: unknown }>) ?? []) {
        if (typeof f.doc === 'string') parameters[FIELD_DOC_PREFIX + f.name] = f.doc;
        const fieldSchema = convert(f.type, ns, ctx, false, 'default' in f ? { fieldDefault: { json: f.default } } : {});
        fields.push(Object.freeze({ name: f.name, index: fields.length, schema: fieldSchema }));
      }
      ctx.visiting.delete(recordName);
      extra = { fields: Object.freeze(fields) };
      break;
    }
    case 'null':
      throw new DataError('Standalone null schemas are not supported by this converter');
    default:
      throw new DataError(`Couldn't translate unsupported schema type ${type}.`);
  }
  if (logicalName !== undefined) {
    name = logicalName;
    options.version = 1;
  }
  if (typeof node[CONNECT_DOC] === 'string') options.doc = node[CONNECT_DOC];
  if (node[CONNECT_VERSION] !== undefined) {
    if (typeof node[CONNECT_VERSION] !== 'number') throw new DataError(`Invalid Connect version found: ${String(node[CONNECT_VERSION])}`);
    options.version = node[CONNECT_VERSION];
  }
  const connectParameters = node[CONNECT_PARAMETERS];
  if (connectParameters !== undefined) {
    if (typeof connectParameters !== 'object' || connectParameters === null) throw new DataError(`Expected JSON object for schema parameters but found: ${JSON.stringify(connectParameters)}`);
    for (const [k, v] of Object.entries(connectParameters)) {
      if (typeof v !== 'string') throw new DataError(`Expected schema parameter values to be strings but found: ${JSON.stringify(v)}`);
      parameters[k] = v;
    }
  }
  for (const [k, v] of Object.entries(node)) if (k.startsWith('avro')) parameters[k] = typeof v === 'string' ? v : JSON.stringify(v);
  const connectName = node[CONNECT_NAME];
  if (connectName !== undefined) {
    if (typeof connectName !== 'string') throw new DataError(`Invalid schema name: ${JSON.stringify(connectName)}`);
    name = connectName;
  }
  if (name !== undefined && name !== DEFAULT_SCHEMA_FULL_NAME) options.name = name;
  let defaultJson: { json: unknown } | undefined = field.fieldDefault;
  if (defaultJson === undefined && node[CONNECT_DEFAULT] !== undefined) defaultJson = { json: node[CONNECT_DEFAULT] };
  else if (defaultJson !== undefined && node[CONNECT_DEFAULT] === undefined) parameters[FIELD_DEFAULT_FLAG] = 'true';
  if (Object.keys(parameters).length > 0) options.parameters = Object.freeze(parameters);
  const built = schema(connectType, { ...options, ...extra });
  if (defaultJson === undefined || defaultJson.json === null) return built;
  return schema(connectType, { ...options, ...extra, defaultValue: defaultToConnect(built, defaultJson.json) });
}

function isMapEntry(node: AvroSchemaObject): boolean {
  const name = String(node.name);
  return name === `${AVRO_NAMESPACE}.${MAP_ENTRY}` || name === MAP_ENTRY || node[CONNECT_INTERNAL_TYPE] === MAP_ENTRY;
}

function convertUnion(members: AvroSchema[], ns: string | undefined, ctx: Context, forceOptional: boolean): Schema {
  if (members.length === 2 && members.includes('null')) {
    const other = members.find((m) => m !== 'null')!;
    return convert(other, ns, ctx, true, {});
  }
  const fields: Array<{ name: string; index: number; schema: Schema }> = [];
  let optional = forceOptional;
  for (const m of members) {
    if (typeName(m, ns, ctx) === 'null') {
      optional = true;
      continue;
    }
    const name = unionFieldName(m, ns, ctx);
    if (fields.some((f) => f.name === name)) throw new DataError('Multiple union schemas map to the Connect union field name');
    fields.push(Object.freeze({ name, index: fields.length, schema: convert(m, ns, ctx, true, {}) }));
  }
  return schema('STRUCT', { name: AVRO_UNION, optional, fields: Object.freeze(fields) });
}

/** An Avro default (JSON) as a Connect value of `s` (AvroData.defaultValueFromAvro); undefined when it does not fit. */
function defaultToConnect(s: Schema, json: unknown): unknown {
  if (json === null) return null;
  switch (s.name) {
    case LogicalNames.Decimal:
      return typeof json === 'string' ? Decimal.fromBytes(latin1(json), Number(s.parameters?.scale ?? 0)) : undefined;
    case LogicalNames.Date:
      return typeof json === 'number' ? new Date(json * MILLIS_PER_DAY) : undefined;
    case LogicalNames.Time:
    case LogicalNames.Timestamp:
      return typeof json === 'number' ? new Date(json) : undefined;
  }
  switch (s.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'FLOAT32':
    case 'FLOAT64':
      return typeof json === 'number' ? json : undefined;
    case 'BOOLEAN':
      return typeof json === 'boolean' ? json : undefined;
    case 'STRING':
      return typeof json === 'string' ? json : undefined;
    case 'BYTES':
      return typeof json === 'string' ? latin1(json) : undefined;
    case 'ARRAY':
      return Array.isArray(json) ? json.map((item) => defaultToConnect(s.valueSchema!, item)) : undefined;
    case 'MAP':
      if (typeof json !== 'object' || Array.isArray(json)) return undefined;
      return Object.fromEntries(Object.entries(json as object).map(([k, v]) => [k, defaultToConnect(s.valueSchema!, v)]));
    case 'STRUCT': {
      if (typeof json !== 'object' || Array.isArray(json) || s.name === AVRO_UNION) return undefined;
      const values = new Map<string, unknown>();
      for (const f of s.fields ?? []) values.set(f.name, defaultToConnect(f.schema, (json as Record<string, unknown>)[f.name] ?? null));
      return Struct.adopting(s, values);
    }
  }
}

/** Avro writes bytes defaults as a string of code points 0-255. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}
