// connection.url parameters honoured against the real PostgreSQL and MariaDB. Confluent's "JDBC Sink Connector
// Configuration Properties" doc ("Database Connection Security"): driver settings such as TLS are given in
// connection.url, and the driver applies them; here Sluice's adapters apply them in the driver's stead.
import { afterAll, describe, expect, it } from 'vitest';
import { MySqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/MySqlConnector.js';
import { PgConnector } from '../../../../lambdas/connectors/jdbc/drivers/PgConnector.js';
import { parseConnectionUrl } from '../../../../lambdas/connectors/jdbc/config/connectionUrl.js';
import type { SqlConnection, SqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/SqlConnection.js';
import { JdbcDbWriter } from '../../../../lambdas/connectors/jdbc/sink/JdbcDbWriter.js';
import { order, sinkConfig, uniqueTable } from '../sink/fixtures.js';

const PG = 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres';
const MY = 'jdbc:mariadb://127.0.0.1:3306/test?user=root';

async function withConnection<T>(connector: SqlConnector, url: string, run: (c: SqlConnection) => Promise<T>): Promise<T> {
  const connection = await connector.connect(parseConnectionUrl(url));
  try {
    return await run(connection);
  } finally {
    await connection.close();
  }
}

describe('connection.url parameters on PostgreSQL (pgJDBC names)', () => {
  const pg = new PgConnector();
  const schema = uniqueTable('cs');
  afterAll(async () => {
    await withConnection(pg, PG, (c) => c.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`, []));
  });

  it('currentSchema: the sink auto-creates and writes its table in that schema, not in public', async () => {
    // Prepare
    await withConnection(pg, PG, (c) => c.execute(`CREATE SCHEMA "${schema}"`, []));
    const table = uniqueTable('orders');
    const writer = new JdbcDbWriter(sinkConfig(`${PG}&currentSchema=${schema}`, { 'auto.create': 'true', 'pk.mode': 'record_key', 'insert.mode': 'upsert' }), pg);

    // Act
    try {
      await writer.write([order(table, 1, 'a')]);
    } finally {
      await writer.close();
    }

    // Assess
    const where = await withConnection(pg, PG, (c) => c.query('SELECT table_schema FROM information_schema.tables WHERE table_name = $1', [table]));
    expect(where).toEqual([{ table_schema: schema }]);
    expect(await withConnection(pg, PG, (c) => c.query(`SELECT id, name FROM "${schema}"."${table}"`, []))).toEqual([{ id: 1, name: 'a' }]);
  });

  it('ApplicationName and options reach the session', async () => {
    // Act
    const [row] = await withConnection(pg, `${PG}&ApplicationName=etl-orders&options=-c%20statement_timeout%3D4321`, (c) =>
      c.query("SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout", []),
    );

    // Assess
    expect(row).toEqual({ app: 'etl-orders', timeout: '4321ms' });
  });

  it('socketTimeout (seconds) fails a statement that runs longer', async () => {
    // Act / Assess
    await expect(withConnection(pg, `${PG}&socketTimeout=1`, (c) => c.query('SELECT pg_sleep(3)', []))).rejects.toThrow(/timeout/i);
  });

  it('sslmode=require insists on TLS: a server without it is refused rather than used in clear', async () => {
    // Prepare: the local server has ssl=off.
    const [ssl] = await withConnection(pg, PG, (c) => c.query('SHOW ssl', []));
    expect(ssl).toEqual({ ssl: 'off' });

    // Act / Assess
    await expect(withConnection(pg, `${PG}&sslmode=require`, async () => undefined)).rejects.toThrow(/does not support SSL/);
  });
});

describe('connection.url parameters on MariaDB (Connector/J names)', () => {
  const my = new MySqlConnector();

  it('characterEncoding and serverTimezone set the session character set and time zone', async () => {
    // Act
    const [row] = await withConnection(my, `${MY}&characterEncoding=ISO-8859-1&serverTimezone=GMT%2B2`, (c) => c.query('SELECT @@character_set_client AS cs, @@session.time_zone AS tz', []));

    // Assess
    expect(row).toEqual({ cs: 'latin1', tz: '+02:00' });
  });

  it('socketTimeout (milliseconds) fails a statement that runs longer', async () => {
    // Act / Assess
    await expect(withConnection(my, `${MY}&socketTimeout=500`, (c) => c.query('SELECT SLEEP(3)', []))).rejects.toThrow(/timeout/i);
  });

  it('sslMode=REQUIRED insists on TLS: a server without it is refused', async () => {
    // Prepare: the local server has have_ssl=DISABLED.
    const [ssl] = await withConnection(my, MY, (c) => c.query("SHOW VARIABLES LIKE 'have_ssl'", []));
    expect(ssl).toMatchObject({ Value: 'DISABLED' });

    // Act / Assess
    await expect(withConnection(my, `${MY}&sslMode=REQUIRED`, async () => undefined)).rejects.toThrow(/secure connection|SSL/i);
  });
});
