// Protobuf (protobufjs) -> Connect, as Confluent's ProtobufData maps it (wrapper.for.nullables=false):
// a message -> STRUCT named by its simple name, every field optional with its tag in io.confluent.connect.protobuf.Tag;
// int32/sint32/sfixed32 -> INT32, uint32/fixed32 and the 64-bit kinds -> INT64, float/double -> FLOAT32/FLOAT64,
// bool, string, bytes; enum -> STRING named by the enum (symbol names as values); repeated -> ARRAY, map -> MAP;
// oneof -> a `<name>_<index>` STRUCT named io.confluent.connect.protobuf.Union.<name>; google.protobuf.Timestamp ->
// Timestamp, google.type.Date -> Date, google.type.TimeOfDay -> Time, confluent.type.Decimal -> Decimal (each value
// keeps its own scale; the schema's scale parameter, from Confluent's field meta option, is not read: 0).
// Wrapper types stay structs (wrapper.for.nullables=false). Recursive message types are refused.
import protobuf from 'protobufjs';
import { Decimal } from '../../../connect-api/data/Decimal.js';
import { LogicalNames, type Schema, type SchemaType, arraySchema, mapSchema, optional, schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { DataError } from '../../../connect-api/errors.js';

export const PROTOBUF_TAG = 'io.confluent.connect.protobuf.Tag';
export const PROTOBUF_ENUM = 'io.confluent.connect.protobuf.Enum';
export const PROTOBUF_UNION_PREFIX = 'io.confluent.connect.protobuf.Union.';

type Conv = (value: unknown) => unknown;

const SCALARS: Readonly<Record<string, SchemaType>> = {
  int32: 'INT32',
  sint32: 'INT32',
  sfixed32: 'INT32',
  uint32: 'INT64',
  fixed32: 'INT64',
  int64: 'INT64',
  uint64: 'INT64',
  sint64: 'INT64',
  fixed64: 'INT64',
  sfixed64: 'INT64',
  float: 'FLOAT32',
  double: 'FLOAT64',
  bool: 'BOOLEAN',
  string: 'STRING',
  bytes: 'BYTES',
};
const LONGS = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/** The well-known and Confluent message types a schema may import without a registry reference. */
const WELL_KNOWN: Readonly<Record<string, protobuf.INamespace>> = {
  'google/type/date.proto': { nested: { google: { nested: { type: { nested: { Date: { fields: { year: { type: 'int32', id: 1 }, month: { type: 'int32', id: 2 }, day: { type: 'int32', id: 3 } } } } } } } } },
  'google/type/timeofday.proto': {
    nested: { google: { nested: { type: { nested: { TimeOfDay: { fields: { hours: { type: 'int32', id: 1 }, minutes: { type: 'int32', id: 2 }, seconds: { type: 'int32', id: 3 }, nanos: { type: 'int32', id: 4 } } } } } } } },
  },
  'confluent/type/decimal.proto': {
    nested: { confluent: { nested: { type: { nested: { Decimal: { fields: { value: { type: 'bytes', id: 1 }, precision: { type: 'uint32', id: 2 }, scale: { type: 'int32', id: 3 } } } } } } } },
  },
};

/** Parses a schema and the schemas it imports into one root; returns the root and the file's top-level messages. */
export function parseProto(text: string, references: ReadonlyMap<string, string>): { root: protobuf.Root; topLevel: protobuf.Type[] } {
  try {
    const root = new protobuf.Root();
    const parsed = protobuf.parse(text, root, { keepCase: true });
    const ns = parsed.package ? root.lookup(parsed.package) : root;
    const topLevel = ns instanceof protobuf.Namespace ? ns.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type) : [];
    for (const [name, ref] of references) if (!(name in WELL_KNOWN)) protobuf.parse(ref, root, { keepCase: true });
    for (const file of ['google/protobuf/timestamp.proto', 'google/protobuf/wrappers.proto']) root.addJSON(protobuf.common.get(file)!.nested!);
    for (const json of Object.values(WELL_KNOWN)) root.addJSON(json.nested!);
    root.resolveAll();
    return { root, topLevel };
  } catch (e) {
    throw new DataError(`Invalid Protobuf schema: ${(e as Error).message}`, { cause: e });
  }
}

