import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import { LogicalNames, Schemas, dateSchema, decimalSchema, mapSchema, structSchema, timestampSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { DataError } from '../../../../lambdas/connect-api/errors.js';
import { AVRO_UNION, avroReader, avroWriterFor } from '../../../../lambdas/runtime/converters/avro/index.js';

// Written as a producer would declare it; encoded below with avsc's own Type (no code of ours on the write side).
const ORDER_AVRO = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  doc: 'An order',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'placed', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'at', type: { type: 'int', logicalType: 'time-millis' } },
    { name: 'micros', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'qty', type: 'int', default: 1 },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'attrs', type: { type: 'map', values: 'double' } },
    { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 2 } },
    { name: 'either', type: ['int', 'string', { type: 'record', name: 'Point', fields: [{ name: 'x', type: 'float' }] }] },
  ],
};

/** avsc with its documented custom-long hook, reading every long as a bigint (a reader that is not ours). */
const BIG_LONG = avro.types.LongType.__with({
  fromBuffer: (b: Buffer) => b.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(n);
    return b;
  },
  fromJSON: BigInt,
  toJSON: Number,
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: () => 0,
});
const bigLongType = (schema: unknown) =>
  avro.Type.forSchema(schema as avro.Schema, { typeHook: (s) => (s === 'long' || (s as { type?: unknown }).type === 'long' ? BIG_LONG : undefined) });

function encodeWithAvsc(value: Record<string, unknown>): Buffer {
  return avro.Type.forSchema(ORDER_AVRO as avro.Schema, { wrapUnions: 'auto' }).toBuffer(value);
}

const ORDER_VALUE = {
  id: 42,
  price: Buffer.from([0x30, 0x39]), // 12345 unscaled -> 123.45
  placed: 1_700_000_000_123,
  day: 19_675,
  at: 3_600_000,
  micros: 1_700_000_000_123_456,
  note: null,
  qty: 3,
  status: 'PAID',
  tags: ['a', 'b'],
  attrs: { w: 1.5 },
  hash: Buffer.from([1, 2]),
  either: 'text',
};

