// SQL column types → Connect schemas, asserted on the JsonConverter envelope consumed back from the broker.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../lambdas/connect-api/data/Decimal.js';
import { MYSQL_URL, PG_URL, soon, useHarness, uniqueName } from './harness.js';

const h = useHarness();

interface Envelope {
  schema: { type: string; name?: string; optional: boolean; fields: Array<Record<string, unknown>> };
  payload: Record<string, unknown>;
}

let lastRaw = '';

async function pollOne(url: string, t: string, extra: Record<string, string> = {}, prefix = 'types-'): Promise<Envelope> {
  const name = await h.createPipeline({
    'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
    'connection.url': url,
    'table.whitelist': t,
    mode: 'bulk',
    'topic.prefix': 'types-',
    'poll.interval.ms': '60000',
    ...extra,
  });
  const result = await (await h.task(name)).runInvocation(soon());
  expect(result.trace).toBeUndefined();
  const [record] = await h.readTopic(`${prefix}${t}`);
  lastRaw = record!.raw ?? '';
  return record!.value as Envelope;
}

/** Confluent's PostgreSqlDatabaseDialect.decimalScale for a NUMERIC without precision: NUMERIC_TYPE_SCALE_HIGH (127). */
const UNFIXED_DECIMAL = { type: 'bytes', optional: true, name: 'org.apache.kafka.connect.data.Decimal', version: 1, parameters: { scale: '127', 'connect.decimal.precision': '0' } };
const base64Decimal = (text: string) => Buffer.from(Decimal.parse(text).rescale(127).toBytes()).toString('base64');

const field = (e: Envelope, name: string) => {
  const { field: _f, ...rest } = e.schema.fields.find((f) => f['field'] === name)!;
  return rest;
};

