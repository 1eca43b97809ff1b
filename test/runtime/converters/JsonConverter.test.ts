import { describe, expect, it } from 'vitest';
import { ENVELOPE_ERROR, jsonConverterPlugins } from '../../../lambdas/runtime/converters/JsonConverter.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import {
  arraySchema,
  dateSchema,
  decimalSchema,
  mapSchema,
  type Schema,
  Schemas,
  structSchema,
  timeSchema,
  timestampSchema,
} from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { DataError } from '../../../lambdas/connect-api/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));
const converter = (props: Record<string, string> = {}) => jsonConverterPlugins.converter.create(props, false);

const ORDER = structSchema(
  [
    ['id', Schemas.INT64],
    ['price', decimalSchema(2, { optional: true })],
    ['updated_at', timestampSchema({ optional: true })],
  ],
  { name: 'orders.Value' },
);
const ORDER_JSON =
  '{"schema":{"type":"struct","fields":[{"type":"int64","optional":false,"field":"id"},' +
  '{"type":"bytes","optional":true,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"2"},"field":"price"},' +
  '{"type":"int64","optional":true,"name":"org.apache.kafka.connect.data.Timestamp","version":1,"field":"updated_at"}],' +
  '"optional":false,"name":"orders.Value"},"payload":{"id":42,"price":"AP8=","updated_at":1700000000000}}';