describe('avroReader: Avro -> Connect as Confluent AvroData maps it', () => {
  it('maps logical types to Connect Decimal, Timestamp, Date and Time, and micros to plain INT64', () => {
    const reader = avroReader(JSON.stringify(ORDER_AVRO));
    const field = (name: string) => reader.schema.fields!.find((f) => f.name === name)!.schema;
    expect(reader.schema).toMatchObject({ type: 'STRUCT', name: 'shop.Order', optional: false });
    expect(field('price')).toMatchObject({ type: 'BYTES', name: LogicalNames.Decimal, parameters: { scale: '2', 'connect.decimal.precision': '10' } });
    expect(field('placed')).toMatchObject({ type: 'INT64', name: LogicalNames.Timestamp });
    expect(field('day')).toMatchObject({ type: 'INT32', name: LogicalNames.Date });
    expect(field('at')).toMatchObject({ type: 'INT32', name: LogicalNames.Time });
    expect(field('micros')).toMatchObject({ type: 'INT64' });
    expect(field('micros').name).toBeUndefined();
    expect(field('note')).toMatchObject({ type: 'STRING', optional: true });
    expect(field('qty')).toMatchObject({ type: 'INT32', defaultValue: 1 });
    expect(field('status')).toMatchObject({ type: 'STRING', name: 'shop.Status', parameters: { 'io.confluent.connect.avro.Enum': 'shop.Status', 'io.confluent.connect.avro.Enum.PAID': 'PAID' } });
    expect(field('tags')).toMatchObject({ type: 'ARRAY', valueSchema: { type: 'STRING' } });
    expect(field('attrs')).toMatchObject({ type: 'MAP', keySchema: { type: 'STRING' }, valueSchema: { type: 'FLOAT64' } });
    expect(field('hash')).toMatchObject({ type: 'BYTES' });
    expect(field('either')).toMatchObject({ type: 'STRUCT', name: AVRO_UNION });
    expect(field('either').fields!.map((f) => f.name)).toEqual(['int', 'string', 'Point']);

    const value = reader.read(encodeWithAvsc(ORDER_VALUE)) as Struct;

    expect(value.get('id')).toBe(42);
    expect(value.get('price')).toEqual(new Decimal(12345n, 2));
    expect(value.get('placed')).toEqual(new Date(1_700_000_000_123));
    expect(value.get('day')).toEqual(new Date(Date.UTC(2023, 10, 14)));
    expect(value.get('at')).toEqual(new Date(3_600_000));
    expect(value.get('micros')).toBe(1_700_000_000_123_456);
    expect(value.get('note')).toBeNull();
    expect(value.get('status')).toBe('PAID');
    expect(value.get('tags')).toEqual(['a', 'b']);
    expect(value.get('attrs')).toEqual({ w: 1.5 });
    expect([...(value.get('hash') as Uint8Array)]).toEqual([1, 2]);
    expect((value.get('either') as Struct).get('string')).toBe('text');
    expect((value.get('either') as Struct).get('int')).toBeNull();
  });

  it('reads a record branch of a union into the Union struct field named after the record', () => {
    const reader = avroReader(ORDER_AVRO as never);
    const value = reader.read(encodeWithAvsc({ ...ORDER_VALUE, either: { x: 1.5 } })) as Struct;
    expect(((value.get('either') as Struct).get('Point') as Struct).get('x')).toBe(1.5);
  });

  it('keeps every digit of a long beyond 2^53 as a bigint', () => {
    const reader = avroReader('"long"');
    const bytes = bigLongType('long').toBuffer(2n ** 62n + 7n);
    expect(reader.read(bytes)).toBe(2n ** 62n + 7n);
  });

  it('restores connect.name, connect.parameters, connect.version and connect.type', () => {
    const reader = avroReader({ type: 'int', 'connect.type': 'int16', 'connect.name': 'my.Short', 'connect.version': 3, 'connect.parameters': { a: 'b' } } as never);
    expect(reader.schema).toMatchObject({ type: 'INT16', name: 'my.Short', version: 3, parameters: { a: 'b' } });
  });

  it('refuses a recursive record with a DataError', () => {
    const list = { type: 'record', name: 'Node', fields: [{ name: 'next', type: ['null', 'Node'] }] };
    expect(() => avroReader(list as never)).toThrow(/Recursive Avro record Node/);
  });

  it('raises a DataError for bytes that do not decode, never anything else', () => {
    const reader = avroReader(ORDER_AVRO as never);
    expect(() => reader.read(Buffer.from([0x02]))).toThrow(DataError);
    expect(() => reader.read(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(DataError);
  });
});

describe('avroWriterFor: Connect -> Avro as Confluent AvroData writes it', () => {
  const VALUE_SCHEMA = structSchema(
    [
      ['id', Schemas.INT64],
      ['small', Schemas.INT8],
      ['amount', decimalSchema(3, { optional: true })],
      ['updated', timestampSchema()],
      ['day', dateSchema({ optional: true })],
      ['labels', mapSchema(Schemas.INT32, Schemas.STRING)],
    ],
    { name: 'db.orders' },
  );

  it('writes an Avro schema with logical types and connect.* properties that avsc reads back', () => {
    const writer = avroWriterFor(VALUE_SCHEMA);
    expect(writer.avroSchema).toMatchObject({ type: 'record', name: 'orders', namespace: 'db', 'connect.name': 'db.orders' });
    const fields = (writer.avroSchema as unknown as { fields: Array<{ name: string; type: unknown; default?: unknown }> }).fields;
    expect(fields[1]!.type).toEqual({ type: 'int', 'connect.type': 'int8' });
    expect(fields[2]).toEqual({
      name: 'amount',
      type: ['null', { type: 'bytes', scale: 3, precision: 64, logicalType: 'decimal', 'connect.version': 1, 'connect.parameters': { scale: '3' }, 'connect.name': LogicalNames.Decimal }],
      default: null,
    });
    expect(fields[3]!.type).toMatchObject({ type: 'long', logicalType: 'timestamp-millis', 'connect.name': LogicalNames.Timestamp });
    expect(fields[5]!.type).toMatchObject({ type: 'array', items: { type: 'record', name: 'MapEntry', namespace: 'io.confluent.connect.avro' } });

    const struct = new Struct(VALUE_SCHEMA, { id: 2n ** 60n, small: -3, amount: Decimal.parse('-1.250'), updated: new Date(1_700_000_000_000), day: null, labels: new Map([[1, 'one']]) });
    const body = writer.write(struct);
    const plain = bigLongType(writer.avroSchema).fromBuffer(body);
    expect(plain.id).toBe(2n ** 60n);
    expect(plain.small).toBe(-3);
    expect([...plain.amount]).toEqual([...new Decimal(-1250n, 3).toBytes()]);
    expect(plain.updated).toBe(1_700_000_000_000n);
    expect(plain.labels).toEqual([{ key: 1, value: 'one' }]);

    const back = avroReader(writer.text).read(body) as Struct;
    expect(back.schema).toMatchObject({ name: 'db.orders' });
    expect(back.get('amount')).toEqual(new Decimal(-1250n, 3));
    expect(back.get('updated')).toEqual(new Date(1_700_000_000_000));
    expect(back.get('labels')).toEqual(new Map([[1, 'one']]));
    expect(back.schema.fields![1]!.schema.type).toBe('INT8');
  });

  it('refuses a decimal whose scale differs from its schema', () => {
    const s = structSchema([['d', decimalSchema(2)]]);
    expect(() => avroWriterFor(s).write(new Struct(s, { d: Decimal.parse('1.5') }))).toThrow(/mismatching scale/);
  });
});
