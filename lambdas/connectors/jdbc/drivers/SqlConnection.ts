// The port the JDBC sink writes through: one database connection, driver-neutral. Adapters in lambdas/connectors/jdbc/drivers
// implement it with pg, mysql2 and oracledb; the runtime never imports a driver.
import type { ConnectionSpec } from '../config/connectionUrl.js';

/** A result row: column name → value, keys in select-list order (what `Dialect.parseColumns` reads). */
export type Row = Readonly<Record<string, unknown>>;

/** One open connection. Statements run in auto-commit mode until `begin()`; `commit()`/`rollback()` end the transaction. */
export interface SqlConnection {
  /** Runs a query and returns its rows. */
  query(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /** Runs one statement with its binds; returns the rows affected. */
  execute(sql: string, params: readonly unknown[]): Promise<number>;
  /** Runs one statement once per bind row (oracledb `executeMany`, a loop elsewhere); returns the rows affected. */
  executeMany(sql: string, rows: readonly (readonly unknown[])[]): Promise<number>;
  /**
   * Bulk load (the JDBC sink's bulk path): runs `sql`, a PostgreSQL `COPY … FROM STDIN` or a MySQL `LOAD DATA LOCAL
   * INFILE`, streaming `data` (the rows as text, in chunks) to it; returns the rows loaded. Throws when the server
   * warns (MySQL's LOCAL loads turn errors into warnings). Absent when the driver has no such path.
   */
  load?(sql: string, data: readonly string[]): Promise<number>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Closes the connection; never throws. */
  close(): Promise<void>;
}

/** Opens connections to one kind of database. */
export interface SqlConnector {
  connect(spec: ConnectionSpec): Promise<SqlConnection>;
}
