// avsc types as Connect needs them: longs beyond 2^53 as bigint (avsc's own long throws there), unions of null and
// one type unwrapped (the value or null), every other union wrapped (`{branch: value}`), so the Connect union
// struct knows which branch it holds. Logical types are left to the Connect mapping (avroValues.ts).
import avro from 'avsc';

/** An Avro schema as JSON: a type name, a union array, or a type object. */
export type AvroSchema = string | AvroSchema[] | AvroSchemaObject;

export interface AvroSchemaObject {
  readonly type: AvroSchema;
  readonly [attribute: string]: unknown;
}

interface Tap {
  pos: number;
  readLong(): number;
  writeLong(n: number): void;
  unpackLongBytes(): Buffer;
  packLongBytes(buf: Buffer): void;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** Below this magnitude avsc's float arithmetic on zig-zag varints is exact. */
const EXACT = 2 ** 52;

function isInt64(val: unknown): boolean {
  if (typeof val === 'number') return Number.isSafeInteger(val);
  return typeof val === 'bigint' && val >= INT64_MIN && val <= INT64_MAX;
}

// avsc's LongType is a prototype-based class; its `_read`/`_write`/`_check` hooks are the documented way to change
// how a primitive reads and writes (see LongType.__with), but overriding them directly keeps the varint fast path.
const LongBase = avro.types.LongType as unknown as new () => object;

class ExactLongType extends LongBase {
  _check(val: unknown, _flags: unknown, hook?: (val: unknown, type: unknown) => void): boolean {
    const ok = isInt64(val);
    if (!ok && hook) hook(val, this);
    return ok;
  }

  _read(tap: Tap): number | bigint {
    const start = tap.pos;
    const n = tap.readLong();
    if (n > -EXACT && n < EXACT) return n;
    tap.pos = start;
    const exact = tap.unpackLongBytes().readBigInt64LE(0);
    return exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(exact) : exact;
  }

  _write(tap: Tap, val: unknown): void {
    if (typeof val === 'number' && val > -EXACT && val < EXACT && Number.isInteger(val)) {
      tap.writeLong(val);
      return;
    }
    if (!isInt64(val)) throw new Error(`invalid "long": ${String(val)}`);
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(val as number | bigint), 0);
    tap.packLongBytes(buf);
  }
}

const LONG = new ExactLongType() as unknown as avro.Type;

function isOptionalUnion(schema: readonly AvroSchema[]): boolean {
  return schema.length === 2 && schema.includes('null');
}

function typeHook(schema: avro.Schema, opts: avro.ForSchemaOptions): avro.Type | undefined {
  const s = schema as AvroSchema;
  if (s === 'long' || (typeof s === 'object' && !Array.isArray(s) && s.type === 'long')) return LONG;
  if (Array.isArray(s) && !isOptionalUnion(s)) {
    const Wrapped = avro.types.WrappedUnionType as unknown as new (schema: unknown, opts: unknown) => avro.Type;
    return new Wrapped(s, opts);
  }
  return undefined;
}

/** The avsc type that reads and writes `schema` as the Connect mapping expects. */
export function avroType(schema: AvroSchema): avro.Type {
  return avro.Type.forSchema(schema as avro.Schema, { typeHook, wrapUnions: 'auto' });
}

/** The key avsc uses for a branch of a wrapped union: a named type's full name, else the type's name. */
export function branchName(type: avro.Type): string {
  return (type as unknown as { branchName: string }).branchName;
}
