// Live scenarios of table creation, evolution, failures and schemaless values, shared by PostgreSQL and MariaDB.
import { expect, it } from 'vitest';
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import {
  dateSchema,
  decimalSchema,
  optional,
  Schemas,
  structSchema,
  timeSchema,
  timestampSchema,
} from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { ConnectionError } from '../../../../lambdas/connect-api/errors.js';
import { RecordWriteError, WriteError } from '../../../../lambdas/connectors/jdbc/sink/errors.js';
import { JdbcDbWriter } from '../../../../lambdas/connectors/jdbc/sink/JdbcDbWriter.js';
import { order, recording, sinkConfig, sinkRecord } from './fixtures.js';
import type { LiveDb, LiveHarness } from './liveWriter.js';

export const allTypes = structSchema([
  ['code', Schemas.STRING],
  ['price', decimalSchema(2)],
  ['born', dateSchema()],
  ['alarm', timeSchema()],
  ['at', timestampSchema()],
  ['payload', Schemas.BYTES],
  ['active', Schemas.BOOLEAN],
  ['i8', Schemas.INT8],
  ['i16', Schemas.INT16],
  ['i32', Schemas.INT32],
  ['i64', Schemas.INT64],
  ['f32', Schemas.FLOAT32],
  ['f64', Schemas.FLOAT64],
  ['note', optional(Schemas.STRING)],
]);

export const allTypesValue = new Struct(allTypes, {
  code: 'A-1',
  price: new Decimal(1999n, 2),
  born: new Date(Date.UTC(2024, 1, 29)),
  alarm: new Date(Date.UTC(1970, 0, 1, 13, 45, 30, 250)),
  at: new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 250)),
  payload: Uint8Array.from([0xde, 0xad]),
  active: true,
  i8: 8,
  i16: 16,
  i32: 32,
  i64: 9_007_199_254_740_993n,
  f32: 1.5,
  f64: 2.25,
  note: null,
});

