// Connect schema -> Avro schema, as Confluent's AvroData.fromConnectSchema writes them (connect.meta.data=true):
// INT8/INT16 -> int with connect.type, STRUCT -> record (named by the schema's name, else
// io.confluent.connect.avro.ConnectDefault), MAP<STRING, v> -> map, other maps -> array of MapEntry records,
// the Union struct -> an Avro union, optional -> [null, T] ([T, null] when it has a default); logical types get both
// Avro's logicalType and Connect's connect.name, and connect.doc / connect.version / connect.parameters / connect.default.
// A STRING with io.confluent.connect.avro.Enum parameters stays a string (AvroData without enhanced.avro.schema.support).
import { LogicalNames, type Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';
import {
  AVRO_NAMESPACE,
  AVRO_UNION,
  CONNECT_DEFAULT,
  CONNECT_DOC,
  CONNECT_INTERNAL_TYPE,
  CONNECT_NAME,
  CONNECT_PARAMETERS,
  CONNECT_TYPE,
  CONNECT_VERSION,
  DECIMAL_PRECISION,
  DEFAULT_DECIMAL_PRECISION,
  MAP_ENTRY,
} from './avroToConnectSchema.js';
import type { AvroSchema } from './avroTypes.js';
import { defaultToAvroJson } from './avroValues.js';

const FIELD_DEFAULT_FLAG = `${AVRO_NAMESPACE}.field.default`;
const RECORD_DOC = `${AVRO_NAMESPACE}.record.doc`;
const FIELD_DOC_PREFIX = `${AVRO_NAMESPACE}.field.doc.`;

/** Union structs' field names -> avsc branch keys (a named member's full name), for writing union values. */
export const unionBranches = new WeakMap<Schema, ReadonlyMap<string, string>>();

interface Context {
  /** Record, enum and fixed names already defined in this schema: a second use refers to it by name. */
  readonly defined: Set<string>;
}

function split(name: string): { namespace: string; name: string } {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { namespace: '', name } : { namespace: name.slice(0, dot), name: name.slice(dot + 1) };
}

export function connectToAvroSchema(s: Schema): AvroSchema {
  return convert(s, { defined: new Set() }, false);
}

function nonOptional(s: Schema): Schema {
  return s.optional ? Object.freeze({ ...s, optional: false, defaultValue: undefined }) : s;
}

function convert(s: Schema, ctx: Context, ignoreOptional: boolean): AvroSchema {
  const full = s.name ? split(s.name) : { namespace: AVRO_NAMESPACE, name: 'ConnectDefault' };
  let base: Record<string, unknown>;
  let named: string | undefined;
  switch (s.type) {
    case 'INT8':
    case 'INT16':
      base = { type: 'int', [CONNECT_TYPE]: s.type === 'INT8' ? 'int8' : 'int16' };
      break;
    case 'INT32':
      base = { type: 'int' };
      break;
    case 'INT64':
      base = { type: 'long' };
      break;
    case 'FLOAT32':
      base = { type: 'float' };
      break;
    case 'FLOAT64':
      base = { type: 'double' };
      break;
    case 'BOOLEAN':
      base = { type: 'boolean' };
      break;
    case 'STRING':
      base = { type: 'string' };
      break;
    case 'BYTES':
      base = { type: 'bytes' };
      break;
    case 'ARRAY':
      base = { type: 'array', items: convert(s.valueSchema!, ctx, false) };
      break;
    case 'MAP':
      if (s.keySchema!.type === 'STRING' && !s.keySchema!.optional) {
        base = { type: 'map', values: convert(s.valueSchema!, ctx, false) };
      } else {
        const entry: Record<string, unknown> = s.name
          ? { type: 'record', name: full.name, namespace: full.namespace, [CONNECT_INTERNAL_TYPE]: MAP_ENTRY }
          : { type: 'record', name: MAP_ENTRY, namespace: AVRO_NAMESPACE };
        entry.fields = [field('key', s.keySchema!, ctx), field('value', s.valueSchema!, ctx)];
        base = { type: 'array', items: entry };
      }
      break;
    case 'STRUCT': {
      if (s.name === AVRO_UNION) {
        const branches = new Map<string, string>();
        const members: AvroSchema[] = s.optional ? ['null'] : [];
        for (const f of s.fields ?? []) {
          const member = convert(nonOptional(f.schema), ctx, true);
          members.push(member);
          branches.set(f.name, branchKey(member));
        }
        unionBranches.set(s, branches);
        return members;
      }
      if (s.optional && !ignoreOptional) {
        const inner = convert(nonOptional(s), ctx, false);
        return s.defaultValue != null ? [inner, 'null'] : ['null', inner];
      }
      named = `${full.namespace}.${full.name}`;
      if (ctx.defined.has(named)) return named;
      ctx.defined.add(named);
      base = { type: 'record', name: full.name, namespace: full.namespace };
      const doc = s.parameters?.[RECORD_DOC];
      if (doc !== undefined) base.doc = doc;
      base.fields = (s.fields ?? []).map((f) => field(f.name, f.schema, ctx, s.parameters?.[FIELD_DOC_PREFIX + f.name]));
      break;
    }
  }
  if (s.doc !== undefined) base[CONNECT_DOC] = s.doc;
  if (s.version !== undefined) base[CONNECT_VERSION] = s.version;
  if (s.parameters !== undefined && Object.keys(s.parameters).length > 0) base[CONNECT_PARAMETERS] = { ...s.parameters };
  if (s.defaultValue !== undefined && s.defaultValue !== null && s.parameters?.[FIELD_DEFAULT_FLAG] === undefined) {
    base[CONNECT_DEFAULT] = defaultToAvroJson(s, s.defaultValue);
  }
  if (s.name !== undefined) base[CONNECT_NAME] = s.name;
  addLogicalType(s, base);
  if (!ignoreOptional && s.optional) return s.defaultValue != null ? [base as AvroSchema, 'null'] : ['null', base as AvroSchema];
  return base as AvroSchema;
}

function addLogicalType(s: Schema, base: Record<string, unknown>): void {
  switch (s.name) {
    case LogicalNames.Decimal: {
      const precision = Number(s.parameters?.[DECIMAL_PRECISION] ?? DEFAULT_DECIMAL_PRECISION);
      const scale = Number(s.parameters?.scale ?? 0);
      base.scale = scale;
      base.precision = precision;
      // Avro forbids scale < 0 or > precision: AvroData falls back to its legacy form, which readers treat as bytes.
      if (scale >= 0 && scale <= precision) base.logicalType = 'decimal';
      break;
    }
    case LogicalNames.Date:
      base.logicalType = 'date';
      break;
    case LogicalNames.Time:
      base.logicalType = 'time-millis';
      break;
    case LogicalNames.Timestamp:
      base.logicalType = 'timestamp-millis';
      break;
  }
}

function field(name: string, s: Schema, ctx: Context, doc?: string): Record<string, unknown> {
  const out: Record<string, unknown> = { name, type: convert(s, ctx, false) };
  if (doc !== undefined) out.doc = doc;
  if (s.defaultValue !== undefined && s.defaultValue !== null) out.default = defaultToAvroJson(s, s.defaultValue);
  else if (s.optional) out.default = null;
  return out;
}

/** The key avsc gives a union branch: a named type's full name, else its type name. */
function branchKey(member: AvroSchema): string {
  if (typeof member === 'string') return member;
  if (Array.isArray(member)) throw new DataError('Unions cannot be directly nested');
  const t = member.type as string;
  if (t === 'record' || t === 'enum' || t === 'fixed') {
    const ns = member.namespace as string | undefined;
    return ns ? `${ns}.${member.name as string}` : (member.name as string);
  }
  return t;
}
