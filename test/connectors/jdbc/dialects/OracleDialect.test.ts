// Golden SQL and binds of the Oracle dialect. There is no Oracle server in this environment, so these tests
// assert the generated text and binds only; nothing here has been executed against Oracle.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import { dateSchema, decimalSchema, Schemas, schema, timeSchema, timestampSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { dialectFor, type WriteRequest } from '../../../../lambdas/connectors/jdbc/dialects/index.js';

const ora = dialectFor('oracle');
const table = ora.parseTableId('T');
const request: WriteRequest = {
  table,
  keyColumns: [{ name: 'id', schema: Schemas.INT32 }],
  valueColumns: [
    { name: 'name', schema: Schemas.OPTIONAL_STRING },
    { name: 'at', schema: timestampSchema() },
  ],
  rows: [
    [1, 'a', new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999))],
    [2, null, new Date(0)],
  ],
};

describe('OracleDialect writes', () => {
  it('inserts with one :n statement and an array of bind rows (executeMany), timestamps through TO_TIMESTAMP', () => {
    expect(ora.placeholderStyle).toBe('colon');
    expect(ora.insert(request)).toEqual([
      {
        kind: 'perRow',
        sql: `INSERT INTO "T" ("id","name","at") VALUES (:1,:2,TO_TIMESTAMP(:3,'YYYY-MM-DD HH24:MI:SS.FF'))`,
        rows: [
          [1, 'a', '2024-02-29 23:59:59.999'],
          [2, null, '1970-01-01 00:00:00.000'],
        ],
        rowCount: 2,
      },
    ]);
  });

  it('upserts with MERGE … USING (SELECT … FROM dual) incoming', () => {
    expect(ora.upsert(request)[0]?.sql).toBe(
      `MERGE INTO "T" USING (SELECT :1 "id", :2 "name", TO_TIMESTAMP(:3,'YYYY-MM-DD HH24:MI:SS.FF') "at" FROM dual) incoming ON ("T"."id"=incoming."id")` +
        ` WHEN MATCHED THEN UPDATE SET "T"."name"=incoming."name","T"."at"=incoming."at"` +
        ` WHEN NOT MATCHED THEN INSERT ("T"."id","T"."name","T"."at") VALUES (incoming."id",incoming."name",incoming."at")`,
    );
  });

  it('upserts without WHEN MATCHED when every column is a key', () => {
    const keysOnly = { ...request, keyColumns: [...request.keyColumns, { name: 'k2', schema: Schemas.STRING }], valueColumns: [], rows: [[1, 'x']] };
    expect(ora.upsert(keysOnly)[0]).toEqual({
      kind: 'perRow',
      sql:
        `MERGE INTO "T" USING (SELECT :1 "id", :2 "k2" FROM dual) incoming ON ("T"."id"=incoming."id" AND "T"."k2"=incoming."k2")` +
        ` WHEN NOT MATCHED THEN INSERT ("T"."id","T"."k2") VALUES (incoming."id",incoming."k2")`,
      rows: [[1, 'x']],
      rowCount: 1,
    });
  });

  it('updates and deletes per row with key predicates', () => {
    expect(ora.update(request)[0]?.sql).toBe(`UPDATE "T" SET "name"=:1,"at"=TO_TIMESTAMP(:2,'YYYY-MM-DD HH24:MI:SS.FF') WHERE "id"=:3`);
    const keyColumns = [...request.keyColumns, { name: 'k2', schema: Schemas.STRING }];
    expect(ora.delete({ table, keyColumns, rows: [[1, 'a'], [2, 'b']], maxRows: 1 })).toEqual([
      { kind: 'perRow', sql: 'DELETE FROM "T" WHERE "id"=:1 AND "k2"=:2', rows: [[1, 'a']], rowCount: 1 },
      { kind: 'perRow', sql: 'DELETE FROM "T" WHERE "id"=:1 AND "k2"=:2', rows: [[2, 'b']], rowCount: 1 },
    ]);
  });

  it('binds booleans as 1/0, decimals as text and dates through TO_DATE', () => {
    const s = [{ name: 'b', schema: Schemas.BOOLEAN }, { name: 'd', schema: decimalSchema(2) }, { name: 'day', schema: dateSchema() }, { name: 't', schema: timeSchema() }];
    const [statement] = ora.insert({ table, keyColumns: s, valueColumns: [], rows: [[true, new Decimal(5n, 2), 19_000, 3_723_004]] });
    expect(statement?.sql).toBe(`INSERT INTO "T" ("b","d","day","t") VALUES (:1,:2,TO_DATE(:3,'YYYY-MM-DD'),TO_DATE(:4,'YYYY-MM-DD HH24:MI:SS'))`);
    expect(statement?.kind === 'perRow' && statement.rows).toEqual([[1, '0.05', '2022-01-08', '1970-01-01 01:02:03']]);
  });
});

