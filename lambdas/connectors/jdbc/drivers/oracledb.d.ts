// node-oracledb ships no type declarations; these are the few members OracleConnector uses (checked against
// oracledb 6+/26 lib/oracledb.js). Only lambdas/connectors/jdbc/drivers imports oracledb.
declare module 'oracledb' {
  interface OracleResult {
    readonly rows?: unknown[];
    readonly rowsAffected?: number;
  }
  interface OracleDbConnection {
    execute(sql: string, binds: unknown[], options: Record<string, unknown>): Promise<OracleResult>;
    executeMany(sql: string, binds: unknown[][], options: Record<string, unknown>): Promise<OracleResult>;
    commit(): Promise<void>;
    rollback(): Promise<void>;
    close(): Promise<void>;
  }
  interface OracleDb {
    getConnection(attributes: Record<string, unknown>): Promise<OracleDbConnection>;
    readonly OUT_FORMAT_OBJECT: number;
    readonly DB_TYPE_VARCHAR: unknown;
    readonly DB_TYPE_NUMBER: unknown;
    readonly DB_TYPE_RAW: unknown;
    readonly DB_TYPE_DATE: unknown;
  }
  const oracledb: OracleDb;
  export default oracledb;
}
