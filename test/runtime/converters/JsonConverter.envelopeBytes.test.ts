import { describe, expect, it } from 'vitest';
import { jsonConverterPlugins } from '../../../lambdas/runtime/converters/JsonConverter.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { arraySchema, decimalSchema, type Schema, Schemas, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';

// The envelope's schema part is encoded once per schema and reused; every record's bytes must still be exactly
// JSON.stringify({schema, payload}) with the schema in Kafka's key order, whatever the payload holds.
const converter = () => jsonConverterPlugins.converter.create({}, false);
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));
const decimalJson = (scale: number, optional: boolean) => ({
  type: 'bytes',
  optional,
  name: 'org.apache.kafka.connect.data.Decimal',
  version: 1,
  parameters: { scale: String(scale) },
});

const ADDRESS = structSchema([['city', Schemas.STRING], ['zip', Schemas.OPTIONAL_STRING]], { optional: true, name: 'Address' });
const CUSTOMER = structSchema([
  ['id', Schemas.INT64],
  ['name', Schemas.OPTIONAL_STRING],
  ['balance', decimalSchema(2)],
  ['limit', decimalSchema(3, { optional: true })],
  ['seen', timestampSchema({ optional: true })],
  ['tags', arraySchema(Schemas.STRING, { optional: true })],
  ['address', ADDRESS],
]);
const CUSTOMER_JSON = {
  type: 'struct',
  fields: [
    { type: 'int64', optional: false, field: 'id' },
    { type: 'string', optional: true, field: 'name' },
    { ...decimalJson(2, false), field: 'balance' },
    { ...decimalJson(3, true), field: 'limit' },
    { type: 'int64', optional: true, name: 'org.apache.kafka.connect.data.Timestamp', version: 1, field: 'seen' },
    { type: 'array', items: { type: 'string', optional: false }, optional: true, field: 'tags' },
    {
      type: 'struct',
      fields: [
        { type: 'string', optional: false, field: 'city' },
        { type: 'string', optional: true, field: 'zip' },
      ],
      optional: true,
      name: 'Address',
      field: 'address',
    },
  ],
  optional: false,
};

function customer(id: number, name: string | null, address: Struct | null): Struct {
  return new Struct(CUSTOMER, {
    id,
    name,
    balance: new Decimal(BigInt(id) * 255n, 2),
    limit: id % 2 === 0 ? null : new Decimal(-1234567n, 3), // -0x12d687: ed 29 79
    seen: id % 2 === 0 ? new Date(1700000000000 + id) : null,
    tags: id % 2 === 0 ? ['a', 'ü€'] : null,
    address,
  });
}

describe('JsonConverter envelope bytes', () => {
  it('writes each record of a struct schema (optional fields, decimals, a nested struct) as JSON.stringify({schema, payload})', () => {
    // Prepare
    const c = converter();
    const records = [
      customer(1, 'Zoë "the" ☃', new Struct(ADDRESS, { city: 'Köln', zip: null })),
      customer(2, null, null),
      customer(3, '', new Struct(ADDRESS, { city: '𝄞 line\nbreak', zip: '50667' })),
    ];
    const payloads = [
      { id: 1, name: 'Zoë "the" ☃', balance: 'AP8=', limit: '7Sl5', seen: null, tags: null, address: { city: 'Köln', zip: null } },
      { id: 2, name: null, balance: 'Af4=', limit: null, seen: 1700000000002, tags: ['a', 'ü€'], address: null },
      { id: 3, name: '', balance: 'Av0=', limit: '7Sl5', seen: null, tags: null, address: { city: '𝄞 line\nbreak', zip: '50667' } },
    ];
    // Act
    const written = records.map((r) => text(c.fromConnectData('t', [], CUSTOMER, r)));
    // Assess
    expect(written).toEqual(payloads.map((payload) => JSON.stringify({ schema: CUSTOMER_JSON, payload })));
  });

  it('writes primitive, decimal and null schemas alike, the first record and the cached ones the same', () => {
    // Prepare
    const c = converter();
    const cases: Array<[Schema | null, unknown, unknown, unknown]> = [
      [Schemas.OPTIONAL_INT32, null, { type: 'int32', optional: true }, null],
      [Schemas.STRING, 'x"y', { type: 'string', optional: false }, 'x"y'],
      [decimalSchema(0, { optional: true }), new Decimal(-1n, 0), decimalJson(0, true), '/w=='],
      [null, 'plain', null, 'plain'],
    ];
    for (const [schema, value, schemaJson, payload] of cases) {
      // Act
      const first = c.fromConnectData('t', [], schema, value);
      const again = c.fromConnectData('t', [], schema, value);
      // Assess
      expect(text(first)).toBe(JSON.stringify({ schema: schemaJson, payload }));
      expect(again).toEqual(first);
      expect(again).not.toBe(first);
    }
  });
});
