import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonConverterPlugins } from '../../../lambdas/runtime/converters/JsonConverter.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import {
  arraySchema,
  dateSchema,
  decimalSchema,
  LogicalNames,
  mapSchema,
  optional,
  type Schema,
  type SchemaType,
  Schemas,
  schema,
  structSchema,
  timeSchema,
  timestampSchema,
} from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';

const DAY = 86_400_000;
const PRIMITIVES: SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES'];

const primitiveSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.constantFrom(...PRIMITIVES).map((t) => schema(t)),
  fc.integer({ min: 0, max: 6 }).map((scale) => decimalSchema(scale)),
  fc.constantFrom(dateSchema(), timeSchema(), timestampSchema()),
);
const fieldName = fc.string({ minLength: 1, maxLength: 8 });

function schemaArb(depth: number): fc.Arbitrary<Schema> {
  const inner =
    depth <= 0
      ? primitiveSchema
      : fc.oneof(
          { weight: 4, arbitrary: primitiveSchema },
          { weight: 1, arbitrary: schemaArb(depth - 1).map((s) => arraySchema(s)) },
          { weight: 1, arbitrary: schemaArb(depth - 1).map((s) => mapSchema(Schemas.STRING, s)) },
          { weight: 1, arbitrary: schemaArb(depth - 1).map((s) => mapSchema(Schemas.INT32, s)) },
          {
            weight: 2,
            arbitrary: fc
              .uniqueArray(fc.tuple(fieldName, schemaArb(depth - 1)), { selector: ([n]) => n, maxLength: 4 })
              .map((fields) => structSchema(fields, { name: 'gen.Struct' })),
          },
        );
  return fc.tuple(inner, fc.boolean()).map(([s, opt]) => (opt ? optional(s) : s));
}

function int64(n: bigint): number | bigint {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function logicalValue(s: Schema): fc.Arbitrary<unknown> | undefined {
  switch (s.name) {
    case LogicalNames.Decimal:
      return fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }).map((u) => new Decimal(u, Number(s.parameters?.scale)));
    case LogicalNames.Date:
      return fc.integer({ min: -100_000, max: 100_000 }).map((d) => new Date(d * DAY));
    case LogicalNames.Time:
      return fc.integer({ min: 0, max: DAY - 1 }).map((ms) => new Date(ms));
    case LogicalNames.Timestamp:
      return fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }).map((ms) => new Date(ms));
    default:
      return undefined;
  }
}

function nonNullValue(s: Schema): fc.Arbitrary<unknown> {
  const logical = logicalValue(s);
  if (logical) return logical;
  switch (s.type) {
    case 'INT8':
      return fc.integer({ min: -128, max: 127 });
    case 'INT16':
      return fc.integer({ min: -32768, max: 32767 });
    case 'INT32':
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'INT64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(int64);
    case 'FLOAT32':
    case 'FLOAT64':
      return fc.double();
    case 'BOOLEAN':
      return fc.boolean();
    case 'STRING':
      return fc.string({ unit: 'grapheme', maxLength: 12 });
    case 'BYTES':
      return fc.uint8Array({ maxLength: 12 });
    case 'ARRAY':
      return fc.array(valueArb(s.valueSchema!), { maxLength: 3 });
    case 'MAP':
      if (s.keySchema!.type === 'STRING') {
        return fc.dictionary(fieldName.filter((k) => k !== '__proto__'), valueArb(s.valueSchema!), { maxKeys: 3, noNullPrototype: true });
      }
      return fc.uniqueArray(fc.tuple(fc.integer(), valueArb(s.valueSchema!)), { selector: ([k]) => k, maxLength: 3 }).map((e) => new Map(e));
    case 'STRUCT': {
      const fields = s.fields ?? [];
      return fc.tuple(...fields.map((f) => valueArb(f.schema))).map((values) => new Struct(s, new Map(fields.map((f, i) => [f.name, values[i]]))));
    }
  }
}

function valueArb(s: Schema): fc.Arbitrary<unknown> {
  return s.optional ? fc.option(nonNullValue(s), { nil: null }) : nonNullValue(s);
}

const schemaAndValue = schemaArb(2).chain((s) => valueArb(s).map((value) => ({ schema: s, value })));

describe('JsonConverter round trip (property)', () => {
  it.each(['BASE64', 'NUMERIC'])('reads back what it writes for random schemas and values (decimal.format=%s)', (format) => {
    // Prepare
    const converter = jsonConverterPlugins.converter.create({ 'decimal.format': format }, false);
    fc.assert(
      fc.property(schemaAndValue, ({ schema: s, value }) => {
        // Act
        const bytes = converter.fromConnectData('t', [], s, value);
        const back = converter.toConnectData('t', [], bytes);
        // Assess
        expect(back.schema).toEqual(s);
        expect(back.value).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});
