// timestamp.granularity and transaction.isolation.mode against real PostgreSQL and MariaDB. Derived from Confluent's
// PostgreSqlSourceDialectIT (timestamp.granularity=nanos_long on a bulk source), the TimestampGranularity enum
// (micros_/nanos_ long, string and ISO datetime string forms) and JdbcSourceConnectorTest
// .testSqlServerIsolationModeIncorrectDialect (SQL_SERVER_SNAPSHOT refused outside SQL Server).
import { describe, expect, it } from 'vitest';
import { PgSourceConnector } from '../../lambdas/connectors/jdbc/drivers/source/PgSourceConnector.js';
import { MySqlSourceConnector } from '../../lambdas/connectors/jdbc/drivers/source/MySqlSourceConnector.js';
import { parseConnectionUrl } from '../../lambdas/connectors/jdbc/config/connectionUrl.js';
import { validateJdbcSource } from '../../lambdas/connectors/jdbc/JdbcSourceConnector.js';
import type { SourceConnector } from '../../lambdas/connectors/jdbc/source/SourceSql.js';
import { MYSQL_URL, PG_URL, soon, useHarness, uniqueName } from './harness.js';

const h = useHarness();

interface Envelope {
  schema: { fields: Array<Record<string, unknown>> };
  payload: Record<string, unknown>;
}

async function pollTs(db: 'pg' | 'my', t: string, granularity: string): Promise<{ schema: unknown; value: unknown; raw: string }> {
  const prefix = `${uniqueName('gr')}-`;
  const name = await h.createPipeline({
    'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
    'connection.url': db === 'pg' ? PG_URL : MYSQL_URL,
    'table.whitelist': t,
    mode: 'bulk',
    'topic.prefix': prefix,
    'timestamp.granularity': granularity,
    'db.timezone': db === 'pg' ? 'Europe/Paris' : 'UTC',
    'poll.interval.ms': '60000',
  });
  const result = await (await h.task(name)).runInvocation(soon());
  expect(result.trace).toBeUndefined();
  const [record] = await h.readTopic(`${prefix}${t}`);
  const e = record!.value as Envelope;
  const { field: _f, ...schema } = e.schema.fields.find((f) => f['field'] === 'ts')!;
  return { schema, value: e.payload['ts'], raw: record!.raw ?? '' };
}

describe('timestamp.granularity', () => {
  it.each([
    ['connect_logical', { type: 'int64', optional: false, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 }, Date.UTC(2024, 4, 1, 10, 30, 45, 123)],
    ['micros_long', { type: 'int64', optional: false }, 1_714_559_445_123_456],
    ['micros_string', { type: 'string', optional: false }, '1714559445123456'],
    ['nanos_string', { type: 'string', optional: false }, '1714559445123456000'],
    ['micros_iso_datetime_string', { type: 'string', optional: false }, '2024-05-01T12:30:45.123456'],
    ['nanos_iso_datetime_string', { type: 'string', optional: false }, '2024-05-01T12:30:45.123456000'],
  ])('PostgreSQL %s', async (granularity, schema, value) => {
    // Prepare: wall clock 12:30:45.123456 in Europe/Paris (UTC+2) = 10:30:45.123456 UTC.
    const t = uniqueName('gran');
    h.dropAfter('pg', t);
    await h.pg.query(`CREATE TABLE ${t} (id int PRIMARY KEY, ts timestamp(6) NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1, '2024-05-01 12:30:45.123456')`);

    // Act
    const got = await pollTs('pg', t, granularity);

    // Assess
    expect(got.schema).toEqual(schema);
    expect(got.value).toEqual(value);
  });

  it('MariaDB nanos_long: epoch nanoseconds as an exact INT64 (beyond 2^53)', async () => {
    // Prepare
    const t = uniqueName('granmy');
    h.dropAfter('my', t);
    await h.my.query(`CREATE TABLE ${t} (id int PRIMARY KEY, ts DATETIME(6) NOT NULL)`);
    await h.my.query(`INSERT INTO ${t} VALUES (1, '2024-05-01 12:30:45.123456')`);

    // Act
    const got = await pollTs('my', t, 'nanos_long');

    // Assess: 12:30:45.123456 read in db.timezone=UTC.
    expect(got.schema).toEqual({ type: 'int64', optional: false });
    expect(got.raw).toContain('"ts":1714566645123456000');
  });
});

describe('transaction.isolation.mode', () => {
  it.each<[string, SourceConnector, string, string]>([
    ['PostgreSQL', new PgSourceConnector(), PG_URL, "SELECT current_setting('transaction_isolation')"],
    ['MariaDB', new MySqlSourceConnector(), MYSQL_URL, 'SELECT @@session.tx_isolation'],
  ])('%s: the source session runs at the configured level', async (_, connector, url, show) => {
    // Act
    const connection = await connector.connect(parseConnectionUrl(url), { timezone: 'UTC', isolation: 'SERIALIZABLE' });
    const levels = await connection.select(show, []).finally(() => connection.close());

    // Assess
    expect(String(levels.rows[0]![0]).toUpperCase().replace(/[-_ ]/g, '')).toBe('SERIALIZABLE');
  });

  it('refuses SQL_SERVER_SNAPSHOT outside SQL Server, and levels Oracle lacks', () => {
    // Act
    const mysql = validateJdbcSource({ 'connection.url': 'jdbc:mysql://h/db', mode: 'bulk', 'table.whitelist': 't', 'transaction.isolation.mode': 'SQL_SERVER_SNAPSHOT' });
    const oracle = validateJdbcSource({ 'connection.url': 'jdbc:oracle:thin:@//h:1521/S', mode: 'bulk', 'table.whitelist': 't', 'transaction.isolation.mode': 'REPEATABLE_READ' });

    // Assess
    expect(mysql.get('transaction.isolation.mode')).toEqual(['Isolation mode of `SQL_SERVER_SNAPSHOT` can only be configured with a Sql Server Dialect']);
    expect(oracle.get('transaction.isolation.mode')).toEqual([expect.stringMatching(/not supported by Oracle/)]);
  });
});
