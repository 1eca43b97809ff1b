import { describe, expect, it } from 'vitest';
import { jsonConverterPlugins } from '../../../lambdas/runtime/converters/JsonConverter.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { Schemas } from '../../../lambdas/connect-api/data/Schema.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));
const schemaless = () => jsonConverterPlugins.converter.create({ 'schemas.enable': 'false' }, false);

describe('JsonConverter with schemas.enable=false', () => {
  it('infers integers as int64, other numbers as float64, objects as plain-object maps, never structs', () => {
    // Prepare
    const c = schemaless();
    // Act
    const { schema, value } = c.toConnectData('t', [], utf8('{"n":1,"x":2.5,"s":"a","b":false,"list":[1,{"k":null}],"o":{"deep":true}}'));
    // Assess
    expect(schema).toBeNull();
    expect(value).toEqual({ n: 1, x: 2.5, s: 'a', b: false, list: [1, { k: null }], o: { deep: true } });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('reads integers beyond 2^53 as bigint and long decimals as doubles', () => {
    // Prepare
    const c = schemaless();
    // Act
    const { value } = c.toConnectData('t', [], utf8('{"id":9007199254740993,"small":9007199254740991,"pi":3.14159265358979323846,"s":"12345678901234567"}'));
    // Assess
    expect(value).toEqual({ id: 9007199254740993n, small: 9007199254740991, pi: Math.PI, s: '12345678901234567' });
  });

  it('reads top-level scalars, null and empty bytes', () => {
    // Prepare
    const c = schemaless();
    // Act
    const results = ['42', '"x"', 'true', 'null', ''].map((s) => c.toConnectData('t', [], utf8(s)).value);
    // Assess
    expect(results).toEqual([42, 'x', true, null, null]);
  });

  it('keeps a "__proto__" key as an own map entry', () => {
    // Prepare
    const c = schemaless();
    // Act
    const { value } = c.toConnectData('t', [], utf8('{"__proto__":{"polluted":true},"id":12345678901234567890}'));
    // Assess
    expect(Object.getOwnPropertyNames(value)).toEqual(['__proto__', 'id']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes plain JSON without an envelope, bigint and bytes included', () => {
    // Prepare
    const c = schemaless();
    // Act
    const written = text(c.fromConnectData('t', [], null, { id: 2n ** 63n - 1n, raw: Uint8Array.from([0, 255]), list: [1.5, null] }));
    // Assess
    expect(written).toBe('{"id":9223372036854775807,"raw":"AP8=","list":[1.5,null]}');
  });

  it('writes a schema\'d value without the envelope, decimals as base64 by default', () => {
    // Prepare
    const c = schemaless();
    // Act
    const written = text(c.fromConnectData('t', [], Schemas.OPTIONAL_INT32, null));
    const decimal = text(c.fromConnectData('t', [], { type: 'BYTES', optional: false, name: 'org.apache.kafka.connect.data.Decimal', parameters: { scale: '2' } }, Decimal.parse('2.55')));
    // Assess
    expect(written).toBe('null');
    expect(decimal).toBe('"AP8="');
  });

  it('reports malformed JSON as a DataError naming serialization', () => {
    // Prepare
    const c = schemaless();
    // Act
    const act = () => c.toConnectData('t', [], utf8('{"a":'));
    // Assess
    expect(act).toThrow(/Converting byte\[\] to Kafka Connect data failed due to serialization error/);
  });
});
