// MySQL and MariaDB through mysql2/promise: `?` placeholders expanded by the driver's escaping (`query`, not
// server-side prepared statements: multi-row statements of every size would fill the server's statement cache),
// multipleStatements off, big numbers and dates as strings.
import type { Connection, ConnectionOptions, QueryOptions, ResultSetHeader } from 'mysql2/promise';
import type { ConnectionSpec } from '../config/connectionUrl.js';
import type { Row, SqlConnection, SqlConnector } from './SqlConnection.js';
import { CONNECT_TIMEOUT_MS, LostFlag, quietly } from './connectionLost.js';
import { loadDataLocal } from './mysqlLoadData.js';
import { tlsOptions } from './tlsOptions.js';

/** The mysql2 settings of a connection spec: TLS, connect timeout, keep-alive and character set of the URL. */
export function mysqlConnectionOptions(spec: ConnectionSpec): ConnectionOptions {
  const { connectTimeoutMs, tcpKeepAlive, charset } = spec.settings;
  const tls = tlsOptions(spec.settings);
  return {
    host: spec.host,
    port: spec.port,
    ...(spec.database !== '' ? { database: spec.database } : {}),
    ...(spec.user !== undefined ? { user: spec.user } : {}),
    ...(spec.password !== undefined ? { password: spec.password } : {}),
    ...(tls ? { ssl: { ...(tls.ca !== undefined ? { ca: tls.ca } : {}), rejectUnauthorized: tls.rejectUnauthorized, verifyIdentity: tls.verifyIdentity } } : {}),
    multipleStatements: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    charset: charset ?? 'utf8mb4',
    connectTimeout: connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    ...(tcpKeepAlive === false ? { enableKeepAlive: false } : {}),
    // performance_schema.session_connect_attrs shows which pipeline holds a session.
    connectAttributes: { program_name: spec.applicationName ?? 'sluice' },
  };
}

/** `SET time_zone` value of a zone id: fixed offsets always work; named zones need the server's time zone tables. */
export function mysqlTimeZone(zone: string): string {
  const z = zone.trim();
  if (['UTC', 'Z', 'GMT', 'Etc/UTC'].includes(z)) return '+00:00';
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  return fixed ? `${fixed[1]}${fixed[2]!.padStart(2, '0')}:${fixed[3] ?? '00'}` : z;
}

/**
 * Opens a mysql2 connection that flags a lost connection, sets the session time zone of the URL's serverTimezone
 * (as Connector/J's forceConnectionTimeZoneToSession), and runs `setup`; closed when either fails. Shared by the
 * sink's and the source's MySQL connectors.
 */
export async function openMySqlConnection(spec: ConnectionSpec, setup: (c: Connection) => Promise<unknown> = async () => undefined): Promise<{ connection: Connection; lost: LostFlag }> {
  const { default: mysql } = await import('mysql2/promise');
  const connection = await mysql.createConnection(mysqlConnectionOptions(spec));
  const lost = new LostFlag();
  connection.on('error', lost.listener);
  try {
    if (spec.settings.timeZone !== undefined) await connection.query('SET time_zone = ?', [mysqlTimeZone(spec.settings.timeZone)]);
    await setup(connection);
  } catch (error) {
    await quietly(() => connection.end());
    throw error;
  }
  return { connection, lost };
}

export class MySqlConnector implements SqlConnector {
  async connect(spec: ConnectionSpec): Promise<SqlConnection> {
    const { connection, lost } = await openMySqlConnection(spec);
    return new MySqlConnection(connection, lost, spec.settings.socketTimeoutMs);
  }
}

interface MySqlClient {
  query(options: QueryOptions, values: unknown[]): Promise<[unknown, unknown]>;
  beginTransaction(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  end(): Promise<void>;
}

class MySqlConnection implements SqlConnection {
  constructor(
    private readonly client: MySqlClient,
    private readonly lost: LostFlag,
    /** Connector/J socketTimeout: a statement that runs longer fails (mysql2 then closes the connection). */
    private readonly timeoutMs: number | undefined,
  ) {}

  private options(sql: string): QueryOptions {
    return this.timeoutMs !== undefined ? { sql, timeout: this.timeoutMs } : { sql };
  }

  async query(sql: string, params: readonly unknown[]): Promise<Row[]> {
    this.lost.check();
    const [rows] = await this.client.query(this.options(sql), [...params]);
    return rows as Row[];
  }

  async execute(sql: string, params: readonly unknown[]): Promise<number> {
    this.lost.check();
    const [header] = await this.client.query(this.options(sql), [...params]);
    return (header as ResultSetHeader).affectedRows ?? 0;
  }

  async load(sql: string, data: readonly string[]): Promise<number> {
    this.lost.check();
    return loadDataLocal(this.client, sql, data, this.timeoutMs);
  }

  async executeMany(sql: string, rows: readonly (readonly unknown[])[]): Promise<number> {
    let total = 0;
    for (const row of rows) total += await this.execute(sql, row);
    return total;
  }

  async begin(): Promise<void> {
    this.lost.check();
    await this.client.beginTransaction();
  }

  async commit(): Promise<void> {
    this.lost.check();
    await this.client.commit();
  }

  async rollback(): Promise<void> {
    this.lost.check();
    await this.client.rollback();
  }

  async close(): Promise<void> {
    await quietly(() => this.client.end());
  }
}
