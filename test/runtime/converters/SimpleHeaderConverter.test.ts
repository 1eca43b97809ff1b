import { describe, expect, it } from 'vitest';
import { SimpleHeaderConverter } from '../../../lambdas/runtime/converters/SimpleHeaderConverter.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { arraySchema, dateSchema, mapSchema, optional, Schemas, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));
const read = (s: string) => new SimpleHeaderConverter().toConnectHeader('t', 'h', utf8(s));

describe('SimpleHeaderConverter reading', () => {
  it.each([
    ['true', Schemas.BOOLEAN, true],
    ['7', Schemas.INT8, 7],
    ['300', Schemas.INT16, 300],
    ['70000', Schemas.INT32, 70000],
    ['9007199254740993', Schemas.INT64, 9007199254740993n],
    ['1.5', Schemas.FLOAT32, 1.5],
    ['hello world', Schemas.STRING, 'hello world'],
    ['12,5', Schemas.STRING, '12,5'],
    ['', Schemas.STRING, ''],
  ])('parses %j as its inferred type', (input, schema, value) => {
    // Act
    const result = read(input);
    // Assess
    expect(result).toEqual({ schema, value });
  });

  it('parses arrays with the widest common element schema and maps with string keys', () => {
    // Act
    const list = read('[1, 2, 300]');
    const map = read('{"a":1,"b":2}');
    // Assess
    expect(list).toEqual({ schema: arraySchema(Schemas.INT16), value: [1, 2, 300] });
    expect(map).toEqual({ schema: mapSchema(Schemas.STRING, Schemas.INT8), value: { a: 1, b: 2 } });
  });

  it('parses ISO-8601 dates and timestamps as logical types', () => {
    // Act
    const date = read('2024-02-29');
    const timestamp = read('2024-02-29T10:11:12.123Z');
    // Assess
    expect(date).toEqual({ schema: dateSchema(), value: new Date(Date.UTC(2024, 1, 29)) });
    expect(timestamp).toEqual({ schema: timestampSchema(), value: new Date(Date.UTC(2024, 1, 29, 10, 11, 12, 123)) });
  });

  it('keeps text that only looks structured as a string', () => {
    // Act
    const unterminated = read('[1, 2');
    const unquotedKey = read('{a:1}');
    // Assess
    expect(unterminated).toEqual({ schema: Schemas.STRING, value: '[1, 2' });
    expect(unquotedKey).toEqual({ schema: Schemas.STRING, value: '{a:1}' });
  });

  it('falls back to raw bytes when the value is not UTF-8', () => {
    // Prepare
    const bytes = Uint8Array.from([0xff, 0xfe, 0x00]);
    // Act
    const result = new SimpleHeaderConverter().toConnectHeader('t', 'h', bytes);
    // Assess
    expect(result).toEqual({ schema: Schemas.BYTES, value: bytes });
  });

  it('reads null as null', () => {
    // Act
    const result = new SimpleHeaderConverter().toConnectHeader('t', 'h', null);
    // Assess
    expect(result).toEqual({ schema: null, value: null });
  });
});

describe('SimpleHeaderConverter writing', () => {
  it('writes values as Values.convertToString text that reads back', () => {
    // Prepare
    const c = new SimpleHeaderConverter();
    const s = structSchema([['name', Schemas.STRING], ['n', optional(Schemas.INT32)]]);
    // Act
    const written = [
      c.fromConnectHeader('t', 'h', Schemas.STRING, 'plain "text"'),
      c.fromConnectHeader('t', 'h', null, ['a', 'b"c', null]),
      c.fromConnectHeader('t', 'h', null, new Map([[1, true]])),
      c.fromConnectHeader('t', 'h', s, new Struct(s, { name: 'x', n: null })),
      c.fromConnectHeader('t', 'h', null, Decimal.parse('2.50')),
      c.fromConnectHeader('t', 'h', null, Uint8Array.from([0, 255])),
      c.fromConnectHeader('t', 'h', null, new Date(Date.UTC(2024, 0, 2))),
    ].map(text);
    // Assess
    expect(written).toEqual(['plain "text"', '["a","b\\"c",null]', '{1:true}', '{"name":"x","n":null}', '2.50', 'AP8=', '2024-01-02']);
    expect(read(written[1]!).value).toEqual(['a', 'b"c', null]);
  });

  it('writes null as null bytes', () => {
    // Act
    const result = new SimpleHeaderConverter().fromConnectHeader('t', 'h', Schemas.OPTIONAL_STRING, null);
    // Assess
    expect(result).toBeNull();
  });
});
