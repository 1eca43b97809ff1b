// The three schema types the embedded registry keeps, each parsed (to refuse an invalid schema with 42201),
// canonicalized (so registering the same schema twice finds the same id) and compared for compatibility.
//
// Avro compatibility is Avro's own schema resolution, through avsc's resolver: a reader schema is compatible with a
// writer schema when avsc can build a resolver that reads the writer's data (fields added without a default, a type
// change that does not promote, an enum symbol the reader lacks... all refused), as Confluent's Schema Registry checks
// with Avro's SchemaCompatibility.
//
// JSON Schema and Protobuf compatibility is a documented subset of Confluent's rules (README, "Embedded schema
// registry"):
// - JSON Schema: per property, recursively through `properties` and `items`, the reader must accept every `type` the
//   writer allows; a property the reader requires must have been required by the writer (or carry a default); a
//   reader with `additionalProperties: false` must declare every property the writer declares.
// - Protobuf: every message type the writer has exists in the reader; a field number both declare keeps its type
//   (or a wire-compatible one: int32/uint32/int64/uint64/bool, sint32/sint64, fixed32/sfixed32, fixed64/sfixed64,
//   string/bytes) and its label (repeated or not); a `required` field in the reader exists in the writer.
import avro from 'avsc';
import protobuf from 'protobufjs';

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';
export const SCHEMA_TYPES: readonly SchemaType[] = ['JSON', 'PROTOBUF', 'AVRO'];

export interface SchemaReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

/** A schema with the schemas its references resolve to (in dependency order, deepest first). */
export interface ResolvedSchema {
  readonly schemaType: SchemaType;
  readonly schema: string;
  readonly references: readonly string[];
}

export class InvalidSchemaError extends Error {
  override readonly name = 'InvalidSchemaError';
}

/** The parsed form a compatibility check compares. */
export type Parsed = { kind: 'AVRO'; type: avro.Type } | { kind: 'JSON'; schema: unknown } | { kind: 'PROTOBUF'; root: protobuf.Root };

function avroType(s: ResolvedSchema): avro.Type {
  const registry: Record<string, avro.Type> = {};
  for (const ref of s.references) avro.Type.forSchema(JSON.parse(ref) as avro.Schema, { registry });
  return avro.Type.forSchema(JSON.parse(s.schema) as avro.Schema, { registry });
}

export function parseSchema(s: ResolvedSchema): Parsed {
  try {
    switch (s.schemaType) {
      case 'AVRO':
        return { kind: 'AVRO', type: avroType(s) };
      case 'JSON': {
        const schema: unknown = JSON.parse(s.schema);
        if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) throw new Error('a JSON Schema is an object or a boolean');
        return { kind: 'JSON', schema };
      }
      case 'PROTOBUF': {
        const root = new protobuf.Root();
        for (const ref of s.references) protobuf.parse(ref, root, { keepCase: true });
        protobuf.parse(s.schema, root, { keepCase: true });
        root.resolveAll();
        return { kind: 'PROTOBUF', root };
      }
    }
  } catch (e) {
    throw new InvalidSchemaError(`Invalid schema: ${(e as Error).message}`);
  }
}

/** The form two registrations of the same schema share: compact JSON for Avro and JSON Schema, trimmed text for Protobuf. */
export function canonical(schemaType: SchemaType, schema: string): string {
  if (schemaType === 'PROTOBUF') return schema.trim();
  try {
    return JSON.stringify(JSON.parse(schema));
  } catch (e) {
    throw new InvalidSchemaError(`Invalid schema: ${(e as Error).message}`);
  }
}

/** Why data written with `writer` cannot be read with `reader`; empty when it can. */
export function incompatibilities(reader: Parsed, writer: Parsed): string[] {
  if (reader.kind !== writer.kind) return [`schema type changed from ${writer.kind} to ${reader.kind}`];
  if (reader.kind === 'AVRO' && writer.kind === 'AVRO') {
    try {
      reader.type.createResolver(writer.type);
      return [];
    } catch (e) {
      return [(e as Error).message];
    }
  }
  if (reader.kind === 'JSON' && writer.kind === 'JSON') return jsonIncompatibilities(reader.schema, writer.schema, '#');
  if (reader.kind === 'PROTOBUF' && writer.kind === 'PROTOBUF') return protobufIncompatibilities(reader.root, writer.root);
  return [];
}

