// MySQL and MariaDB through mysql2/promise: `?` placeholders expanded by the driver's escaping (`query`, not
// server-side prepared statements: multi-row statements of every size would fill the server's statement cache),
// multipleStatements off, big numbers and dates as strings.
import type { ConnectionOptions, ResultSetHeader } from 'mysql2/promise';
import type { ConnectionSpec } from '../../runtime/config/connectionUrl.js';
import type { Row, SqlConnection, SqlConnector } from '../../runtime/ports/SqlConnection.js';
import { CONNECT_TIMEOUT_MS, LostFlag, quietly, truthy } from './connectionLost.js';

/** The mysql2 settings of a connection spec: `useSSL=true` / `ssl=true` / `sslMode=REQUIRED` turn TLS on. */
export function mysqlConnectionOptions(spec: ConnectionSpec): ConnectionOptions {
  const p = spec.params;
  const ssl = truthy(p['useSSL']) || truthy(p['ssl']) || truthy(p['sslMode']) || truthy(p['requireSSL']);
  const verify = !/^false$/i.test(p['verifyServerCertificate'] ?? 'true') && !/^required$/i.test(p['sslMode'] ?? '');
  const timeout = Number(p['connectTimeout']);
  return {
    host: spec.host,
    port: spec.port,
    ...(spec.database !== '' ? { database: spec.database } : {}),
    ...(spec.user !== undefined ? { user: spec.user } : {}),
    ...(spec.password !== undefined ? { password: spec.password } : {}),
    ...(ssl ? { ssl: { rejectUnauthorized: verify } } : {}),
    multipleStatements: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    charset: 'utf8mb4',
    connectTimeout: timeout > 0 ? timeout : CONNECT_TIMEOUT_MS,
    // performance_schema.session_connect_attrs shows which pipeline holds a session.
    connectAttributes: { program_name: spec.applicationName ?? 'sluice' },
  };
}

export class MySqlConnector implements SqlConnector {
  async connect(spec: ConnectionSpec): Promise<SqlConnection> {
    const { default: mysql } = await import('mysql2/promise');
    const connection = await mysql.createConnection(mysqlConnectionOptions(spec));
    const lost = new LostFlag();
    connection.on('error', lost.listener);
    return new MySqlConnection(connection, lost);
  }
}

interface MySqlClient {
  query(sql: string, values: unknown[]): Promise<[unknown, unknown]>;
  beginTransaction(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  end(): Promise<void>;
}

class MySqlConnection implements SqlConnection {
  constructor(
    private readonly client: MySqlClient,
    private readonly lost: LostFlag,
  ) {}

  async query(sql: string, params: readonly unknown[]): Promise<Row[]> {
    this.lost.check();
    const [rows] = await this.client.query(sql, [...params]);
    return rows as Row[];
  }

  async execute(sql: string, params: readonly unknown[]): Promise<number> {
    this.lost.check();
    const [header] = await this.client.query(sql, [...params]);
    return (header as ResultSetHeader).affectedRows ?? 0;
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
