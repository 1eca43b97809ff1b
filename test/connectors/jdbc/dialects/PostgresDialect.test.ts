// Golden SQL and binds of the PostgreSQL dialect (the live test runs the same statements on a server).
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import { arraySchema, dateSchema, decimalSchema, Schemas, schema, timestampSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { DataError } from '../../../../lambdas/connect-api/errors.js';
import { dialectFor, type WriteRequest } from '../../../../lambdas/connectors/jdbc/dialects/index.js';

const pg = dialectFor('postgresql');
const table = pg.parseTableId('sales.orders');
const request: WriteRequest = {
  table,
  keyColumns: [{ name: 'id', schema: Schemas.INT32 }],
  valueColumns: [
    { name: 'name', schema: Schemas.OPTIONAL_STRING },
    { name: 'qty', schema: Schemas.INT64 },
  ],
  rows: [
    [1, 'a', 10n],
    [2, null, 20],
  ],
};

describe('PostgresDialect writes', () => {
  it('inserts several rows in one statement with $n placeholders', () => {
    expect(pg.placeholderStyle).toBe('dollar');
    expect(pg.insert(request)).toEqual([
      {
        kind: 'multiRow',
        sql: 'INSERT INTO "sales"."orders" ("id","name","qty") VALUES ($1,$2,$3),($4,$5,$6)',
        params: [1, 'a', '10', 2, null, 20],
        rowCount: 2,
      },
    ]);
  });

  it('upserts with ON CONFLICT DO UPDATE SET c=EXCLUDED.c', () => {
    expect(pg.upsert(request)[0]?.sql).toBe(
      'INSERT INTO "sales"."orders" ("id","name","qty") VALUES ($1,$2,$3),($4,$5,$6) ON CONFLICT ("id") DO UPDATE SET "name"=EXCLUDED."name","qty"=EXCLUDED."qty"',
    );
  });

  it('upserts with DO NOTHING when every column is a key', () => {
    const keysOnly = { ...request, valueColumns: [], rows: [[1], [2]] };
    expect(pg.upsert(keysOnly)[0]?.sql).toBe('INSERT INTO "sales"."orders" ("id") VALUES ($1),($2) ON CONFLICT ("id") DO NOTHING');
  });

  it('keeps only the last row of a repeated key in one upsert', () => {
    const repeated = { ...request, rows: [[1, 'a', 1], [2, 'b', 2], [1, 'c', 3]] };
    expect(pg.upsert(repeated)[0]).toMatchObject({ params: [2, 'b', 2, 1, 'c', 3] });
  });

  it('refuses upsert and update without key columns', () => {
    const keyless = { ...request, keyColumns: [], rows: [['a', 1]] };
    expect(() => pg.upsert(keyless)).toThrow(
      new DataError("Write to table 'sales.orders' in UPSERT mode requires key field names to be known, check the primary key configuration"),
    );
    expect(() => pg.update(keyless)).toThrow(/in UPDATE mode requires key field names/);
  });

  it('updates per row, binding value columns then keys', () => {
    expect(pg.update(request)).toEqual([
      {
        kind: 'perRow',
        sql: 'UPDATE "sales"."orders" SET "name"=$1,"qty"=$2 WHERE "id"=$3',
        rows: [
          ['a', '10', 1],
          [null, 20, 2],
        ],
        rowCount: 2,
      },
    ]);
  });

  it('deletes with IN for one key and row constructors for composite keys', () => {
    const composite = { table, keyColumns: [...request.keyColumns, { name: 'region', schema: Schemas.STRING }], rows: [[1, 'eu'], [2, 'us']] };
    expect(pg.delete({ table, keyColumns: request.keyColumns, rows: [[1], [2], [3]] })).toEqual([
      { kind: 'multiRow', sql: 'DELETE FROM "sales"."orders" WHERE "id" IN ($1,$2,$3)', params: [1, 2, 3], rowCount: 3 },
    ]);
    expect(pg.delete(composite)[0]).toMatchObject({ sql: 'DELETE FROM "sales"."orders" WHERE ("id","region") IN (($1,$2),($3,$4))', params: [1, 'eu', 2, 'us'] });
  });

  it('chunks by batch.size and by the 65535 bind-parameter limit', () => {
    const many = Array.from({ length: 40_000 }, (_, i) => [i, 'x', i]);
    expect(pg.insert({ ...request, rows: many.slice(0, 5), maxRows: 2 }).map((s) => s.rowCount)).toEqual([2, 2, 1]);
    expect(pg.insert({ ...request, rows: many }).map((s) => s.rowCount)).toEqual([21_845, 18_155]);
  });

  it('adds ::json, ::jsonb and ::uuid casts for existing columns of those types', () => {
    const existingColumns = pg.parseColumns([
      { column_name: 'id', data_type: 'uuid', is_nullable: 'NO', udt_name: 'uuid' },
      { column_name: 'name', data_type: 'jsonb', is_nullable: 'YES', udt_name: 'jsonb' },
      { column_name: 'qty', data_type: 'bigint', is_nullable: 'NO', udt_name: 'int8' },
    ]);
    expect(pg.upsert({ ...request, rows: [[1, 'a', 1]], existingColumns })[0]?.sql).toMatch(/VALUES \(\$1::uuid,\$2::jsonb,\$3\) ON CONFLICT/);
    expect(pg.delete({ table, keyColumns: request.keyColumns, rows: [[1]], existingColumns })[0]?.sql).toBe(
      'DELETE FROM "sales"."orders" WHERE "id" IN ($1::uuid)',
    );
  });
});

describe('PostgresDialect DDL', () => {
  it('creates a table with NULL/NOT NULL, defaults and a primary key', () => {
    const columns = [
      { name: 'id', schema: Schemas.INT64 },
      { name: 'tags', schema: arraySchema(Schemas.STRING, { optional: true }) },
      { name: 'ok', schema: schema('BOOLEAN', { defaultValue: false }) },
      { name: 'price', schema: decimalSchema(2, { defaultValue: new Decimal(-150n, 2) }) },
      { name: 'born', schema: dateSchema({ defaultValue: new Date(Date.UTC(2020, 1, 29)) }) },
      { name: 'bin', schema: schema('BYTES', { optional: true, defaultValue: Uint8Array.of(0xca, 0xfe) }) },
    ];
    expect(pg.createTable(table, columns, ['id']).sql).toBe(
      [
        'CREATE TABLE "sales"."orders" (',
        '"id" BIGINT NOT NULL,',
        '"tags" TEXT[] NULL,',
        '"ok" BOOLEAN DEFAULT FALSE NOT NULL,',
        '"price" DECIMAL DEFAULT -1.50 NOT NULL,',
        `"born" DATE DEFAULT '2020-02-29' NOT NULL,`,
        `"bin" BYTEA DEFAULT decode('cafe','hex') NULL,`,
        'PRIMARY KEY("id"))',
      ].join('\n'),
    );
  });

  it('adds columns with one ADD per column', () => {
    const columns = [
      { name: 'note', schema: Schemas.OPTIONAL_STRING },
      { name: 'at', schema: timestampSchema({ optional: true }) },
    ];
    expect(pg.alterTableAddColumns(table, columns)).toEqual({ sql: 'ALTER TABLE "sales"."orders" ADD "note" TEXT NULL,\nADD "at" TIMESTAMP NULL', params: [] });
  });

  it('renders array defaults with a cast', () => {
    const column = { name: 'n', schema: arraySchema(Schemas.INT32, { defaultValue: [1, 2] }) };
    expect(pg.defaultLiteral(column)).toBe('ARRAY[1,2]::INT[]');
  });
});

describe('PostgresDialect metadata, binds and source queries', () => {
  it('describes a table in its schema or the current schema; never folds names to lower case', () => {
    expect(pg.describeTable(table)).toEqual({
      sql: 'SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = $2 ORDER BY ordinal_position',
      params: ['orders', 'sales'],
    });
    const never = dialectFor('postgresql', { quoteIdentifiers: 'never' });
    expect(never.describeTable({ table: 'Orders' })).toEqual({
      sql: 'SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position',
      params: ['orders'],
    });
  });

  it('binds booleans as booleans, arrays as arrays and timestamps with their offset', () => {
    const paris = dialectFor('postgresql', { timezone: 'Europe/Paris' });
    expect(pg.bindValue(Schemas.BOOLEAN, true)).toBe(true);
    expect(pg.bindValue(arraySchema(Schemas.INT64), [1n, 2])).toEqual(['1', 2]);
    expect(paris.bindValue(timestampSchema(), new Date(Date.UTC(2024, 6, 1, 10, 0, 0, 5)))).toBe('2024-07-01 12:00:00.005+02:00');
  });

  it('builds the source query of each mode with numbered placeholders', () => {
    const q = pg.sourceQuery({ mode: 'timestamp', table: { table: 'orders' }, timestampColumns: ['updated'], limit: 500, suffix: 'FOR UPDATE SKIP LOCKED' });
    expect(q).toEqual({
      sql: 'SELECT * FROM "orders" WHERE "orders"."updated" > $1 AND "orders"."updated" < $2 ORDER BY "orders"."updated" ASC LIMIT $3 FOR UPDATE SKIP LOCKED',
      slots: ['lastTimestamp', 'endTimestamp', 'limit'],
      limit: 500,
    });
    expect(pg.sourceBinds(q, { endTimestamp: new Date(Date.UTC(2024, 0, 1)), lastTimestampNanos: 1_000 })).toEqual([
      '1970-01-01 00:00:00.000001+00:00',
      '2024-01-01 00:00:00.000000+00:00',
      500,
    ]);
    expect(pg.currentTimestampQuery()).toEqual({ sql: 'SELECT CURRENT_TIMESTAMP', params: [] });
  });

  it('stops an incrementing read of a table before the first row whose transaction may still have a smaller id open', () => {
    const q = pg.sourceQuery({ mode: 'incrementing', table: { table: 'orders' }, incrementingColumn: 'id', limit: 100 });
    expect(q.sql).toBe(
      'SELECT * FROM "orders" WHERE "orders"."id" > $3 AND "orders"."id" < ALL (SELECT sluice_in_flight."id" FROM (SELECT "id", xmin FROM "orders" WHERE "id" > $1 ORDER BY "id" ASC LIMIT $2) sluice_in_flight WHERE age(sluice_in_flight.xmin) <= age(xid(pg_snapshot_xmin(pg_current_snapshot())))) ORDER BY "orders"."id" ASC LIMIT $4',
    );
    // The look-ahead is bounded by the batch's limit: a poll reads as many rows through the index whatever the backlog.
    expect(pg.sourceBinds(q, { lastIncrementing: 7 })).toEqual([7, 100, 7, 100]);
    // Without a limit the whole remainder is read, so the look-ahead is too.
    expect(pg.sourceQuery({ mode: 'incrementing', table: { table: 'orders' }, incrementingColumn: 'id' }).sql).toBe(
      'SELECT * FROM "orders" WHERE "orders"."id" > $2 AND "orders"."id" < ALL (SELECT sluice_in_flight."id" FROM "orders" sluice_in_flight WHERE sluice_in_flight."id" > $1 AND age(sluice_in_flight.xmin) <= age(xid(pg_snapshot_xmin(pg_current_snapshot())))) ORDER BY "orders"."id" ASC',
    );
    // A view has no xmin, and a query is the user's own SQL: both are read as Kafka Connect reads them.
    expect(pg.sourceQuery({ mode: 'incrementing', table: { table: 'v' }, incrementingColumn: 'id', mayBeView: true }).sql).toBe('SELECT * FROM "v" WHERE "v"."id" > $1 ORDER BY "v"."id" ASC');
    expect(pg.sourceQuery({ mode: 'incrementing', query: 'SELECT * FROM x', incrementingColumn: 'id' }).sql).toBe('SELECT * FROM x WHERE "id" > $1 ORDER BY "id" ASC');
  });

  it('classifies serialization failures, deadlocks, connection and shutdown errors as transient', () => {
    for (const code of ['40001', '40P01', '08006', '08001', '57P01', '57P03', 'ECONNRESET', 'ETIMEDOUT']) {
      expect(pg.isTransient(Object.assign(new Error('x'), { code })), code).toBe(true);
    }
    expect(pg.isTransient(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '40P01' }) }))).toBe(true);
    expect(pg.isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
    for (const code of ['23505', '42P01', '22P02', undefined]) {
      expect(pg.isTransient(Object.assign(new Error('x'), { code })), String(code)).toBe(false);
    }
  });
});