export interface MessageMapping {
  readonly schema: Schema;
  readonly toConnect: Conv;
}

const mappings = new WeakMap<protobuf.Type, MessageMapping>();

/** The Connect schema of a message type and the converter of its decoded messages, built once per type. */
export function messageMapping(type: protobuf.Type): MessageMapping {
  let m = mappings.get(type);
  if (m === undefined) {
    m = buildMessage(type, new Set(), false);
    mappings.set(type, m);
  }
  return m;
}

/** A protobufjs 64-bit value (a Long, a number, or a map key's text) as Connect carries int64: a number when exact. */
function toInt64(v: unknown): number | bigint {
  if (typeof v === 'number') return v;
  const n = BigInt(String(v));
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function isSyntheticOneof(o: protobuf.OneOf): boolean {
  return o.name.startsWith('_') && o.fieldsArray.length === 1 && o.fieldsArray[0]!.name === o.name.slice(1);
}

function buildMessage(type: protobuf.Type, visiting: Set<protobuf.Type>, isOptional: boolean): MessageMapping {
  if (visiting.has(type)) throw new DataError(`Recursive Protobuf message ${type.fullName} is not supported`);
  visiting.add(type);
  const fields: Array<[string, Schema]> = [];
  const convs: Array<[string, Conv]> = [];
  const oneofs = type.oneofsArray.filter((o) => !isSyntheticOneof(o));
  oneofs.forEach((o, index) => {
    const members = o.fieldsArray.map((f) => [f.name, fieldMapping(f, visiting)] as const);
    const unionSchema = schema('STRUCT', {
      name: `${PROTOBUF_UNION_PREFIX}${o.name}`,
      optional: true,
      fields: Object.freeze(members.map(([name, m], i) => Object.freeze({ name, index: i, schema: m.schema }))),
    });
    const name = `${o.name}_${index}`;
    fields.push([name, unionSchema]);
    const byName = new Map(members.map(([n, m]) => [n, m.toConnect]));
    convs.push([
      name,
      (msg) => {
        const set = (msg as Record<string, unknown>)[o.name] as string | undefined;
        if (set === undefined) return null;
        return Struct.adopting(unionSchema, new Map([[set, byName.get(set)!((msg as Record<string, unknown>)[set])]]));
      },
    ]);
  });
  const inOneof = new Set(oneofs.flatMap((o) => o.fieldsArray));
  for (const f of type.fieldsArray) {
    if (inOneof.has(f)) continue;
    const m = fieldMapping(f, visiting);
    fields.push([f.name, m.schema]);
    convs.push([f.name, (msg) => m.toConnect((msg as Record<string, unknown>)[f.name])]);
  }
  visiting.delete(type);
  const s = schema('STRUCT', { name: type.name, optional: isOptional, fields: Object.freeze(fields.map(([name, fs], index) => Object.freeze({ name, index, schema: fs }))) });
  return {
    schema: s,
    toConnect: (msg) => {
      const values = new Map<string, unknown>();
      for (const [name, conv] of convs) values.set(name, conv(msg));
      return Struct.adopting(s, values);
    },
  };
}

const tagged = (s: Schema, tag: number): Schema => Object.freeze({ ...s, optional: true, parameters: Object.freeze({ ...s.parameters, [PROTOBUF_TAG]: String(tag) }) });

function fieldMapping(f: protobuf.Field, visiting: Set<protobuf.Type>): MessageMapping {
  f.resolve();
  if (f instanceof protobuf.MapField) {
    const keyType = SCALARS[f.keyType] ?? 'STRING';
    const value = elementMapping(f, visiting);
    const keyConv: Conv = keyType === 'STRING' ? (k) => k : keyType === 'BOOLEAN' ? (k) => k === 'true' : LONGS.has(f.keyType) ? toInt64 : (k) => Number(k);
    const s = mapSchema(schema(keyType, { optional: true }), value.schema, { optional: true });
    return {
      schema: tagged(s, f.id),
      toConnect: (v) => {
        if (v === null || v === undefined) return null;
        const entries = Object.entries(v as Record<string, unknown>);
        if (keyType === 'STRING') return Object.fromEntries(entries.map(([k, item]) => [k, value.toConnect(item)]));
        return new Map(entries.map(([k, item]) => [keyConv(k), value.toConnect(item)]));
      },
    };
  }
  const element = elementMapping(f, visiting);
  if (f.repeated) {
    return { schema: tagged(arraySchema(optional(element.schema), { optional: true }), f.id), toConnect: (v) => (Array.isArray(v) ? v.map(element.toConnect) : []) };
  }
  return { schema: tagged(element.schema, f.id), toConnect: element.toConnect };
}

function elementMapping(f: protobuf.Field, visiting: Set<protobuf.Type>): MessageMapping {
  const resolved = f.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    const params: Record<string, string> = { [PROTOBUF_ENUM]: resolved.name };
    for (const [symbol, tag] of Object.entries(resolved.values)) params[`${PROTOBUF_ENUM}.${symbol}`] = String(tag);
    return { schema: schema('STRING', { name: resolved.name, optional: true, parameters: Object.freeze(params) }), toConnect: (v) => (typeof v === 'number' ? (resolved.valuesById[v] ?? String(v)) : (v ?? null)) };
  }
  if (resolved instanceof protobuf.Type) return messageField(resolved, visiting);
  const type = SCALARS[f.type];
  if (type === undefined) throw new DataError(`Unknown Protobuf type ${f.type}`);
  const s = schema(type, { optional: true });
  if (LONGS.has(f.type)) return { schema: s, toConnect: (v) => (v === null || v === undefined ? null : toInt64(v)) };
  return { schema: s, toConnect: (v) => v ?? null };
}

