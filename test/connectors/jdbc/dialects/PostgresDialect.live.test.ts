// Runs the PostgreSQL dialect's SQL against the real local server (127.0.0.1:5432, database test).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Schemas } from '../../../../lambdas/connect-api/data/Schema.js';
import { dialectFor, type SqlStatement, type TableId } from '../../../../lambdas/connectors/jdbc/dialects/index.js';
import { addedColumns, execute, keyColumns, orderRow, ordersRequest, sparseRow, uniqueName, valueColumns } from './fixtures.js';
import { writeScenarios } from './liveScenarios.js';

const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
const dialect = dialectFor('postgresql');
const created: TableId[] = [];
const run = (sql: string, params: readonly unknown[] = []) => client.query(sql, [...params]);
const runStatement = (s: SqlStatement) => run(s.sql, s.params);

async function createOrders(prefix: string): Promise<TableId> {
  const table = dialect.parseTableId(`public.${uniqueName(`pg_${prefix}`)}`);
  created.push(table);
  await runStatement(dialect.createTable(table, [...keyColumns, ...valueColumns], ['id', 'region']));
  await runStatement(dialect.alterTableAddColumns(table, addedColumns));
  return table;
}

async function readOrders(table: TableId): Promise<Record<string, unknown>[]> {
  const t = dialect.quoteTable(table);
  const result = await run(
    `SELECT id, region, name, qty::text AS qty, price::text AS price, active, born::text AS born,
       to_char(at, 'YYYY-MM-DD HH24:MI:SS.MS') AS at, to_char(alarm, 'HH24:MI:SS.MS') AS alarm,
       encode(payload, 'hex') AS payload, ratio, tiny, status FROM ${t} ORDER BY id`,
  );
  return result.rows;
}

beforeAll(async () => {
  await client.connect();
});

afterAll(async () => {
  for (const table of created) await run(`DROP TABLE IF EXISTS ${dialect.quoteTable(table)}`);
  await client.end();
});

