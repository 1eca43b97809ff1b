// Connect -> Protobuf (ProtobufData.fromConnectSchema's common cases): a STRUCT becomes a proto3 message named by the
// schema name's last part (package from the rest), fields numbered in order (or by io.confluent.connect.protobuf.Tag),
// INT8/INT16/INT32 -> int32, INT64 -> int64, FLOAT32 -> float, FLOAT64 -> double, BOOLEAN -> bool, STRING -> string
// (an enum-annotated STRING stays a string), BYTES -> bytes, ARRAY -> repeated, MAP with primitive keys -> map,
// nested STRUCTs -> nested messages. Left out on write: the logical types (they need well-known imports the registry
// must hold), unions, arrays of arrays and maps of non-primitive keys: such a schema is a DataError.
import type protobuf from 'protobufjs';
import type { Schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { DataError } from '../../../connect-api/errors.js';
import { PROTOBUF_TAG, parseProto } from './protobufToConnect.js';

type Conv = (value: unknown) => unknown;

const PRIMITIVE: Readonly<Record<string, string>> = {
  INT8: 'int32',
  INT16: 'int32',
  INT32: 'int32',
  INT64: 'int64',
  FLOAT32: 'float',
  FLOAT64: 'double',
  BOOLEAN: 'bool',
  STRING: 'string',
  BYTES: 'bytes',
};

export interface ProtoWriterParts {
  readonly text: string;
  readonly recordName: string;
  readonly type: protobuf.Type;
  readonly toProto: Conv;
}

function simpleName(name: string | undefined, fallback: string): string {
  const simple = (name ?? '').slice((name ?? '').lastIndexOf('.') + 1).replace(/[^A-Za-z0-9_]/g, '_');
  return simple === '' || /^\d/.test(simple) ? fallback : simple;
}

/** The .proto text for a STRUCT schema, the parsed message type and the Connect -> protobufjs value converter. */
export function connectToProtobuf(s: Schema): ProtoWriterParts {
  if (s.type !== 'STRUCT') throw new DataError(`The Protobuf converter writes STRUCT schemas only, not ${s.type}`);
  const name = s.name ?? '';
  const dot = name.lastIndexOf('.');
  const pkg = dot > 0 ? name.slice(0, dot) : '';
  const messageName = simpleName(name, 'ConnectDefault1');
  const lines = ['syntax = "proto3";', ...(pkg ? [`package ${pkg};`] : []), '', ...message(s, messageName, '')];
  const text = `${lines.join('\n')}\n`;
  const { root } = parseProto(text, new Map());
  const type = root.lookupType(pkg ? `${pkg}.${messageName}` : messageName);
  return { text, recordName: pkg ? `${pkg}.${messageName}` : messageName, type, toProto: structConv(s) };
}

function message(s: Schema, name: string, indent: string): string[] {
  const out = [`${indent}message ${name} {`];
  const nested: string[] = [];
  let next = 1;
  for (const f of s.fields ?? []) {
    const tag = Number(f.schema.parameters?.[PROTOBUF_TAG] ?? next);
    next = tag + 1;
    out.push(`${indent}  ${fieldType(f.schema, f.name, nested, `${indent}  `)} ${f.name} = ${tag};`);
  }
  return [...out, ...nested, `${indent}}`];
}

function fieldType(s: Schema, fieldName: string, nested: string[], indent: string): string {
  if (s.name?.startsWith('org.apache.kafka.connect.data.')) throw new DataError(`The Protobuf converter does not write the logical type ${s.name} (field ${fieldName})`);
  switch (s.type) {
    case 'ARRAY':
      if (s.valueSchema!.type === 'ARRAY' || s.valueSchema!.type === 'MAP') throw new DataError(`The Protobuf converter does not write nested collections (field ${fieldName})`);
      return `repeated ${fieldType(s.valueSchema!, fieldName, nested, indent)}`;
    case 'MAP': {
      const key = PRIMITIVE[s.keySchema!.type];
      if (key === undefined || key === 'bytes' || key === 'float' || key === 'double') throw new DataError(`The Protobuf converter writes maps with integer, bool or string keys only (field ${fieldName})`);
      if (s.valueSchema!.type === 'ARRAY' || s.valueSchema!.type === 'MAP') throw new DataError(`The Protobuf converter does not write nested collections (field ${fieldName})`);
      return `map<${key}, ${fieldType(s.valueSchema!, fieldName, nested, indent)}>`;
    }
    case 'STRUCT': {
      const typeName = simpleName(s.name, `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Message`);
      nested.push(...message(s, typeName, indent));
      return typeName;
    }
    default:
      return PRIMITIVE[s.type]!;
  }
}

function conv(s: Schema): Conv {
  switch (s.type) {
    case 'INT64':
      return (v) => (typeof v === 'bigint' ? v.toString() : v);
    case 'ARRAY': {
      const item = conv(s.valueSchema!);
      return (v) => (v as unknown[]).map(item);
    }
    case 'MAP': {
      const value = conv(s.valueSchema!);
      return (v) => {
        const out: Record<string, unknown> = {};
        for (const [k, item] of v instanceof Map ? v.entries() : Object.entries(v as object)) out[String(k)] = value(item);
        return out;
      };
    }
    case 'STRUCT':
      return structConv(s);
    default:
      return (v) => v;
  }
}

function structConv(s: Schema): Conv {
  const fields = (s.fields ?? []).map((f) => [f.name, conv(f.schema)] as const);
  return (v) => {
    if (!(v instanceof Struct)) throw new DataError(`Invalid type for STRUCT: ${typeof v}`);
    const out: Record<string, unknown> = {};
    for (const [name, c] of fields) {
      const item = v.get(name);
      // proto3 has no null scalar: a null field is left unset (the reader sees its default).
      if (item !== null && item !== undefined) out[name] = c(item);
    }
    return out;
  };
}
