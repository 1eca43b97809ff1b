// Oracle has no server here: a fake node-oracledb connection records the SQL and binds the source issues, and
// returns canned result sets shaped like oracledb's (metaData + array rows).
import { describe, expect, it } from 'vitest';
import { OracleSourceConnector, type OracleSourceConnectionLike, type OracleSourceDriver } from '../../../../../lambdas/connectors/jdbc/drivers/source/OracleSourceConnector.js';
import { dialectFor } from '../../../../../lambdas/connectors/jdbc/dialects/index.js';
import { zoneOf } from '../../../../../lambdas/connectors/jdbc/dialects/temporal.js';
import { parseJdbcSourceConfig } from '../../../../../lambdas/connectors/jdbc/source/JdbcSourceConfig.js';
import { buildQueriers } from '../../../../../lambdas/connectors/jdbc/source/startQueriers.js';

interface Call {
  sql: string;
  binds: unknown[];
  options: Record<string, unknown>;
}

function fakeDriver(answer: (sql: string) => { rows: unknown[][]; metaData: Array<Record<string, unknown>> }): { driver: OracleSourceDriver; calls: Call[] } {
  const calls: Call[] = [];
  const connection: OracleSourceConnectionLike = {
    execute: async (sql, binds, options) => {
      calls.push({ sql, binds, options });
      return answer(sql) as unknown as Awaited<ReturnType<OracleSourceConnectionLike['execute']>>;
    },
    close: async () => {},
  };
  return { driver: { getConnection: async () => connection, outFormatArray: 4001, STRING: 'STRING', BUFFER: 'BUFFER' }, calls };
}

const config = parseJdbcSourceConfig({
  name: 'ora',
  'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
  'connection.url': 'jdbc:oracle:thin:@db.example.com:1521/ORCLPDB1',
  'connection.user': 'APP',
  mode: 'timestamp+incrementing',
  'table.whitelist': 'ORDERS',
  'timestamp.column.name': 'UPDATED_AT',
  'incrementing.column.name': 'ID',
  'batch.max.rows': '50',
});

describe('OracleSourceConnector', () => {
  it('discovers tables through ALL_TABLES, describes columns and issues the timestamp+incrementing query with TO_TIMESTAMP binds', async () => {
    // Prepare
    const { driver, calls } = fakeDriver((sql) => {
      if (sql.includes('ALL_TABLES')) return { rows: [['APP', 'ORDERS'], ['APP', 'OTHER']], metaData: [{ name: 'OWNER' }, { name: 'TABLE_NAME' }] };
      if (sql.includes('ALL_TAB_COLUMNS'))
        return {
          rows: [
            ['ID', 'NUMBER', 'N', 10, 0],
            ['UPDATED_AT', 'TIMESTAMP(6)', 'N', null, null],
            ['AMOUNT', 'NUMBER', 'Y', 10, 2],
          ],
          metaData: [],
        };
      return {
        rows: [[7, new Date(2024, 4, 1, 12, 30, 45, 123), '12.50']],
        metaData: [
          { name: 'ID', dbTypeName: 'NUMBER', nullable: false, precision: 10, scale: 0 },
          { name: 'UPDATED_AT', dbTypeName: 'TIMESTAMP', nullable: false },
          { name: 'AMOUNT', dbTypeName: 'NUMBER', nullable: true, precision: 10, scale: 2 },
        ],
      };
    });
    const conn = await new OracleSourceConnector(async () => driver).connect(config.connection, { timezone: 'UTC' });
    const dialect = dialectFor('oracle', {});

    // Act
    const [querier] = await buildQueriers(conn, dialect, config, zoneOf('UTC'));
    querier!.commit({ incrementing: 5, timestampMs: Date.UTC(2024, 0, 1), timestampNanos: 0 });
    const batch = await querier!.poll(conn, { ms: Date.UTC(2024, 5, 1), nanos: 0 });

    // Assess
    expect(calls[0]!.sql).toContain('FROM ALL_TABLES WHERE OWNER = COALESCE(:1');
    expect(calls[0]!.binds).toEqual([null]);
    expect(calls[1]!.sql).toMatch(/ALL_TAB_COLUMNS/);
    const query = calls[2]!;
    expect(query.sql).toBe(
      'SELECT * FROM "APP"."ORDERS" WHERE "APP"."ORDERS"."UPDATED_AT" < TO_TIMESTAMP(:1,\'YYYY-MM-DD HH24:MI:SS.FF\') AND (("APP"."ORDERS"."UPDATED_AT" = TO_TIMESTAMP(:2,\'YYYY-MM-DD HH24:MI:SS.FF\') AND "APP"."ORDERS"."ID" > :3) OR "APP"."ORDERS"."UPDATED_AT" > TO_TIMESTAMP(:4,\'YYYY-MM-DD HH24:MI:SS.FF\')) ORDER BY "APP"."ORDERS"."UPDATED_AT","APP"."ORDERS"."ID" ASC FETCH FIRST :5 ROWS ONLY',
    );
    expect(query.binds).toEqual(['2024-06-01 00:00:00.000000000', '2024-01-01 00:00:00.000000000', 5, '2024-01-01 00:00:00.000000000', 50]);
    expect(query.options['outFormat']).toBe(4001);
    expect(querier!.partition).toEqual({ protocol: '1', table: 'APP.ORDERS' });
    expect(batch.next).toEqual({ incrementing: 7, timestampMs: Date.UTC(2024, 4, 1, 12, 30, 45, 123), timestampNanos: 123_000_000 });
    const value = batch.records[0]!.value as { get(n: string): unknown };
    expect(value.get('AMOUNT')?.toString()).toBe('12.50');
  });
});
