// Avro values (as avsc reads and writes them) <-> Connect values, one function compiled per Connect schema and cached,
// so a batch walks each schema's switch once, not per record (AvroData.toConnectData / fromConnectData).
// Decimal <-> two's-complement bytes, Date <-> days, Time <-> ms of day, Timestamp <-> epoch ms, structs <-> records,
// the Union struct <-> avsc's wrapped union `{branch: value}`, MAP<k, v> with non-string keys <-> MapEntry records.
import { Decimal } from '../../../connect-api/data/Decimal.js';
import { LogicalNames, type Schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { DataError } from '../../../connect-api/errors.js';
import { AVRO_UNION } from './avroToConnectSchema.js';

type Conv = (value: unknown) => unknown;

const MILLIS_PER_DAY = 86_400_000;
const identity: Conv = (v) => v;

/** Big-endian two's-complement bytes -> Decimal; up to 6 bytes in plain number arithmetic (most decimals). */
export function decimalFromBytes(bytes: Uint8Array, scale: number): Decimal {
  if (bytes.length > 6) return Decimal.fromBytes(bytes, scale);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) n = n * 256 + bytes[i]!;
  if (bytes.length > 0 && bytes[0]! & 0x80) n -= 2 ** (8 * bytes.length);
  return new Decimal(BigInt(n), scale);
}

function scaleOf(s: Schema): number {
  const scale = Number(s.parameters?.scale ?? 0);
  if (!Number.isInteger(scale)) throw new DataError('Invalid Decimal schema: scale parameter not found.');
  return scale;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? ((value as object).constructor?.name ?? 'Object') : typeof value;
}

// ---------------------------------------------------------------- Avro -> Connect

const readers = new WeakMap<Schema, Conv>();

/** The function turning an avsc value of `s`'s Avro schema into the Connect value for `s`. */
export function connectReader(s: Schema): Conv {
  let conv = readers.get(s);
  if (conv === undefined) {
    conv = buildReader(s);
    if (s.optional && conv !== identity) {
      const inner = conv;
      conv = (v) => (v === null || v === undefined ? null : inner(v));
    }
    readers.set(s, conv);
  }
  return conv;
}

function buildReader(s: Schema): Conv {
  switch (s.name) {
    case LogicalNames.Decimal: {
      const scale = scaleOf(s);
      return (v) => decimalFromBytes(v as Uint8Array, scale);
    }
    case LogicalNames.Date:
      return (v) => new Date((v as number) * MILLIS_PER_DAY);
    case LogicalNames.Time:
      return (v) => new Date(v as number);
    case LogicalNames.Timestamp:
      return (v) => new Date(Number(v));
  }
  switch (s.type) {
    case 'ARRAY': {
      const item = connectReader(s.valueSchema!);
      return item === identity ? identity : (v) => (v as unknown[]).map(item);
    }
    case 'MAP': {
      const value = connectReader(s.valueSchema!);
      if (s.keySchema!.type === 'STRING' && !s.keySchema!.optional) {
        if (value === identity) return identity;
        return (v) => {
          const out: Record<string, unknown> = {};
          for (const [k, item] of Object.entries(v as Record<string, unknown>)) out[k] = value(item);
          return out;
        };
      }
      const key = connectReader(s.keySchema!);
      return (v) => new Map((v as Array<{ key: unknown; value: unknown }>).map((e) => [key(e.key), value(e.value)]));
    }
    case 'STRUCT':
      return s.name === AVRO_UNION ? unionReader(s) : structReader(s);
    default:
      return identity;
  }
}

function structReader(s: Schema): Conv {
  const fields = (s.fields ?? []).map((f) => [f.name, connectReader(f.schema)] as const);
  return (v) => {
    const record = v as Record<string, unknown>;
    const values = new Map<string, unknown>();
    for (const [name, conv] of fields) values.set(name, conv(record[name]));
    return Struct.adopting(s, values);
  };
}

/** avsc's `{"ns.Name": value}` -> the Union struct with field `Name` set (field names are simple names). */
function unionReader(s: Schema): Conv {
  const byName = new Map((s.fields ?? []).map((f) => [f.name, connectReader(f.schema)]));
  return (v) => {
    const branch = Object.keys(v as object)[0]!;
    const name = branch.slice(branch.lastIndexOf('.') + 1);
    const conv = byName.get(name);
    if (conv === undefined) throw new DataError(`Did not find matching union field for data: ${branch}`);
    return Struct.adopting(s, new Map([[name, conv((v as Record<string, unknown>)[branch])]]));
  };
}

// ---------------------------------------------------------------- Connect -> Avro

const writers = new WeakMap<Schema, Conv>();

