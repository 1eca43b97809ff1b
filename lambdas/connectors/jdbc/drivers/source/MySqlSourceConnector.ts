// The JDBC source's reader on mysql2: rows as arrays (rowsAsArray) and the column metadata of the field packets
// (type code, NOT_NULL / UNSIGNED flags, length, decimals, binary charset). Dates stay text (dateStrings), big
// integers and decimals text, JSON its text. The session time zone is db.timezone, as TIMESTAMP columns are
// converted to it.
import type { ConnectionSpec } from '../../config/connectionUrl.js';
import { isolationLevelSql, type JdbcType, type ResultColumn, type ResultSet, type SourceConnection, type SourceConnector, type SourceConnectOptions } from '../../source/SourceSql.js';
import { type LostFlag, quietly } from '../connectionLost.js';
import { mysqlTimeZone, openMySqlConnection } from '../MySqlConnector.js';

/** The field-packet members this adapter reads (mysql2's FieldPacket). */
export interface MySqlField {
  readonly name: string;
  readonly columnType?: number;
  readonly flags?: number | string[];
  readonly columnLength?: number;
  readonly decimals?: number;
  readonly characterSet?: number;
}

const NOT_NULL = 1;
const UNSIGNED = 32;
const BINARY_CHARSET = 63;

function typeOf(f: MySqlField): JdbcType {
  const binary = f.characterSet === BINARY_CHARSET;
  switch (f.columnType) {
    case 0:
    case 246:
      return 'NUMERIC';
    case 1:
      // Connector/J reports TINYINT(1) as BIT (tinyInt1isBit), which Kafka maps to INT8 like any BIT.
      return f.columnLength === 1 ? 'BIT' : 'TINYINT';
    case 2:
    case 13:
      return 'SMALLINT';
    case 3:
    case 9:
      return 'INTEGER';
    case 8:
      return 'BIGINT';
    case 4:
      return 'REAL';
    case 5:
      return 'DOUBLE';
    case 7:
    case 12:
      return 'TIMESTAMP';
    case 10:
      return 'DATE';
    case 11:
      return 'TIME';
    case 16:
      return 'BIT';
    case 245:
      return 'VARCHAR';
    case 249:
    case 250:
    case 251:
    case 252:
      return binary ? 'BLOB' : 'CLOB';
    case 15:
    case 253:
    case 254:
    case 247:
    case 248:
      return binary ? 'BINARY' : 'VARCHAR';
    default:
      return 'OTHER';
  }
}

function flagsOf(f: MySqlField): number {
  return typeof f.flags === 'number' ? f.flags : 0;
}

export function mysqlColumn(f: MySqlField): ResultColumn {
  const jdbcType = typeOf(f);
  const flags = flagsOf(f);
  const unsigned = (flags & UNSIGNED) !== 0;
  const base = { name: f.name, jdbcType, typeName: String(f.columnType), nullable: (flags & NOT_NULL) === 0, unsigned };
  if (jdbcType !== 'NUMERIC') return base;
  const scale = f.decimals ?? 0;
  const precision = (f.columnLength ?? 0) - (scale > 0 ? 1 : 0) - (unsigned ? 0 : 1);
  return { ...base, precision, scale };
}

interface TypeCastField {
  readonly type: string;
  string(): string | null;
}

interface MySqlClient {
  query(options: { sql: string; values: unknown[]; rowsAsArray: true; timeout?: number; typeCast: (field: TypeCastField, next: () => unknown) => unknown }): Promise<[unknown, unknown]>;
  query(sql: string, values: unknown[]): Promise<[unknown, unknown]>;
  end(): Promise<void>;
}

export class MySqlSourceConnector implements SourceConnector {
  async connect(spec: ConnectionSpec, options: SourceConnectOptions): Promise<SourceConnection> {
    // db.timezone governs how the source reads TIMESTAMP columns, so it is the session time zone.
    const level = isolationLevelSql(options.isolation);
    const { connection, lost } = await openMySqlConnection(spec, async (c) => {
      await c.query('SET time_zone = ?', [mysqlTimeZone(options.timezone)]);
      if (level) await c.query(`SET SESSION TRANSACTION ISOLATION LEVEL ${level}`);
    });
    return new MySqlSourceConnection(connection as unknown as MySqlClient, lost, spec.settings.socketTimeoutMs);
  }
}

const typeCast = (field: TypeCastField, next: () => unknown): unknown => (field.type === 'JSON' ? field.string() : next());

export class MySqlSourceConnection implements SourceConnection {
  constructor(
    private readonly client: MySqlClient,
    private readonly lost: LostFlag,
    private readonly timeoutMs?: number,
  ) {}

  async select(sql: string, params: readonly unknown[]): Promise<ResultSet> {
    this.lost.check();
    const [rows, fields] = await this.client.query({ sql, values: [...params], rowsAsArray: true, typeCast, ...(this.timeoutMs !== undefined ? { timeout: this.timeoutMs } : {}) });
    return { columns: ((fields ?? []) as MySqlField[]).map(mysqlColumn), rows: rows as unknown[][] };
  }

  async close(): Promise<void> {
    await quietly(() => this.client.end());
  }
}
