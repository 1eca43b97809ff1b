// Runs the MySQL dialect's SQL against the real local MariaDB (127.0.0.1:3306, database test), through
// server-side prepared statements (`execute`) and client-side interpolation (`query`) alike.
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Schemas } from '../../../../lambdas/connect-api/data/Schema.js';
import { dialectFor, type SqlStatement, type TableId } from '../../../../lambdas/connectors/jdbc/dialects/index.js';
import { addedColumns, execute, keyColumns, orderRow, ordersRequest, sparseRow, uniqueName, valueColumns } from './fixtures.js';
import { writeScenarios } from './liveScenarios.js';

let connection: mysql.Connection;
const dialect = dialectFor('mysql');
const created: TableId[] = [];
type Params = (string | number | boolean | null | Buffer)[];
const run = async (sql: string, params: readonly unknown[] = []) => (await connection.execute(sql, params as Params))[0];
const query = async (sql: string, params: readonly unknown[] = []) => (await connection.query(sql, params as Params))[0];
const runStatement = (s: SqlStatement) => run(s.sql, s.params);
const rowsOf = (result: unknown) => result as Record<string, unknown>[];

async function createOrders(prefix: string): Promise<TableId> {
  const table = dialect.parseTableId(`test.${uniqueName(`my_${prefix}`)}`);
  created.push(table);
  await runStatement(dialect.createTable(table, [...keyColumns, ...valueColumns], ['id', 'region']));
  await runStatement(dialect.alterTableAddColumns(table, addedColumns));
  return table;
}

async function readOrders(table: TableId): Promise<Record<string, unknown>[]> {
  return rowsOf(
    await query(
      `SELECT id, region, name, CAST(qty AS CHAR) AS qty, CAST(price AS CHAR) AS price, active,
         DATE_FORMAT(born, '%Y-%m-%d') AS born, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') AS at,
         TIME_FORMAT(alarm, '%H:%i:%s.%f') AS alarm, LOWER(HEX(payload)) AS payload, ratio, tiny, status
       FROM ${dialect.quoteTable(table)} ORDER BY id`,
    ),
  );
}

beforeAll(async () => {
  connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' });
});

afterAll(async () => {
  for (const table of created) await query(`DROP TABLE IF EXISTS ${dialect.quoteTable(table)}`);
  await connection.end();
});