function messageField(type: protobuf.Type, visiting: Set<protobuf.Type>): MessageMapping {
  const present = (conv: Conv): Conv => (v) => (v === null || v === undefined ? null : conv(v));
  switch (type.fullName) {
    case '.google.protobuf.Timestamp':
      return {
        schema: schema('INT64', { name: LogicalNames.Timestamp, version: 1, optional: true }),
        toConnect: present((v) => {
          const t = v as { seconds: unknown; nanos: number };
          return new Date(Number(toInt64(t.seconds)) * 1000 + Math.floor((t.nanos ?? 0) / 1_000_000));
        }),
      };
    case '.google.type.Date':
      return { schema: schema('INT32', { name: LogicalNames.Date, version: 1, optional: true }), toConnect: present((v) => { const d = v as { year: number; month: number; day: number }; return new Date(Date.UTC(d.year, d.month - 1, d.day)); }) };
    case '.google.type.TimeOfDay':
      return {
        schema: schema('INT32', { name: LogicalNames.Time, version: 1, optional: true }),
        toConnect: present((v) => { const t = v as { hours: number; minutes: number; seconds: number; nanos: number }; return new Date(((t.hours * 60 + t.minutes) * 60 + t.seconds) * 1000 + Math.floor(t.nanos / 1_000_000)); }),
      };
    case '.confluent.type.Decimal':
      return {
        schema: schema('BYTES', { name: LogicalNames.Decimal, version: 1, optional: true, parameters: Object.freeze({ scale: '0' }) }),
        toConnect: present((v) => { const d = v as { value: Uint8Array; scale: number }; return Decimal.fromBytes(d.value, d.scale ?? 0); }),
      };
  }
  const m = buildMessage(type, visiting, true);
  return { schema: m.schema, toConnect: present(m.toConnect) };
}
