// No Oracle server exists here: these tests drive OracleConnector (and JdbcDbWriter through it) with a fake
// oracledb connection that records its calls. This is the only Oracle coverage possible in this environment.
import { describe, expect, it } from 'vitest';
import { type OracleConnectionLike, OracleConnector, type OracleDriver } from '../../../../lambdas/connectors/jdbc/drivers/OracleConnector.js';
import { JdbcDbWriter } from '../../../../lambdas/connectors/jdbc/sink/JdbcDbWriter.js';
import { WriteError } from '../../../../lambdas/connectors/jdbc/sink/errors.js';
import { order, sinkConfig } from '../sink/fixtures.js';

interface FakeCall {
  readonly method: string;
  readonly sql?: string;
  readonly binds?: unknown;
  readonly options?: Record<string, unknown>;
}

const TYPES = { STRING: 'VARCHAR', NUMBER: 'NUMBER', BUFFER: 'RAW', DATE: 'DATE' } as const;

/** A fake driver: describe queries return `columns`; `failOn` makes executeMany throw that error. */
function fakeDriver(options: { columns?: unknown[]; failOn?: Error } = {}): { driver: () => Promise<OracleDriver>; calls: FakeCall[]; attributes: unknown[] } {
  const calls: FakeCall[] = [];
  const attributes: unknown[] = [];
  const connection: OracleConnectionLike = {
    async execute(sql, binds, opts) {
      calls.push({ method: 'execute', sql, binds, options: opts });
      return /ALL_TAB_COLUMNS|USER_TAB_COLUMNS/.test(sql) ? { rows: options.columns ?? [] } : { rowsAffected: 0 };
    },
    async executeMany(sql, binds, opts) {
      calls.push({ method: 'executeMany', sql, binds, options: opts });
      if (options.failOn) throw options.failOn;
      return { rowsAffected: binds.length };
    },
    async commit() {
      calls.push({ method: 'commit' });
    },
    async rollback() {
      calls.push({ method: 'rollback' });
    },
    async close() {
      calls.push({ method: 'close' });
    },
  };
  const driver: OracleDriver = {
    async getConnection(attrs) {
      attributes.push(attrs);
      return connection;
    },
    types: TYPES,
    outFormatObject: 4002,
  };
  return { driver: async () => driver, calls, attributes };
}

const ORDERS_COLUMNS = [
  { COLUMN_NAME: 'id', DATA_TYPE: 'NUMBER', NULLABLE: 'N', DATA_PRECISION: 10, DATA_SCALE: 0 },
  { COLUMN_NAME: 'name', DATA_TYPE: 'VARCHAR2', NULLABLE: 'N', DATA_PRECISION: null, DATA_SCALE: null },
  { COLUMN_NAME: 'qty', DATA_TYPE: 'NUMBER', NULLABLE: 'Y', DATA_PRECISION: 19, DATA_SCALE: 0 },
];
const URL = 'jdbc:oracle:thin:@//db.example.com:1521/ORCLPDB1';

describe('OracleConnector with a fake oracledb', () => {
  it('connects in thin mode with user, password and the Easy Connect string', async () => {
    // Prepare
    const fake = fakeDriver();
    const config = sinkConfig(URL, { 'connection.user': 'scott', 'connection.password': 'tiger' });

    // Act
    await new OracleConnector(fake.driver).connect(config.connection);

    // Assess
    expect(fake.attributes).toEqual([{ user: 'scott', password: 'tiger', connectString: 'db.example.com:1521/ORCLPDB1', connectTimeout: 10 }]);
  });

  it('upserts through one MERGE executeMany with bind rows and bindDefs, autoCommit false, then commits', async () => {
    // Prepare
    const fake = fakeDriver({ columns: ORDERS_COLUMNS });
    const writer = new JdbcDbWriter(sinkConfig(URL, { 'insert.mode': 'upsert', 'pk.mode': 'record_key' }), new OracleConnector(fake.driver));

    // Act
    const result = await writer.write([order('orders', 1, 'a', 5), order('orders', 2, 'bé', null), order('orders', 1, 'a2', 6)]);

    // Assess
    const writes = fake.calls.filter((c) => c.method !== 'execute');
    expect(writes).toEqual([
      {
        method: 'executeMany',
        sql:
          'MERGE INTO "orders" USING (SELECT :1 "id", :2 "name", :3 "qty" FROM dual) incoming ON ("orders"."id"=incoming."id")' +
          ' WHEN MATCHED THEN UPDATE SET "orders"."name"=incoming."name","orders"."qty"=incoming."qty"' +
          ' WHEN NOT MATCHED THEN INSERT ("orders"."id","orders"."name","orders"."qty") VALUES (incoming."id",incoming."name",incoming."qty")',
        binds: [
          [2, 'bé', null],
          [1, 'a2', 6],
        ],
        options: { autoCommit: false, bindDefs: [{ type: 'NUMBER' }, { type: 'VARCHAR', maxSize: 3 }, { type: 'NUMBER' }] },
      },
      { method: 'commit' },
    ]);
    expect(result.written).toBe(3);
  });

  it('rolls back and throws a non-retriable WriteError when executeMany fails', async () => {
    // Prepare
    const failure = Object.assign(new Error('ORA-00001: unique constraint (SCOTT.PK) violated'), { code: 'ORA-00001' });
    const fake = fakeDriver({ columns: ORDERS_COLUMNS, failOn: failure });
    const writer = new JdbcDbWriter(sinkConfig(URL, { 'pk.mode': 'record_key' }), new OracleConnector(fake.driver));

    // Act
    const error = await writer.write([order('orders', 1, 'a')]).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).retriable).toBe(false);
    expect((error as WriteError).cause).toBe(failure);
    expect(fake.calls.filter((c) => c.method !== 'execute').map((c) => c.method)).toEqual(['executeMany', 'rollback']);
  });

  it('marks a lost connection retriable and closes it so the next write reconnects', async () => {
    // Prepare
    const failure = Object.assign(new Error('NJS-500: connection to the Oracle Database was broken'), { code: 'NJS-500' });
    const fake = fakeDriver({ columns: ORDERS_COLUMNS, failOn: failure });
    const writer = new JdbcDbWriter(sinkConfig(URL, { 'pk.mode': 'record_key' }), new OracleConnector(fake.driver));

    // Act
    const error = await writer.write([order('orders', 1, 'a')]).catch((e: unknown) => e);

    // Assess
    expect((error as WriteError).retriable).toBe(true);
    expect(fake.calls.filter((c) => c.method !== 'execute').map((c) => c.method)).toEqual(['executeMany', 'rollback', 'close']);
  });

  it('binds a column mixing numbers and numeric text (INT64 beyond 2^53) as text', async () => {
    // Prepare
    const fake = fakeDriver();
    const connection = await new OracleConnector(fake.driver).connect(sinkConfig(URL).connection);

    // Act
    await connection.executeMany('INSERT INTO "t" ("n","b") VALUES (:1,:2)', [
      [1, null],
      ['9007199254740993', Buffer.from('abc')],
    ]);

    // Assess
    expect(fake.calls[0]).toMatchObject({
      binds: [
        ['1', null],
        ['9007199254740993', Buffer.from('abc')],
      ],
      options: { autoCommit: false, bindDefs: [{ type: 'VARCHAR', maxSize: 16 }, { type: 'RAW', maxSize: 3 }] },
    });
  });
});