/** The function turning a Connect value of `s` into the value avsc writes for `s`'s Avro schema. */
export function avroWriter(s: Schema, branches: WeakMap<Schema, ReadonlyMap<string, string>>): Conv {
  let conv = writers.get(s);
  if (conv === undefined) {
    const inner = buildWriter(s, branches);
    const fallback = s.defaultValue;
    conv = (v) => {
      if (v !== null && v !== undefined) return inner(v);
      if (fallback !== undefined && fallback !== null) return inner(fallback);
      if (s.optional) return null;
      throw new DataError(`Conversion error: null value for field that is required and has no default value`);
    };
    writers.set(s, conv);
  }
  return conv;
}

function buffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function expectDate(logical: string, v: unknown): number {
  if (!(v instanceof Date)) throw new DataError(`Invalid type for ${logical}, expected Date but was ${kind(v)}`);
  return v.getTime();
}

function buildWriter(s: Schema, branches: WeakMap<Schema, ReadonlyMap<string, string>>): Conv {
  switch (s.name) {
    case LogicalNames.Decimal: {
      const scale = scaleOf(s);
      return (v) => {
        if (!(v instanceof Decimal)) throw new DataError(`Invalid type for Decimal, expected Decimal but was ${kind(v)}`);
        if (v.scale !== scale) throw new DataError(`Decimal value has mismatching scale for given Decimal schema. Schema has scale ${scale}, value has scale ${v.scale}.`);
        return buffer(v.toBytes());
      };
    }
    case LogicalNames.Date:
      return (v) => {
        const ms = expectDate('Date', v);
        if (ms % MILLIS_PER_DAY !== 0) throw new DataError('Kafka Connect Date type should not have any time fields set to non-zero values.');
        return ms / MILLIS_PER_DAY;
      };
    case LogicalNames.Time:
      return (v) => {
        const ms = expectDate('Time', v);
        if (ms < 0 || ms >= MILLIS_PER_DAY) throw new DataError('Kafka Connect Time type should not have any date fields set to non-zero values.');
        return ms;
      };
    case LogicalNames.Timestamp:
      return (v) => expectDate('Timestamp', v);
  }
  switch (s.type) {
    case 'BYTES':
      return (v) => {
        if (!(v instanceof Uint8Array)) throw new DataError(`Invalid type for BYTES: ${kind(v)}`);
        return buffer(v);
      };
    case 'ARRAY': {
      const item = avroWriter(s.valueSchema!, branches);
      return (v) => {
        if (!Array.isArray(v)) throw new DataError(`Invalid type for ARRAY: ${kind(v)}`);
        return v.map(item);
      };
    }
    case 'MAP': {
      const value = avroWriter(s.valueSchema!, branches);
      const entries = (v: unknown): Iterable<[unknown, unknown]> => (v instanceof Map ? v.entries() : Object.entries(v as object));
      if (s.keySchema!.type === 'STRING' && !s.keySchema!.optional) {
        return (v) => {
          const out: Record<string, unknown> = {};
          for (const [k, item] of entries(v)) out[String(k)] = value(item);
          return out;
        };
      }
      const key = avroWriter(s.keySchema!, branches);
      return (v) => [...entries(v)].map(([k, item]) => ({ key: key(k), value: value(item) }));
    }
    case 'STRUCT': {
      if (s.name === AVRO_UNION) return unionWriter(s, branches);
      const fields = (s.fields ?? []).map((f) => [f.name, avroWriter(f.schema, branches)] as const);
      return (v) => {
        if (!(v instanceof Struct)) throw new DataError(`Invalid type for STRUCT: ${kind(v)}`);
        const out: Record<string, unknown> = {};
        for (const [name, conv] of fields) out[name] = conv(v.get(name));
        return out;
      };
    }
    default:
      return identity;
  }
}

function unionWriter(s: Schema, branches: WeakMap<Schema, ReadonlyMap<string, string>>): Conv {
  const fields = (s.fields ?? []).map((f) => [f.name, avroWriter(f.schema, branches)] as const);
  return (v) => {
    if (!(v instanceof Struct)) throw new DataError(`Invalid type for STRUCT: ${kind(v)}`);
    const keys = branches.get(s);
    for (const [name, conv] of fields) {
      const item = v.get(name);
      if (item !== null && item !== undefined) return { [keys?.get(name) ?? name]: conv(item) };
    }
    return null;
  };
}

/** A Connect default value as the JSON an Avro schema's `default` holds (AvroData.defaultValueFromConnect). */
export function defaultToAvroJson(s: Schema, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Decimal) return latin1(value.toBytes());
  if (value instanceof Date) return s.name === LogicalNames.Date ? value.getTime() / MILLIS_PER_DAY : value.getTime();
  if (value instanceof Uint8Array) return latin1(value);
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Struct) return Object.fromEntries((s.fields ?? []).map((f) => [f.name, defaultToAvroJson(f.schema, value.get(f.name))]));
  if (Array.isArray(value)) return value.map((item) => defaultToAvroJson(s.valueSchema!, item));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), defaultToAvroJson(s.valueSchema!, v)]));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, defaultToAvroJson(s.valueSchema!, v)]));
  return value;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
