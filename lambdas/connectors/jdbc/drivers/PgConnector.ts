// PostgreSQL through node-postgres (pg.Client): one client per connection, multi-row statements as bound params.
import type pg from 'pg';
import type { ClientConfig } from 'pg';
import type { ConnectionSpec } from '../config/connectionUrl.js';
import type { Row, SqlConnection, SqlConnector } from './SqlConnection.js';
import { CONNECT_TIMEOUT_MS, LostFlag, quietly } from './connectionLost.js';
import { copyFrom } from './pgCopy.js';
import { tlsOptions } from './tlsOptions.js';

/** `-c search_path=...` for pgJDBC's currentSchema, ahead of the URL's own `options`; spaces escaped as libpq wants. */
function startupOptions(spec: ConnectionSpec): string | undefined {
  const { searchPath, options } = spec.settings;
  const parts = [...(searchPath !== undefined ? [`-c search_path=${searchPath.replace(/([\\ ])/g, '\\$1')}`] : []), ...(options !== undefined ? [options] : [])];
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The pg client settings of a connection spec: TLS, timeouts, keep-alive, search path and startup options of the URL. */
export function pgClientConfig(spec: ConnectionSpec): ClientConfig {
  const { connectTimeoutMs, socketTimeoutMs, tcpKeepAlive } = spec.settings;
  const tls = tlsOptions(spec.settings);
  const options = startupOptions(spec);
  return {
    host: spec.host,
    port: spec.port,
    database: spec.database,
    ...(spec.user !== undefined ? { user: spec.user } : {}),
    ...(spec.password !== undefined ? { password: spec.password } : {}),
    ssl: tls ? { ...(tls.ca !== undefined ? { ca: tls.ca } : {}), ...(tls.cert !== undefined ? { cert: tls.cert } : {}), ...(tls.key !== undefined ? { key: tls.key } : {}), rejectUnauthorized: tls.rejectUnauthorized, ...(tls.verifyIdentity ? {} : { checkServerIdentity: () => undefined }) } : false,
    connectionTimeoutMillis: connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    ...(socketTimeoutMs !== undefined ? { query_timeout: socketTimeoutMs } : {}),
    ...(tcpKeepAlive !== undefined ? { keepAlive: tcpKeepAlive } : {}),
    ...(options !== undefined ? { options } : {}),
    application_name: spec.params['ApplicationName'] ?? spec.applicationName ?? 'sluice',
  };
}

/**
 * Loads pg (on first use), connects a client that flags a lost connection, and runs `setup` on it; the client is
 * closed when connecting or `setup` fails. Shared by the sink's and the source's PostgreSQL connectors.
 */
export async function openPgClient(spec: ConnectionSpec, setup: (client: pg.Client) => Promise<unknown> = async () => undefined): Promise<{ pg: typeof pg; client: pg.Client; lost: LostFlag }> {
  const { default: driver } = await import('pg');
  const client = new driver.Client(pgClientConfig(spec));
  const lost = new LostFlag();
  client.on('error', lost.listener);
  try {
    await client.connect();
    await setup(client);
  } catch (error) {
    await quietly(() => client.end());
    throw error;
  }
  return { pg: driver, client, lost };
}

export class PgConnector implements SqlConnector {
  async connect(spec: ConnectionSpec): Promise<SqlConnection> {
    const { client, lost } = await openPgClient(spec);
    return new PgConnection(client, lost);
  }
}

type PgClient = pg.Client;

class PgConnection implements SqlConnection {
  constructor(
    private readonly client: PgClient,
    private readonly lost: LostFlag,
  ) {}

  async query(sql: string, params: readonly unknown[]): Promise<Row[]> {
    this.lost.check();
    return (await this.client.query(sql, [...params])).rows;
  }

  async execute(sql: string, params: readonly unknown[]): Promise<number> {
    this.lost.check();
    return (await this.client.query(sql, [...params])).rowCount ?? 0;
  }

  async load(sql: string, data: readonly string[]): Promise<number> {
    this.lost.check();
    return copyFrom(this.client, sql, data);
  }

  async executeMany(sql: string, rows: readonly (readonly unknown[])[]): Promise<number> {
    let total = 0;
    for (const row of rows) total += await this.execute(sql, row);
    return total;
  }

  async begin(): Promise<void> {
    await this.execute('BEGIN', []);
  }

  async commit(): Promise<void> {
    await this.execute('COMMIT', []);
  }

  async rollback(): Promise<void> {
    await this.execute('ROLLBACK', []);
  }

  async close(): Promise<void> {
    await quietly(() => this.client.end());
  }
}