describe('OracleDialect DDL', () => {
  it('creates a table with Oracle types and defaults', () => {
    const columns = [
      { name: 'id', schema: Schemas.INT64 },
      { name: 'name', schema: schema('STRING', { optional: true, defaultValue: "O'Brien" }) },
      { name: 'ok', schema: schema('BOOLEAN', { defaultValue: true }) },
      { name: 'day', schema: dateSchema({ defaultValue: new Date(0) }) },
      { name: 'at', schema: timestampSchema({ defaultValue: new Date(1_500) }) },
      { name: 'raw', schema: schema('BYTES', { optional: true, defaultValue: Uint8Array.of(0xab) }) },
      { name: 'amount', schema: decimalSchema(4, { optional: true }) },
    ];
    expect(ora.createTable(table, columns, ['id']).sql).toBe(
      [
        'CREATE TABLE "T" (',
        '"id" NUMBER(19,0) NOT NULL,',
        `"name" VARCHAR2(4000) DEFAULT 'O''Brien' NULL,`,
        '"ok" NUMBER(1,0) DEFAULT 1 NOT NULL,',
        `"day" DATE DEFAULT DATE '1970-01-01' NOT NULL,`,
        `"at" TIMESTAMP DEFAULT TIMESTAMP '1970-01-01 00:00:01.500' NOT NULL,`,
        `"raw" BLOB DEFAULT HEXTORAW('AB') NULL,`,
        '"amount" NUMBER(*,4) NULL,',
        'PRIMARY KEY("id"))',
      ].join('\n'),
    );
  });

  it('adds columns in one ADD(…) list', () => {
    const columns = [
      { name: 'a', schema: Schemas.OPTIONAL_FLOAT32 },
      { name: 'b', schema: Schemas.OPTIONAL_FLOAT64 },
    ];
    expect(ora.alterTableAddColumns(table, columns).sql).toBe('ALTER TABLE "T" ADD("a" BINARY_FLOAT NULL,\n"b" BINARY_DOUBLE NULL)');
  });
});