export function structureScenarios(db: LiveDb, h: LiveHarness): void {
  it('auto-evolves a table with a new optional column, leaving old rows null', async () => {
    // Prepare
    const table = h.table('evolve');
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'id', 'auto.create': 'true', 'auto.evolve': 'true' });
    await writer.write([order(table, 1, 'a')]);
    const v2 = structSchema([
      ['id', Schemas.INT32],
      ['name', Schemas.STRING],
      ['qty', optional(Schemas.INT64)],
      ['colour', optional(Schemas.STRING)],
    ]);

    // Act
    await writer.write([sinkRecord({ topic: table, valueSchema: v2, value: new Struct(v2, { id: 2, name: 'b', colour: 'red' }) })]);

    // Assess
    expect(await h.rows(table, 'id, name, colour')).toEqual([
      ['1', 'a', null],
      ['2', 'b', 'red'],
    ]);
  });

  it("refuses a missing table without auto.create with Kafka's message, not retriable", async () => {
    // Prepare
    const table = h.table('missing');
    const writer = h.writer({});

    // Act
    const error = await writer.write([order(table, 1, 'a')]).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).message).toBe(`Table ${table} is missing and auto-creation is disabled`);
    expect((error as WriteError).retriable).toBe(false);
  });

  it("refuses new fields without auto.evolve with Kafka's message", async () => {
    // Prepare
    const table = h.table('no_evolve');
    await h.admin().execute(`CREATE TABLE ${db.quote(table)} (id INT PRIMARY KEY, name VARCHAR(20))`, []);
    const writer = h.writer({});

    // Act
    const error = await writer.write([order(table, 1, 'a')]).catch((e: unknown) => e);

    // Assess
    expect((error as WriteError).message).toBe(`Table ${table} is missing fields (qty) and auto-evolution is disabled`);
  });

  it.each([
    ['a value too long for its column', (table: string) => order(table, 2, 'far too long for five', 1)],
    ['a NOT NULL violation', (table: string) => order(table, 2, 'ok', null)],
  ])('rolls back the whole batch on %s and throws a non-retriable WriteError', async (_what, bad) => {
    // Prepare
    const table = h.table('rollback');
    await h.admin().execute(`CREATE TABLE ${db.quote(table)} (id INT PRIMARY KEY, name VARCHAR(5) NOT NULL, qty BIGINT NOT NULL DEFAULT 0)`, []);
    await h.admin().execute(`INSERT INTO ${db.quote(table)} (id, name, qty) VALUES (0, 'old', 0)`, []);
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'replace.null.with.default': 'false' });

    // Act
    const error = await writer.write([order(table, 1, 'ok', 1), bad(table), order(table, 3, 'ok', 1)]).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).retriable).toBe(false);
    expect((error as WriteError).table).toBe(table);
    expect(await h.rows(table, 'id, name')).toEqual([['0', 'old']]);
  });

  it('reports a refused connection as a retriable ConnectionError, which no record is blamed for', async () => {
    // Prepare
    const url = db.url.replace(/:\d+\//, ':1/');
    const writer = new JdbcDbWriter(sinkConfig(url), db.connector);

    // Act
    const error = await writer.write([order('refused', 1, 'a')]).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).retriable).toBe(true);
    expect((error as ConnectionError).message).toMatch(/^Could not connect to /);
  });

  it('rejects a schemaless primitive value as a RecordWriteError before executing anything', async () => {
    // Prepare
    const spy = recording(db.connector);
    const writer = h.writer({ 'auto.create': 'true' }, spy.connector);
    const bad = sinkRecord({ topic: 'never_created', value: 'just text' });

    // Act
    const error = await writer.write([order('never_created', 1, 'a'), bad]).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(RecordWriteError);
    expect((error as RecordWriteError).record).toBe(bad);
    expect((error as RecordWriteError).message).toBe(
      `Sink connector 'test-sink' is configured with 'delete.enabled=false' and 'pk.mode=none' and therefore requires records with a non-null Struct value and non-null Struct schema, but found record at (topic='never_created',partition=0,offset=${bad.kafkaOffset},timestamp=1700000000000) with a String value and null value schema.`,
    );
    expect(spy.calls).toEqual([]);
  });

  it('blames a value its schema cannot bind on the record that carries it, before any row is written', async () => {
    // Prepare
    const table = h.table('bad_bind');
    const spy = recording(db.connector);
    const writer = h.writer({ 'auto.create': 'true' }, spy.connector);
    const bad = order(table, 2, 'b', 'not a number' as unknown as number);

    // Act
    const error = await writer.write([order(table, 1, 'a'), bad]).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(RecordWriteError);
    expect((error as RecordWriteError).record).toBe(bad);
    expect((error as RecordWriteError).message).toBe('Invalid value for a INT64 column: got string (column qty)');
    expect(spy.calls.filter((c) => c.method === 'begin')).toEqual([]);
  });

  it('writes schemaless JSON objects into an existing table, matching keys to columns', async () => {
    // Prepare
    const table = h.table('schemaless');
    await h.admin().execute(`CREATE TABLE ${db.quote(table)} (id INT PRIMARY KEY, name VARCHAR(20), qty BIGINT, ok BOOLEAN, meta TEXT)`, []);
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'ID' });
    const json = (id: number, extra: Record<string, unknown>) => sinkRecord({ topic: table, value: { ID: id, Name: `n${id}`, ...extra } });

    // Act
    await writer.write([json(1, { qty: 5, ok: true, meta: { a: [1, 2] } }), json(2, { qty: null, ok: false, meta: null }), json(1, { qty: 6, ok: true, meta: 'x' })]);

    // Assess
    expect(await h.rows(table)).toEqual([
      ['1', 'n1', '6', db.bool(true), 'x'],
      ['2', 'n2', null, db.bool(false), null],
    ]);
  });

  it('auto-creates a table for schemaless JSON with inferred column types', async () => {
    // Prepare
    const table = h.table('schemaless_create');
    const writer = h.writer({ 'auto.create': 'true' });

    // Act
    await writer.write([sinkRecord({ topic: table, value: { id: 1, ratio: 0.5, name: 'a', ok: true, tags: ['x'] } })]);

    // Assess
    expect(await h.rows(table)).toEqual([['1', '0.5', 'a', db.bool(true), '["x"]']]);
  });
}
