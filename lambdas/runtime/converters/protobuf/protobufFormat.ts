// The Protobuf format of the ProtobufConverter (loaded on first use): message indexes, protobufjs decode and encode.
import protobuf from 'protobufjs';
import type { Schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { DataError } from '../../../connect-api/errors.js';
import type { FormatWriter, SchemaFormat } from '../schemaregistry/SchemaRegistryConverter.js';
import { connectToProtobuf } from './connectToProtobuf.js';
import { messageMapping, PROTOBUF_UNION_PREFIX, parseProto } from './protobufToConnect.js';

/** The message the indexes name: the file's top-level message types, then nested ones. */
function messageAt(topLevel: readonly protobuf.Type[], indexes: readonly number[]): protobuf.Type {
  let candidates: readonly protobuf.Type[] = topLevel;
  let type: protobuf.Type | undefined;
  for (const i of indexes) {
    type = candidates[i];
    if (type === undefined) throw new DataError(`Invalid Protobuf message indexes [${indexes.join(',')}]`);
    candidates = type.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
  }
  if (type === undefined) throw new DataError('Invalid Protobuf message indexes []');
  return type;
}

/** A Connect value of a schema mapped from Protobuf, as the plain object protobufjs' fromObject takes. */
function toPlain(value: unknown): unknown {
  if (value instanceof Struct) {
    const out: Record<string, unknown> = {};
    for (const f of value.schema.fields ?? []) {
      const v = value.get(f.name);
      if (v === null || v === undefined) continue;
      if (f.schema.name?.startsWith(PROTOBUF_UNION_PREFIX) && v instanceof Struct) Object.assign(out, toPlain(v));
      else out[f.name] = toPlain(v);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlain(v)]));
  return value;
}

const writers = new WeakMap<Schema, FormatWriter>();
const FIRST_MESSAGE = Uint8Array.of(0);

function encodeWith(type: protobuf.Type, message: unknown): Uint8Array {
  let body: Uint8Array;
  try {
    body = type.encode(type.fromObject(message as Record<string, unknown>)).finish();
  } catch (e) {
    throw new DataError(`Failed to serialize Protobuf data: ${(e as Error).message}`, { cause: e });
  }
  const out = new Uint8Array(1 + body.length);
  out.set(FIRST_MESSAGE, 0);
  out.set(body, 1);
  return out;
}

export const protobufFormat: SchemaFormat = {
  schemaType: 'PROTOBUF',
  reader(registered, references) {
    const { topLevel } = parseProto(registered.schema, references);
    return {
      // Each record's message indexes name the message it holds (most often the first: one 0 byte).
      read(data, offset) {
        try {
          // The plain Reader, not the Buffer one: that one clamps a truncated string to the data's end instead of failing.
          const reader = new protobuf.Reader(data);
          reader.pos = offset;
          const count = reader.sint32();
          const indexes = count === 0 ? [0] : Array.from({ length: count }, () => reader.sint32());
          const type = messageAt(topLevel, indexes);
          const mapping = messageMapping(type);
          const message = type.decode(reader);
          // protobufjs reads past a truncated field's end instead of failing: a position beyond the data is a bad payload.
          if (reader.pos > reader.len) throw new DataError('Failed to deserialize Protobuf data: the payload is truncated');
          return { schema: mapping.schema, value: mapping.toConnect(message) };
        } catch (e) {
          throw e instanceof DataError ? e : new DataError(`Failed to deserialize Protobuf data: ${(e as Error).message}`, { cause: e });
        }
      },
    };
  },
  writer(schema) {
    let writer = writers.get(schema);
    if (writer === undefined) {
      const parts = connectToProtobuf(schema);
      writer = { schemaType: 'PROTOBUF', text: parts.text, references: [], recordName: parts.recordName, schema, write: (value) => encodeWith(parts.type, parts.toProto(value)) };
      writers.set(schema, writer);
    }
    return writer;
  },
  registeredWriter(registered, references) {
    const { topLevel } = parseProto(registered.schema, references);
    const type = messageAt(topLevel, [0]);
    const mapping = messageMapping(type);
    return { schemaType: 'PROTOBUF', text: registered.schema, references: registered.references, recordName: type.fullName.replace(/^\./, ''), schema: mapping.schema, write: (value) => encodeWith(type, toPlain(value)) };
  },
};

