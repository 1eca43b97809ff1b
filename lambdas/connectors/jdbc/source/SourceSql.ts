// The port the JDBC source reads through: a SELECT returning its rows as arrays plus the result set's column
// metadata (JDBC's ResultSetMetaData), which the sink's SqlConnection does not expose. Adapters in
// lambdas/connectors/jdbc/drivers/source implement it with pg (rowMode 'array'), mysql2 (rowsAsArray) and oracledb (OUT_FORMAT_ARRAY).
import type { ConnectionSpec } from '../config/connectionUrl.js';

/** java.sql.Types names, as kafka-connect-jdbc's GenericDatabaseDialect switches on them. */
export type JdbcType =
  | 'BIT'
  | 'BOOLEAN'
  | 'TINYINT'
  | 'SMALLINT'
  | 'INTEGER'
  | 'BIGINT'
  | 'REAL'
  | 'DOUBLE'
  | 'NUMERIC'
  | 'CHAR'
  | 'VARCHAR'
  | 'CLOB'
  | 'BINARY'
  | 'BLOB'
  | 'DATE'
  | 'TIME'
  | 'TIMESTAMP'
  | 'TIMESTAMP_WITH_TIMEZONE'
  | 'OTHER';

export interface ResultColumn {
  readonly name: string;
  readonly jdbcType: JdbcType;
  /** The database's own type name (int4, DATETIME, NUMBER), for messages. */
  readonly typeName: string;
  /** undefined when the driver cannot tell (an expression); treated as nullable. */
  readonly nullable: boolean | undefined;
  readonly unsigned?: boolean;
  /** NUMERIC only; undefined for an unconstrained NUMERIC (PostgreSQL `numeric`, Oracle `NUMBER`). */
  readonly precision?: number;
  readonly scale?: number;
}

/**
 * Row values as the adapter hands them over: numbers or booleans for small scalars; integers beyond 32 bits and
 * NUMERIC as number, bigint or decimal text; Uint8Array for bytes; DATE/TIME/TIMESTAMP always as the database's
 * text (`2024-05-01`, `12:30:00.123456`, `2024-05-01 12:30:00.123456` with `+hh[:mm]` when zoned), so the runtime
 * reads them in `db.timezone` with their full sub-millisecond digits.
 */
export interface ResultSet {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly unknown[])[];
}

export interface SourceConnection {
  select(sql: string, params: readonly unknown[]): Promise<ResultSet>;
  /** Closes the connection; never throws. */
  close(): Promise<void>;
}

export interface SourceConnectOptions {
  /** `db.timezone`: the session time zone where the database has one (MySQL TIMESTAMP, PostgreSQL `now()`). */
  readonly timezone: string;
  /** transaction.isolation.mode, set as the session's level unless DEFAULT (or absent). */
  readonly isolation?: string;
}

/** `READ_COMMITTED` → `READ COMMITTED`, the SQL spelling of an isolation mode; undefined for DEFAULT. */
export function isolationLevelSql(mode: string | undefined): string | undefined {
  return mode === undefined || mode === 'DEFAULT' ? undefined : mode.replace('_', ' ');
}

export interface SourceConnector {
  connect(spec: ConnectionSpec, options: SourceConnectOptions): Promise<SourceConnection>;
}