describe('PostgreSQL column types', () => {
  it('maps integers, numeric, floats, booleans, text, bytes, dates, times, timestamps and JSON', async () => {
    // Prepare
    const t = uniqueName('types');
    h.dropAfter('pg', t);
    await h.pg.query(`CREATE TABLE ${t} (
      id int PRIMARY KEY, s smallint NOT NULL, b bigint NOT NULL, price numeric(10,2) NOT NULL, free numeric,
      r real, d double precision, flag boolean, txt text, vc varchar(20), raw bytea, day date, at time(3),
      ts timestamp(6), tstz timestamptz, doc json, docb jsonb, missing int)`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1, -2, 9007199254740993, 2.55, 1.5, 1.25, 2.5, true, 'héllo', 'v', '\\x00ff', '2024-05-01',
      '12:30:45.123', '2024-05-01 12:30:45.123456', '2024-05-01 14:30:45.5+02', '{"a": [1, 2]}', '{"b": true}', NULL)`);

    // Act
    const e = await pollOne(PG_URL, t);

    // Assess: schema (value schema named after the table, NOT NULL → required) …
    expect(e.schema).toMatchObject({ type: 'struct', name: t, optional: false });
    expect(field(e, 'id')).toEqual({ type: 'int32', optional: false });
    expect(field(e, 's')).toEqual({ type: 'int16', optional: false });
    expect(field(e, 'b')).toEqual({ type: 'int64', optional: false });
    expect(field(e, 'price')).toEqual({ type: 'bytes', optional: false, name: 'org.apache.kafka.connect.data.Decimal', version: 1, parameters: { scale: '2', 'connect.decimal.precision': '10' } });
    expect(field(e, 'free')).toEqual(UNFIXED_DECIMAL);
    expect(field(e, 'r')).toEqual({ type: 'float', optional: true });
    expect(field(e, 'd')).toEqual({ type: 'double', optional: true });
    expect(field(e, 'flag')).toEqual({ type: 'boolean', optional: true });
    expect(field(e, 'txt')).toEqual({ type: 'string', optional: true });
    expect(field(e, 'raw')).toEqual({ type: 'bytes', optional: true });
    expect(field(e, 'day')).toEqual({ type: 'int32', optional: true, name: 'org.apache.kafka.connect.data.Date', version: 1 });
    expect(field(e, 'at')).toEqual({ type: 'int32', optional: true, name: 'org.apache.kafka.connect.data.Time', version: 1 });
    expect(field(e, 'ts')).toEqual({ type: 'int64', optional: true, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 });
    expect(field(e, 'tstz')).toEqual({ type: 'int64', optional: true, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 });
    expect(field(e, 'doc')).toEqual({ type: 'string', optional: true });
    expect(field(e, 'docb')).toEqual({ type: 'string', optional: true });
    // … and values.
    expect(e.payload).toEqual({
      id: 1,
      s: -2,
      b: expect.any(Number),
      price: 'AP8=',
      free: base64Decimal('1.5'),
      r: 1.25,
      d: 2.5,
      flag: true,
      txt: 'héllo',
      vc: 'v',
      raw: 'AP8=',
      day: 19844,
      at: 45045123,
      ts: Date.UTC(2024, 4, 1, 12, 30, 45, 123),
      tstz: Date.UTC(2024, 4, 1, 12, 30, 45, 500),
      doc: '{"a": [1, 2]}',
      docb: '{"b": true}',
      missing: null,
    });
    // INT64 beyond 2^53 is written losslessly.
    expect(lastRaw).toContain('"b":9007199254740993');
  });

  it('maps an unconstrained numeric as Confluent does (PostgreSqlDatabaseDialectTest.shouldFallBackOnUnfixedDecimalScale): Decimal of scale 127 with numeric.mapping none, no digit lost; FLOAT64 with best_fit_eager_double', async () => {
    // Prepare
    const t = uniqueName('freenum');
    h.dropAfter('pg', t);
    await h.pg.query(`CREATE TABLE ${t} (id int PRIMARY KEY, free numeric)`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1, 12345678901234567890.123456789012345678901)`);

    // Act
    const exact = await pollOne(PG_URL, t);
    const eager = await pollOne(PG_URL, t, { 'numeric.mapping': 'best_fit_eager_double', 'topic.prefix': 'eager-' }, 'eager-');

    // Assess
    expect(field(exact, 'free')).toEqual(UNFIXED_DECIMAL);
    expect(Decimal.fromBytes(Buffer.from(exact.payload['free'] as string, 'base64'), 127).toString()).toMatch(/^12345678901234567890\.123456789012345678901(0+)$/);
    expect(field(eager, 'free')).toEqual({ type: 'double', optional: true });
    expect(eager.payload['free']).toBe(Number('12345678901234567890.123456789012345678901'));
  });

  it('reads timestamp columns in db.timezone and maps numerics by numeric.mapping=best_fit', async () => {
    const t = uniqueName('tz');
    h.dropAfter('pg', t);
    await h.pg.query(`CREATE TABLE ${t} (id int PRIMARY KEY, ts timestamp NOT NULL, small numeric(4,0), big numeric(12,0), frac numeric(8,3))`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1, '2024-01-15 10:00:00', 12, 123456789012, 1.125)`);

    const e = await pollOne(PG_URL, t, { 'db.timezone': 'Europe/Paris', 'numeric.mapping': 'best_fit' });

    expect(e.payload).toEqual({ id: 1, ts: Date.UTC(2024, 0, 15, 9), small: 12, big: 123456789012, frac: 1.125 });
    expect([field(e, 'small')['type'], field(e, 'big')['type'], field(e, 'frac')['type']]).toEqual(['int16', 'int64', 'double']);
  });
});

describe('MariaDB column types', () => {
  it('maps signed and unsigned integers, decimals, TINYINT(1), text, blobs, dates, datetimes, timestamps and JSON', async () => {
    const t = uniqueName('types');
    h.dropAfter('my', t);
    await h.my.query(`CREATE TABLE ${t} (
      id int PRIMARY KEY, tiny tinyint NOT NULL, utiny tinyint unsigned, flag tinyint(1), s smallint, u int unsigned,
      b bigint, price decimal(10,2), d double, f float, txt varchar(20), note text, raw blob, day date, at time,
      dt datetime(6), ts timestamp(3) NULL, doc json)`);
    await h.my.query(`INSERT INTO ${t} VALUES (1, -5, 200, 1, -300, 4000000000, 9007199254740993, 2.55, 2.5, 1.25, 'héllo', 'long', x'00ff',
      '2024-05-01', '12:30:45', '2024-05-01 12:30:45.123456', '2024-05-01 12:30:45.500', '{"a": [1, 2]}')`);

    const e = await pollOne(MYSQL_URL, t);

    expect(e.schema).toMatchObject({ type: 'struct', name: t, optional: false });
    const types = Object.fromEntries(e.schema.fields.map((f) => [f['field'], [f['type'], f['name'] ?? null, f['optional']]]));
    expect(types).toEqual({
      id: ['int32', null, false],
      tiny: ['int8', null, false],
      utiny: ['int16', null, true],
      flag: ['int8', null, true],
      s: ['int16', null, true],
      u: ['int64', null, true],
      b: ['int64', null, true],
      price: ['bytes', 'org.apache.kafka.connect.data.Decimal', true],
      d: ['double', null, true],
      f: ['float', null, true],
      txt: ['string', null, true],
      note: ['string', null, true],
      raw: ['bytes', null, true],
      day: ['int32', 'org.apache.kafka.connect.data.Date', true],
      at: ['int32', 'org.apache.kafka.connect.data.Time', true],
      dt: ['int64', 'org.apache.kafka.connect.data.Timestamp', true],
      ts: ['int64', 'org.apache.kafka.connect.data.Timestamp', true],
      doc: ['string', null, true],
    });
    expect(e.payload).toMatchObject({
      id: 1,
      tiny: -5,
      utiny: 200,
      flag: 1,
      s: -300,
      u: 4000000000,
      price: 'AP8=',
      d: 2.5,
      f: 1.25,
      txt: 'héllo',
      note: 'long',
      raw: 'AP8=',
      day: 19844,
      at: 45045000,
      dt: Date.UTC(2024, 4, 1, 12, 30, 45, 123),
      ts: Date.UTC(2024, 4, 1, 12, 30, 45, 500),
    });
    expect(JSON.parse(e.payload['doc'] as string)).toEqual({ a: [1, 2] });
  });
});