describe('MySqlDialect against MariaDB', () => {
  writeScenarios({
    dialect,
    run,
    createOrders,
    readOrders,
    // Each source query runs prepared and interpolated; both must agree.
    selectIds: async (sql, params) => {
      const prepared = rowsOf(await run(sql, params)).map((r) => r['id']);
      expect(rowsOf(await query(sql, params)).map((r) => r['id'])).toEqual(prepared);
      return prepared;
    },
    now: async () => rowsOf(await runStatement(dialect.currentTimestampQuery()))[0]?.['CURRENT_TIMESTAMP'] as Date,
    bool: (value) => (value ? 1 : 0),
  });

  it('upserts through client-side interpolation (query) too', async () => {
    // Prepare
    const table = await createOrders('upsert_query');

    // Act
    await execute(dialect.upsert(ordersRequest(table, [orderRow(1), orderRow(2)])), query);
    await execute(dialect.upsert(ordersRequest(table, [orderRow(2, 1), orderRow(2, 2)])), query);
    const rows = await readOrders(table);

    // Assess
    expect(rows.map((r) => [r['id'], r['name']])).toEqual([
      [1, 'order 1'],
      [2, 'order 2 v2'],
    ]);
  });

  it('creates a table with a STRING primary key as VARCHAR(256), evolves and describes it', async () => {
    // Prepare
    const table = dialect.parseTableId(uniqueName('my_meta'));
    const missing = await runStatement(dialect.describeTable(table));
    created.push(table);

    // Act
    await runStatement(dialect.createTable(table, [...keyColumns, ...valueColumns], ['id', 'region']));
    await runStatement(dialect.alterTableAddColumns(table, addedColumns));
    const described = dialect.parseColumns(rowsOf(await runStatement(dialect.describeTable(table))));

    // Assess
    expect(missing).toEqual([]);
    expect(described).toEqual([
      { name: 'id', sqlType: 'int(11)', nullable: false },
      { name: 'region', sqlType: 'varchar(256)', nullable: false },
      { name: 'name', sqlType: 'text', nullable: true },
      { name: 'qty', sqlType: 'bigint(20)', nullable: false },
      { name: 'price', sqlType: 'decimal(65,2)', nullable: false },
      { name: 'active', sqlType: 'tinyint(4)', nullable: false },
      { name: 'born', sqlType: 'date', nullable: true },
      { name: 'at', sqlType: 'datetime(3)', nullable: true },
      { name: 'alarm', sqlType: 'time(3)', nullable: true },
      { name: 'payload', sqlType: 'varbinary(1024)', nullable: true },
      { name: 'ratio', sqlType: 'double', nullable: true },
      { name: 'tiny', sqlType: 'tinyint(4)', nullable: true },
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
      active: 1,
      born: '2022-01-09',
      at: '2024-01-01 12:30:15.250000',
      alarm: '08:01:05.125000',
      payload: 'dead0100',
      ratio: 1.5,
      tiny: 1,
      status: "status '0' \\ ok",
    });
    expect(rows).toHaveLength(3);
    expect(Object.entries(rows[2]!).filter(([, v]) => v === null).map(([k]) => k)).toEqual(['name', 'born', 'at', 'alarm', 'payload', 'ratio', 'tiny', 'status']);
  });

  it('writes timestamps as wall-clock time in a fixed-offset db.timezone', async () => {
    // Prepare
    const minus3 = dialectFor('mysql', { timezone: 'UTC-03:00' });
    const table = await createOrders('tz');

    // Act
    await execute(minus3.insert(ordersRequest(table, [orderRow(1)])), run);
    const [row] = await readOrders(table);

    // Assess
    expect(row?.['at']).toBe('2024-01-01 09:30:15.250000');
  });

  it('fills schema defaults rendered as literals, backslashes included', async () => {
    // Prepare
    const table = dialect.parseTableId(uniqueName('my_default'));
    created.push(table);
    const columns = [
      { name: 'id', schema: Schemas.INT32 },
      { name: 'note', schema: { ...Schemas.OPTIONAL_STRING, defaultValue: "a\\' OR 1=1; -- '" } },
      { name: 'flag', schema: { ...Schemas.BOOLEAN, defaultValue: true } },
      { name: 'bin', schema: { ...Schemas.BYTES, defaultValue: Uint8Array.of(1, 2) } },
    ];
    await runStatement(dialect.createTable(table, columns, ['id']));

    // Act
    await query(`INSERT INTO ${dialect.quoteTable(table)} (id) VALUES (1)`);
    const rows = rowsOf(await query(`SELECT note, flag, HEX(bin) AS bin FROM ${dialect.quoteTable(table)}`));

    // Assess
    expect(rows).toEqual([{ note: "a\\' OR 1=1; -- '", flag: 1, bin: '0102' }]);
  });

  it('quotes an injection attempt in table and column names into a harmless identifier', async () => {
    // Prepare
    const table = dialect.parseTableId(`${uniqueName('my_inj')}\`; DROP TABLE x; --`);
    created.push(table);
    const columns = [{ name: 'id`); DROP TABLE y; --', schema: Schemas.INT32 }];

    // Act
    await runStatement(dialect.createTable(table, columns, [columns[0]!.name]));
    await execute(dialect.insert({ table, keyColumns: columns, valueColumns: [], rows: [[7]] }), run);
    const described = dialect.parseColumns(rowsOf(await runStatement(dialect.describeTable(table))));
    const count = rowsOf(await query(`SELECT count(*) AS n FROM ${dialect.quoteTable(table)}`));

    // Assess
    expect(described.map((c) => c.name)).toEqual(['id`); DROP TABLE y; --']);
    expect(count).toEqual([{ n: 1 }]);
  });

  it('classifies a refused connection and a lock wait timeout as transient and a syntax error as not', async () => {
    // Prepare
    const table = await createOrders('lock');
    await execute(dialect.insert(ordersRequest(table, [orderRow(1)])), run);
    const other = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' });
    await other.query('SET SESSION innodb_lock_wait_timeout = 1');
    await connection.beginTransaction();
    await query(`SELECT * FROM ${dialect.quoteTable(table)} FOR UPDATE`);

    // Act
    const lockError = await other.execute(`UPDATE ${dialect.quoteTable(table)} SET name = 'x'`).catch((e: unknown) => e);
    await connection.rollback();
    await other.end();
    const refused = await mysql.createConnection({ host: '127.0.0.1', port: 1, user: 'root' }).catch((e: unknown) => e);
    const syntaxError = await query('SELEC 1').catch((e: unknown) => e);

    // Assess
    expect(dialect.isTransient(lockError)).toBe(true);
    expect(dialect.isTransient(refused)).toBe(true);
    expect(dialect.isTransient(syntaxError)).toBe(false);
  });
});