describe('OracleDialect metadata, source queries and errors', () => {
  it('describes through USER_TAB_COLUMNS, or ALL_TAB_COLUMNS with an owner; never upper-cases', () => {
    expect(ora.describeTable(table)).toEqual({
      sql: 'SELECT COLUMN_NAME, DATA_TYPE, NULLABLE, DATA_PRECISION, DATA_SCALE FROM USER_TAB_COLUMNS WHERE TABLE_NAME = :1 ORDER BY COLUMN_ID',
      params: ['T'],
    });
    const never = dialectFor('oracle', { quoteIdentifiers: 'never' });
    expect(never.describeTable(never.parseTableId('app.orders'))).toEqual({
      sql: 'SELECT COLUMN_NAME, DATA_TYPE, NULLABLE, DATA_PRECISION, DATA_SCALE FROM ALL_TAB_COLUMNS WHERE OWNER = :1 AND TABLE_NAME = :2 ORDER BY COLUMN_ID',
      params: ['APP', 'ORDERS'],
    });
    expect(ora.parseColumns([['ID', 'NUMBER', 'N', 19, 0], { COLUMN_NAME: 'NAME', DATA_TYPE: 'VARCHAR2', NULLABLE: 'Y', DATA_PRECISION: null, DATA_SCALE: null }])).toEqual([
      { name: 'ID', sqlType: 'NUMBER(19,0)', nullable: false },
      { name: 'NAME', sqlType: 'VARCHAR2', nullable: true },
    ]);
  });

  it('builds source queries with TO_TIMESTAMP binds at nanosecond precision and FETCH FIRST', () => {
    const q = ora.sourceQuery({ mode: 'timestamp+incrementing', table, timestampColumns: ['at'], incrementingColumn: 'id', limit: 100 });
    const ts = `TO_TIMESTAMP(:2,'YYYY-MM-DD HH24:MI:SS.FF')`;
    expect(q.sql).toBe(
      `SELECT * FROM "T" WHERE "T"."at" < TO_TIMESTAMP(:1,'YYYY-MM-DD HH24:MI:SS.FF') AND (("T"."at" = ${ts} AND "T"."id" > :3)` +
        ` OR "T"."at" > TO_TIMESTAMP(:4,'YYYY-MM-DD HH24:MI:SS.FF')) ORDER BY "T"."at","T"."id" ASC FETCH FIRST :5 ROWS ONLY`,
    );
    expect(ora.sourceBinds(q, { endTimestamp: new Date(2_000), lastTimestamp: new Date(1_000), lastTimestampNanos: 123_456_789 })).toEqual([
      '1970-01-01 00:00:02.000000000',
      '1970-01-01 00:00:01.123456789',
      -1,
      '1970-01-01 00:00:01.123456789',
      100,
    ]);
    expect(ora.sourceQuery({ mode: 'bulk', query: 'SELECT a FROM b' }).sql).toBe('SELECT a FROM b');
    expect(ora.currentTimestampQuery().sql).toBe('select CURRENT_TIMESTAMP from dual');
  });

  it('classifies ORA-00060, lost connections and NJS-500/503 as transient, by code or message', () => {
    for (const code of ['ORA-00060', 'ORA-03113', 'ORA-03114', 'ORA-12541', 'ORA-12170', 'NJS-500', 'NJS-503', 'ETIMEDOUT']) {
      expect(ora.isTransient(Object.assign(new Error('x'), { code })), code).toBe(true);
    }
    expect(ora.isTransient(new Error('ORA-00060: deadlock detected while waiting for resource'))).toBe(true);
    expect(ora.isTransient(Object.assign(new Error('ORA-00001: unique constraint violated'), { code: 'ORA-00001' }))).toBe(false);
  });
});

describe('OracleDialect structure changes', () => {
  it('knows a dropped table or column (ORA-00942, ORA-00904) and nothing else as a stale structure', () => {
    // Act / Assess
    expect(ora.isStaleStructure(new Error('ORA-00942: table or view does not exist'))).toBe(true);
    expect(ora.isStaleStructure(Object.assign(new Error('x'), { code: 'ORA-00904' }))).toBe(true);
    expect(ora.isStaleStructure(new Error('ORA-00001: unique constraint violated'))).toBe(false);
  });

  it('widens an integer column to an unconstrained NUMBER', () => {
    // Act / Assess
    expect(ora.widenToDecimal(table, { name: 'amount', sqlType: 'NUMBER(19,0)', nullable: true }).sql).toBe('ALTER TABLE "T" MODIFY ("amount" NUMBER)');
  });

  it('binds a timestamp.fields.list value with its nanoseconds through TO_TIMESTAMP', () => {
    // Prepare
    const epoch = { ...Schemas.INT64, name: 'io.sluice.jdbc.EpochTimestamp', parameters: { unit: 'nanoseconds' } };

    // Act
    const [statement] = ora.insert({ table, keyColumns: [], valueColumns: [{ name: 'at', schema: epoch }], rows: [[1_709_214_330_123_456_789n]] });

    // Assess
    expect(statement).toMatchObject({ kind: 'perRow', rows: [['2024-02-29 13:45:30.123456789']] });
    expect(statement!.sql).toContain("TO_TIMESTAMP(:1,'YYYY-MM-DD HH24:MI:SS.FF')");
  });
});