describe('PostgresDialect against PostgreSQL', () => {
  writeScenarios({
    dialect,
    run,
    createOrders,
    readOrders,
    selectIds: async (sql, params) => (await run(sql, params)).rows.map((r) => r.id),
    now: async () => (await runStatement(dialect.currentTimestampQuery())).rows[0].current_timestamp,
    bool: (value) => value,
  });

  it('creates, evolves and describes a table', async () => {
    // Prepare
    const table = dialect.parseTableId(uniqueName('pg_meta'));
    const missing = await runStatement(dialect.describeTable(table));
    created.push(table);

    // Act
    await runStatement(dialect.createTable(table, [...keyColumns, ...valueColumns], ['id', 'region']));
    await runStatement(dialect.alterTableAddColumns(table, addedColumns));
    const described = dialect.parseColumns((await runStatement(dialect.describeTable(table))).rows);

    // Assess
    expect(missing.rows).toEqual([]);
    expect(described).toEqual([
      { name: 'id', sqlType: 'integer', nullable: false },
      { name: 'region', sqlType: 'text', nullable: false },
      { name: 'name', sqlType: 'text', nullable: true },
      { name: 'qty', sqlType: 'bigint', nullable: false },
      { name: 'price', sqlType: 'numeric', nullable: false },
      { name: 'active', sqlType: 'boolean', nullable: false },
      { name: 'born', sqlType: 'date', nullable: true },
      { name: 'at', sqlType: 'timestamp without time zone', nullable: true },
      { name: 'alarm', sqlType: 'time without time zone', nullable: true },
      { name: 'payload', sqlType: 'bytea', nullable: true },
      { name: 'ratio', sqlType: 'double precision', nullable: true },
      { name: 'tiny', sqlType: 'smallint', nullable: true },
      { name: 'status', sqlType: 'text', nullable: true },
    ]);
  });

  it('inserts several rows in one statement, nulls included, and reads every type back', async () => {
    // Prepare
    const table = await createOrders('insert');

    // Act
    const statements = dialect.insert(ordersRequest(table, [sparseRow(3), orderRow(1), orderRow(2)]));
    await execute(statements, run);
    const rows = await readOrders(table);

    // Assess
    expect(statements).toHaveLength(1);
    expect(rows[0]).toEqual({
      id: 1,
      region: 'us',
      name: 'order 1',
      qty: '10000000000',
      price: '19.99',
      active: true,
      born: '2022-01-09',
      at: '2024-01-01 12:30:15.250',
      alarm: '08:01:05.125',
      payload: 'dead0100',
      ratio: 1.5,
      tiny: 1,
      status: "status '0' \\ ok",
    });
    expect(rows).toHaveLength(3);
    expect(Object.entries(rows[2]!).filter(([, v]) => v === null).map(([k]) => k)).toEqual(['name', 'born', 'at', 'alarm', 'payload', 'ratio', 'tiny', 'status']);
  });

  it('writes timestamps as wall-clock time in db.timezone', async () => {
    // Prepare
    const kolkata = dialectFor('postgresql', { timezone: 'Asia/Kolkata' });
    const table = await createOrders('tz');

    // Act
    await execute(kolkata.insert(ordersRequest(table, [orderRow(1)])), run);
    const [row] = await readOrders(table);

    // Assess
    expect(row?.['at']).toBe('2024-01-01 18:00:15.250');
  });

  it('fills schema defaults rendered as literals', async () => {
    // Prepare
    const table = await createOrders('default');

    // Act
    await run(`INSERT INTO ${dialect.quoteTable(table)} (id, region, qty, price, active) VALUES (1, 'eu', 1, 1, true)`);
    const [row] = await readOrders(table);

    // Assess
    expect(row?.['status']).toBe("it's new");
  });

  it('casts placeholders of json, jsonb and uuid columns', async () => {
    // Prepare
    const table = dialect.parseTableId(uniqueName('pg_casts'));
    created.push(table);
    await run(`CREATE TABLE ${dialect.quoteTable(table)} (id uuid PRIMARY KEY, doc jsonb, raw json)`);
    const existingColumns = dialect.parseColumns((await runStatement(dialect.describeTable(table))).rows);
    const request = {
      table,
      keyColumns: [{ name: 'id', schema: Schemas.STRING }],
      valueColumns: [
        { name: 'doc', schema: Schemas.STRING },
        { name: 'raw', schema: Schemas.STRING },
      ],
      rows: [['4b8e7d0a-3c1f-4a3e-9a57-2f1d8b1c0e11', '{"a":1}', '[1,2]']],
      existingColumns,
    };

    // Act
    const [statement] = dialect.upsert(request);
    await execute(dialect.upsert(request), run);
    await execute(dialect.upsert({ ...request, rows: [['4b8e7d0a-3c1f-4a3e-9a57-2f1d8b1c0e11', '{"a":2}', '[3]']] }), run);
    const rows = (await run(`SELECT id::text, doc->>'a' AS a, raw::text FROM ${dialect.quoteTable(table)}`)).rows;

    // Assess
    expect(existingColumns.map((c) => c.cast)).toEqual(['uuid', 'jsonb', 'json']);
    expect(statement?.sql).toContain('VALUES ($1::uuid,$2::jsonb,$3::json)');
    expect(rows).toEqual([{ id: '4b8e7d0a-3c1f-4a3e-9a57-2f1d8b1c0e11', a: '2', raw: '[3]' }]);
  });

  it('quotes an injection attempt in table and column names into a harmless identifier', async () => {
    // Prepare
    const table = dialect.parseTableId(`${uniqueName('pg_inj')}"; DROP TABLE x; --`);
    created.push(table);
    const columns = [{ name: 'id"); DROP TABLE y; --', schema: Schemas.INT32 }];

    // Act
    await runStatement(dialect.createTable(table, columns, [columns[0]!.name]));
    await execute(dialect.insert({ table, keyColumns: columns, valueColumns: [], rows: [[7]] }), run);
    const described = dialect.parseColumns((await runStatement(dialect.describeTable(table))).rows);
    const count = await run(`SELECT count(*)::int AS n FROM ${dialect.quoteTable(table)}`);

    // Assess
    expect(described.map((c) => c.name)).toEqual(['id"); DROP TABLE y; --']);
    expect(count.rows).toEqual([{ n: 1 }]);
  });

  it('classifies a refused connection as transient and a syntax error as not', async () => {
    // Prepare
    const refused = new pg.Client({ host: '127.0.0.1', port: 1, user: 'postgres', database: 'test' });

    // Act
    const connectError = await refused.connect().catch((e: unknown) => e);
    const syntaxError = await run('SELEC 1').catch((e: unknown) => e);

    // Assess
    expect(dialect.isTransient(connectError)).toBe(true);
    expect(dialect.isTransient(syntaxError)).toBe(false);
  });
});