describe('JsonConverter envelope', () => {
  it('reads the notes example: price 2.55 at scale 2 is "AP8=" and updated_at a Timestamp', () => {
    // Prepare
    const c = converter();
    // Act
    const { schema: s, value } = c.toConnectData('orders', [], utf8(ORDER_JSON));
    // Assess
    expect(s?.name).toBe('orders.Value');
    const struct = value as Struct;
    expect(struct.get('id')).toBe(42);
    expect((struct.get('price') as Decimal).equals(new Decimal(255n, 2))).toBe(true);
    expect(struct.get('updated_at')).toEqual(new Date(1700000000000));
  });

  it('writes the envelope with type, optional, name, version, parameters and field in Kafka order', () => {
    // Prepare
    const c = converter();
    const value = new Struct(ORDER, { id: 42, price: Decimal.parse('2.55'), updated_at: new Date(1700000000000) });
    // Act
    const bytes = c.fromConnectData('orders', [], ORDER, value);
    // Assess
    expect(text(bytes)).toBe(ORDER_JSON);
  });

  it('writes decimals as JSON numbers with decimal.format=NUMERIC and still reads both forms', () => {
    // Prepare
    const c = converter({ 'decimal.format': 'numeric' });
    const s = decimalSchema(2);
    // Act
    const written = text(c.fromConnectData('t', [], s, Decimal.parse('2.55')));
    const fromNumber = c.toConnectData('t', [], utf8(written!)).value as Decimal;
    const fromBase64 = c.toConnectData('t', [], utf8(written!.replace('2.55', '"AP8="'))).value as Decimal;
    // Assess
    expect(written).toContain('"payload":2.55');
    expect(fromNumber.toString()).toBe('2.55');
    expect(fromBase64.toString()).toBe('2.55');
  });

  it('round-trips every primitive type, nested struct, array, map and logical types', () => {
    // Prepare
    const inner = structSchema([['city', Schemas.STRING], ['zip', Schemas.OPTIONAL_INT32]], { optional: true });
    const all = structSchema([
      ['i8', Schemas.INT8], ['i16', Schemas.INT16], ['i32', Schemas.INT32], ['i64', Schemas.INT64],
      ['f32', Schemas.FLOAT32], ['f64', Schemas.FLOAT64], ['b', Schemas.BOOLEAN], ['s', Schemas.STRING],
      ['bytes', Schemas.BYTES], ['list', arraySchema(Schemas.STRING)], ['byName', mapSchema(Schemas.STRING, Schemas.INT32)],
      ['byId', mapSchema(Schemas.INT32, Schemas.STRING)], ['address', inner], ['day', dateSchema()], ['at', timeSchema()],
      ['price', decimalSchema(3)], ['missing', Schemas.OPTIONAL_STRING],
    ]);
    const value = new Struct(all, {
      i8: -8, i16: 1600, i32: -320000, i64: 9007199254740993n, f32: 1.5, f64: -0.1, b: true, s: 'héllo "q"',
      bytes: Uint8Array.from([0, 255, 7]), list: ['a', 'b'], byName: { x: 1, y: 2 }, byId: new Map([[1, 'one']]),
      address: new Struct(inner, { city: 'Oslo', zip: null }), day: new Date(Date.UTC(2024, 1, 29)), at: new Date(3723004),
      price: Decimal.parse('-12.345'), missing: null,
    });
    const c = converter();
    // Act
    const back = c.toConnectData('t', [], c.fromConnectData('t', [], all, value));
    // Assess
    expect(back.schema).toEqual(all);
    expect((back.value as Struct).toObject()).toEqual(value.toObject());
  });

  it('reads int64 values beyond 2^53 losslessly as bigint, smaller ones as number', () => {
    // Prepare
    const c = converter();
    const json = '{"schema":{"type":"array","items":{"type":"int64","optional":false},"optional":false},"payload":[9223372036854775807,-9223372036854775808,12]}';
    // Act
    const { value } = c.toConnectData('t', [], utf8(json));
    // Assess
    expect(value).toEqual([9223372036854775807n, -9223372036854775808n, 12]);
  });

  it('rejects a payload without the envelope with Kafka\'s exact message', () => {
    // Prepare
    const c = converter();
    // Act
    const act = () => c.toConnectData('t', [], utf8('{"id":1,"name":"x"}'));
    // Assess
    expect(act).toThrow(DataError);
    expect(act).toThrow(ENVELOPE_ERROR);
    expect(ENVELOPE_ERROR).toBe(
      'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.',
    );
  });

  it('rejects an envelope with an additional field', () => {
    // Prepare
    const c = converter();
    // Act
    const act = () => c.toConnectData('t', [], utf8('{"schema":null,"payload":1,"extra":true}'));
    // Assess
    expect(act).toThrow(ENVELOPE_ERROR);
  });

  it('accepts a "schema": null envelope as a schemaless payload, in any key order and spacing', () => {
    // Prepare
    const c = converter();
    // Act
    const result = c.toConnectData('t', [], utf8(' { "payload" : {"a": 1}, "schema" : null } '));
    // Assess
    expect(result).toEqual({ schema: null, value: { a: 1 } });
  });

  it('keeps tombstones: null bytes read as null and null schema and value write null bytes', () => {
    // Prepare
    const c = converter();
    // Act
    const read = c.toConnectData('t', [], null);
    const written = c.fromConnectData('t', [], null, null);
    // Assess
    expect(read).toEqual({ schema: null, value: null });
    expect(written).toBeNull();
  });

  it('fills a missing field with its default and fails on a missing required field', () => {
    // Prepare
    const c = converter();
    const withDefault = '{"schema":{"type":"struct","optional":false,"fields":[{"type":"string","optional":false,"default":"new","field":"state"}]},"payload":{}}';
    const required = '{"schema":{"type":"struct","optional":false,"fields":[{"type":"int32","optional":false,"field":"n"}]},"payload":{}}';
    // Act
    const filled = c.toConnectData('t', [], utf8(withDefault)).value as Struct;
    // Assess
    expect(filled.get('state')).toBe('new');
    expect(() => c.toConnectData('t', [], utf8(required))).toThrow('Invalid null value for required INT32 field');
  });

  it('keeps null for a defaulted field when replace.null.with.default=false', () => {
    // Prepare
    const c = converter({ 'replace.null.with.default': 'false' });
    const json = '{"schema":{"type":"struct","optional":false,"fields":[{"type":"string","optional":true,"default":"new","field":"state"}]},"payload":{"state":null}}';
    // Act
    const value = c.toConnectData('t', [], utf8(json)).value as Struct;
    // Assess
    expect(value.get('state')).toBeNull();
  });

  it('writes a required null without default as Kafka\'s conversion error', () => {
    // Prepare
    const c = converter();
    // Act
    const act = () => c.fromConnectData('t', [], Schemas.STRING, null);
    // Assess
    expect(act).toThrow('Conversion error: null value for field that is required and has no default value');
  });

  it('rejects a struct whose schema differs from the given one', () => {
    // Prepare
    const c = converter();
    const other = structSchema([['id', Schemas.INT32]]);
    // Act
    const act = () => c.fromConnectData('t', [], ORDER, new Struct(other, { id: 1 }));
    // Assess
    expect(act).toThrow('Mismatching schema.');
  });

  it('rejects a decimal whose scale differs from the schema', () => {
    // Prepare
    const c = converter();
    // Act
    const act = () => c.fromConnectData('t', [], decimalSchema(2), Decimal.parse('1.5'));
    // Assess
    expect(act).toThrow('Decimal value has mismatching scale for given Decimal schema. Schema has scale 2, value has scale 1.');
  });

  it('rejects schema parameters that are not strings', () => {
    // Prepare
    const c = converter();
    const json = '{"schema":{"type":"bytes","optional":false,"parameters":{"scale":2}},"payload":"AA=="}';
    // Act
    const act = () => c.toConnectData('t', [], utf8(json));
    // Assess
    expect(act).toThrow('Schema parameters must have string values.');
  });

  it('reads a map with non-string keys from an array of pairs and writes it back the same way', () => {
    // Prepare
    const c = converter();
    const s: Schema = mapSchema(Schemas.INT32, Schemas.STRING);
    const json = '{"schema":{"type":"map","keys":{"type":"int32","optional":false},"values":{"type":"string","optional":false},"optional":false},"payload":[[1,"a"],[2,"b"]]}';
    // Act
    const read = c.toConnectData('t', [], utf8(json));
    const written = text(c.fromConnectData('t', [], s, read.value));
    // Assess
    expect(read.value).toEqual(new Map([[1, 'a'], [2, 'b']]));
    expect(written).toBe(json);
  });

  it('reads an envelope whose schema itself holds a "payload" key (a schema parameter)', () => {
    // Prepare
    const c = converter();
    const json = '{"schema":{"type":"string","optional":false,"parameters":{"a":"1","payload":"2"}},"payload":"ok"}';
    // Act
    const result = c.toConnectData('t', [], utf8(json));
    // Assess
    expect(result.schema?.parameters).toEqual({ a: '1', payload: '2' });
    expect(result.value).toBe('ok');
  });

  it('returns the same Schema object for repeated records of one schema (cached)', () => {
    // Prepare
    const c = converter();
    // Act
    const a = c.toConnectData('t', [], utf8(ORDER_JSON)).schema;
    const b = c.toConnectData('t', [], utf8(ORDER_JSON)).schema;
    // Assess
    expect(a).toBe(b);
  });

  it('reads records whose schemas alternate, each with its own schema, and rejects extra fields after a known schema', () => {
    // Prepare
    const c = converter();
    const str = '{"schema":{"type":"string","optional":false},"payload":"s"}';
    const num = '{"schema":{"type":"int32","optional":false},"payload":5}';
    const extra = '{"schema":{"type":"string","optional":false},"payload":"s","more":1}';
    // Act
    const results = [str, num, str, str, num].map((j) => c.toConnectData('t', [], utf8(j)));
    const invalid = () => c.toConnectData('t', [], utf8(extra));
    // Assess
    expect(results.map((r) => [r.schema?.type, r.value])).toEqual([
      ['STRING', 's'],
      ['INT32', 5],
      ['STRING', 's'],
      ['STRING', 's'],
      ['INT32', 5],
    ]);
    expect(results[0]?.schema).toBe(results[3]?.schema);
    expect(invalid).toThrow(ENVELOPE_ERROR);
  });

  it('builds the schema afresh for every record when schemas.cache.size is 0', () => {
    // Prepare
    const c = converter({ 'schemas.cache.size': '0' });
    // Act
    const a = c.toConnectData('t', [], utf8(ORDER_JSON)).schema;
    const b = c.toConnectData('t', [], utf8(ORDER_JSON)).schema;
    // Assess
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });

  it('writes optional int32 Date/Time values and reads Date as days since the epoch', () => {
    // Prepare
    const c = converter({ 'schemas.enable': 'false' });
    // Act
    const written = text(c.fromConnectData('t', [], dateSchema(), new Date(Date.UTC(1970, 0, 3))));
    const invalid = () => c.fromConnectData('t', [], dateSchema(), new Date(5));
    // Assess
    expect(written).toBe('2');
    expect(invalid).toThrow('Kafka Connect Date type should not have any time fields set to non-zero values.');
  });

  it('declares its keys once with Kafka defaults', () => {
    // Prepare
    const def = jsonConverterPlugins.converter.configDef;
    // Act
    const parsed = def.parse({});
    // Assess
    expect(parsed.getBoolean('schemas.enable')).toBe(true);
    expect(parsed.getInt('schemas.cache.size')).toBe(1000);
    expect(parsed.getString('decimal.format')).toBe('BASE64');
    expect(parsed.getBoolean('replace.null.with.default')).toBe(true);
    expect(() => def.parse({ 'decimal.format': 'HEX' })).toThrow(/decimal.format/);
  });
});
