// Connect value → driver value per dialect, `db.timezone` handling, and DEFAULT literal rendering.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import { dateSchema, decimalSchema, mapSchema, Schemas, schema, timeSchema, timestampSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { dialectFor } from '../../../../lambdas/connectors/jdbc/dialects/index.js';
import { formatTimestamp, zoneOf } from '../../../../lambdas/connectors/jdbc/dialects/temporal.js';
import { ConfigError, DataError } from '../../../../lambdas/connect-api/errors.js';

const pg = dialectFor('postgresql');
const my = dialectFor('mysql');
const ora = dialectFor('oracle');
const all = [pg, my, ora];

describe('bindValue', () => {
  it('binds decimals as exact text, from a Decimal or its wire bytes', () => {
    for (const d of all) {
      expect(d.bindValue(decimalSchema(2), new Decimal(-12345678901234567890n, 2))).toBe('-123456789012345678.90');
      expect(d.bindValue(decimalSchema(1), new Decimal(5n, 1).toBytes())).toBe('0.5');
    }
  });

  it('binds booleans as booleans on PostgreSQL and 1/0 elsewhere', () => {
    expect(all.map((d) => d.bindValue(Schemas.BOOLEAN, false))).toEqual([false, 0, 0]);
  });

  it('binds bytes as Buffers, bigints as text and nulls as null', () => {
    const bytes = my.bindValue(Schemas.BYTES, Uint8Array.of(1, 2, 3));
    expect(Buffer.isBuffer(bytes) && bytes.toString('hex')).toBe('010203');
    expect(ora.bindValue(Schemas.INT64, 2n ** 63n - 1n)).toBe('9223372036854775807');
    expect(pg.bindValue(Schemas.OPTIONAL_STRING, null)).toBeNull();
    expect(pg.bindValue(Schemas.OPTIONAL_STRING, undefined)).toBeNull();
  });

  it('binds Date, Time and Timestamp from Dates or their integer forms', () => {
    expect(my.bindValue(dateSchema(), 19_000)).toBe('2022-01-08');
    expect(my.bindValue(dateSchema(), new Date(Date.UTC(2022, 0, 8)))).toBe('2022-01-08');
    expect(my.bindValue(timeSchema(), 45_296_789)).toBe('12:34:56.789');
    expect(my.bindValue(timestampSchema(), 1_700_000_000_123n)).toBe('2023-11-14 22:13:20.123');
    expect(pg.bindValue(timestampSchema(), new Date(1_700_000_000_123))).toBe('2023-11-14 22:13:20.123+00:00');
  });

  it('refuses values of the wrong type and MAP/STRUCT values', () => {
    expect(() => pg.bindValue(Schemas.INT32, '1')).toThrow(DataError);
    expect(() => pg.bindValue(Schemas.INT32, 1.5)).toThrow(DataError);
    expect(() => pg.bindValue(Schemas.STRING, 1)).toThrow(/Invalid value for a STRING column/);
    expect(() => pg.bindValue(timestampSchema(), new Date(Number.NaN))).toThrow(DataError);
    expect(() => pg.bindValue(mapSchema(Schemas.STRING, Schemas.STRING), {})).toThrow(/type doesn't have a mapping/);
  });
});

describe('db.timezone', () => {
  it('shifts timestamps to the wall clock of an IANA zone, across daylight saving', () => {
    const ny = dialectFor('mysql', { timezone: 'America/New_York' });
    expect(ny.bindValue(timestampSchema(), new Date(Date.UTC(2024, 0, 15, 12)))).toBe('2024-01-15 07:00:00.000');
    expect(ny.bindValue(timestampSchema(), new Date(Date.UTC(2024, 6, 15, 12)))).toBe('2024-07-15 08:00:00.000');
  });

  it('accepts fixed offsets in the forms Java ZoneId does', () => {
    const at = Date.UTC(2024, 0, 1, 0, 0);
    expect(formatTimestamp(at, zoneOf('+05:30'), { fractionDigits: 3, withOffset: true })).toBe('2024-01-01 05:30:00.000+05:30');
    expect(formatTimestamp(at, zoneOf('UTC-3'), { fractionDigits: 3, withOffset: true })).toBe('2023-12-31 21:00:00.000-03:00');
    expect(formatTimestamp(at, zoneOf('GMT+0100'), { fractionDigits: 3 })).toBe('2024-01-01 01:00:00.000');
    expect(formatTimestamp(at, zoneOf('Z'), { fractionDigits: 6 })).toBe('2024-01-01 00:00:00.000000');
  });

  it('binds Date values in db.timezone by default and in UTC with date.timezone=UTC', () => {
    const laDb = dialectFor('postgresql', { timezone: 'America/Los_Angeles' });
    const laUtc = dialectFor('postgresql', { timezone: 'America/Los_Angeles', dateTimezone: 'UTC' });
    expect(laDb.bindValue(dateSchema(), 19_000)).toBe('2022-01-07');
    expect(laUtc.bindValue(dateSchema(), 19_000)).toBe('2022-01-08');
  });

  it('rejects an unknown zone with a config error on db.timezone', () => {
    expect(() => dialectFor('postgresql', { timezone: 'Mars/Olympus' })).toThrow(ConfigError);
    expect(() => dialectFor('postgresql', { timezone: '+25:00' })).toThrow(/Invalid value \+25:00 for configuration db.timezone/);
  });
});

describe('default literals', () => {
  const literal = (d: (typeof all)[number], s: ReturnType<typeof schema>) => d.defaultLiteral({ name: 'c', schema: s });

  it('renders numbers, and refuses non-finite or non-integer values for their types', () => {
    expect(literal(pg, schema('INT64', { defaultValue: -9007199254740993n }))).toBe('-9007199254740993');
    expect(literal(pg, schema('FLOAT64', { defaultValue: 0.25 }))).toBe('0.25');
    expect(() => literal(pg, schema('FLOAT64', { defaultValue: Number.NaN }))).toThrow(DataError);
    expect(() => literal(pg, schema('INT32', { defaultValue: 1.5 }))).toThrow(DataError);
    expect(() => literal(pg, schema('INT32', { defaultValue: '1; DROP TABLE x' }))).toThrow(DataError);
  });

  it('quotes strings by doubling quotes, refuses NUL, and renders booleans per dialect', () => {
    const s = schema('STRING', { defaultValue: "x'); DROP TABLE t; --" });
    expect(all.map((d) => literal(d, s))).toEqual(["'x''); DROP TABLE t; --'", "('x''); DROP TABLE t; --')", "'x''); DROP TABLE t; --'"]);
    expect(() => literal(pg, schema('STRING', { defaultValue: 'a\u0000' }))).toThrow(/NUL/);
    expect(all.map((d) => literal(d, schema('BOOLEAN', { defaultValue: true })))).toEqual(['TRUE', '1', '1']);
  });

  it('renders temporal defaults per dialect in db.timezone', () => {
    const at = timestampSchema({ defaultValue: new Date(Date.UTC(2024, 0, 1, 12)) });
    expect(all.map((d) => literal(d, at))).toEqual(["'2024-01-01 12:00:00.000'", "'2024-01-01 12:00:00.000'", "TIMESTAMP '2024-01-01 12:00:00.000'"]);
    expect(literal(ora, timeSchema({ defaultValue: 3_600_000 }))).toBe("TO_DATE('1970-01-01 01:00:00','YYYY-MM-DD HH24:MI:SS')");
  });

  it('has no literal when the schema has no default or a null one', () => {
    expect(literal(pg, Schemas.STRING)).toBeUndefined();
    expect(literal(pg, schema('STRING', { optional: true, defaultValue: null }))).toBeUndefined();
  });
});