type JsonNode = Record<string, unknown>;
const asNode = (s: unknown): JsonNode | undefined => (typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as JsonNode) : undefined);
const typesOf = (s: JsonNode): Set<string> | undefined => {
  const t = s['type'];
  if (typeof t === 'string') return new Set(t === 'integer' ? ['integer'] : [t]);
  if (Array.isArray(t)) return new Set(t.filter((x): x is string => typeof x === 'string'));
  return undefined;
};
const requiredOf = (s: JsonNode): Set<string> => new Set(Array.isArray(s['required']) ? (s['required'] as unknown[]).filter((x): x is string => typeof x === 'string') : []);

function jsonIncompatibilities(readerSchema: unknown, writerSchema: unknown, path: string): string[] {
  if (readerSchema === true || readerSchema === undefined) return [];
  if (readerSchema === false) return writerSchema === false ? [] : [`${path}: the reader accepts nothing`];
  const reader = asNode(readerSchema);
  const writer = asNode(writerSchema === true ? {} : writerSchema);
  if (!reader || !writer) return [];
  const out: string[] = [];
  const rt = typesOf(reader);
  const wt = typesOf(writer);
  if (rt) {
    const accepts = (t: string) => rt.has(t) || (t === 'integer' && rt.has('number'));
    if (!wt) out.push(`${path}: the reader restricts the type to ${[...rt].join(', ')}, the writer allows any`);
    else for (const t of wt) if (!accepts(t)) out.push(`${path}: type ${t} written, the reader does not accept it`);
  }
  const rp = asNode(reader['properties']) ?? {};
  const wp = asNode(writer['properties']) ?? {};
  const wreq = requiredOf(writer);
  for (const name of requiredOf(reader)) {
    if (!wreq.has(name) && asNode(rp[name])?.['default'] === undefined) out.push(`${path}/properties/${name}: required by the reader, not by the writer`);
  }
  if (reader['additionalProperties'] === false) for (const name of Object.keys(wp)) if (!(name in rp)) out.push(`${path}/properties/${name}: written, and the reader allows no additional properties`);
  for (const name of Object.keys(rp)) if (name in wp) out.push(...jsonIncompatibilities(rp[name], wp[name], `${path}/properties/${name}`));
  if (reader['items'] !== undefined && writer['items'] !== undefined) out.push(...jsonIncompatibilities(reader['items'], writer['items'], `${path}/items`));
  return out;
}

const WIRE_GROUPS: readonly (readonly string[])[] = [
  ['int32', 'uint32', 'int64', 'uint64', 'bool'],
  ['sint32', 'sint64'],
  ['fixed32', 'sfixed32'],
  ['fixed64', 'sfixed64'],
  ['string', 'bytes'],
];
const sameWire = (a: string, b: string) => a === b || WIRE_GROUPS.some((g) => g.includes(a) && g.includes(b));

function messages(ns: protobuf.NamespaceBase, out = new Map<string, protobuf.Type>()): Map<string, protobuf.Type> {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) out.set(nested.fullName, nested);
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) messages(nested, out);
  }
  return out;
}

function fieldType(f: protobuf.Field): string {
  return f.resolvedType ? f.resolvedType.fullName : f.type;
}

function protobufIncompatibilities(reader: protobuf.Root, writer: protobuf.Root): string[] {
  const out: string[] = [];
  const rm = messages(reader);
  for (const [name, w] of messages(writer)) {
    const r = rm.get(name);
    if (!r) {
      out.push(`message ${name} removed`);
      continue;
    }
    for (const wf of w.fieldsArray) {
      const rf = r.fieldsById[wf.id];
      if (!rf) continue;
      if (!sameWire(fieldType(rf), fieldType(wf))) out.push(`${name} field ${wf.id}: type changed from ${fieldType(wf)} to ${fieldType(rf)}`);
      if (rf.repeated !== wf.repeated) out.push(`${name} field ${wf.id}: label changed`);
    }
    for (const rf of r.fieldsArray) if (rf.required && !w.fieldsById[rf.id]) out.push(`${name} field ${rf.id}: required field added`);
  }
  return out;
}
