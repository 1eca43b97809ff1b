// Table mode: which tables to copy (table.whitelist / table.blacklist against the tables of schema.pattern, found
// through information_schema or ALL_TABLES), their auto-increment column, and their columns' nullability.
import type { Dialect, TableId } from '../dialects/Dialect.js';
import type { SqlStatement } from '../dialects/Dialect.js';
import { ConfigError } from '../errors.js';
import type { JdbcSourceConfig } from './JdbcSourceConfig.js';
import type { SourceConnection } from './SourceSql.js';

/** A discovered table: how SQL names it, and its fully qualified unquoted name for the source partition. */
export interface DiscoveredTable {
  readonly id: TableId;
  /**
   * The name Confluent's connector puts in the protocol-1 partition (the TableId the JDBC driver reports, unquoted):
   * `<schema>.<table>` (PostgreSQL: pgJDBC reports no catalog), `<db>.<table>` (MySQL), `<owner>.<table>` (Oracle).
   */
  readonly qualifiedName: string;
  /** Names older offsets may carry for this table: `<db>.<schema>.<table>` (PostgreSQL, Sluice before, Confluent 10.9.4). */
  readonly formerNames: readonly string[];
}

const PG_TYPES: Record<string, string> = { TABLE: 'BASE TABLE', VIEW: 'VIEW' };

function listTablesSql(dialect: Dialect, schemaPattern: string | undefined, types: readonly string[]): SqlStatement {
  const wanted = types.map((t) => PG_TYPES[t] ?? t);
  const schema = schemaPattern === undefined || schemaPattern === '' ? null : schemaPattern;
  switch (dialect.name) {
    case 'postgresql':
      return {
        sql: `SELECT current_database(), table_schema, table_name FROM information_schema.tables WHERE table_schema = COALESCE($1::text, current_schema()) AND table_type = ANY($2::text[]) ORDER BY table_name`,
        params: [schema, wanted],
      };
    case 'mysql':
      return {
        sql: `SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE IN (${wanted.map(() => '?').join(',')}) ORDER BY TABLE_NAME`,
        params: [schema, ...wanted],
      };
    case 'oracle': {
      const owner = `COALESCE(:1, SYS_CONTEXT('USERENV','CURRENT_SCHEMA'))`;
      const parts = [`SELECT OWNER, TABLE_NAME FROM ALL_TABLES WHERE OWNER = ${owner}`];
      if (types.includes('VIEW')) parts.push(`SELECT OWNER, VIEW_NAME FROM ALL_VIEWS WHERE OWNER = ${owner}`);
      return { sql: `${parts.join(' UNION ALL ')} ORDER BY 2`, params: [schema] };
    }
  }
}

function tableOf(dialect: Dialect, row: readonly unknown[]): DiscoveredTable {
  if (dialect.name === 'postgresql') {
    const [db, schema, table] = row.map(String) as [string, string, string];
    return { id: { schema, table }, qualifiedName: `${schema}.${table}`, formerNames: [`${db}.${schema}.${table}`] };
  }
  const [owner, table] = row.map(String) as [string, string];
  return { id: dialect.name === 'mysql' ? { catalog: owner, table } : { schema: owner, table }, qualifiedName: `${owner}.${table}`, formerNames: [] };
}

/** A white/blacklist entry matches a table by its name or any dotted suffix of its (longest) qualified name. */
function matches(entry: string, t: DiscoveredTable): boolean {
  return [t.qualifiedName, ...t.formerNames].some((name) => entry === t.id.table || name === entry || name.endsWith(`.${entry}`));
}

export async function discoverTables(conn: SourceConnection, dialect: Dialect, config: JdbcSourceConfig): Promise<DiscoveredTable[]> {
  const stmt = listTablesSql(dialect, config.schemaPattern, config.tableTypes);
  const all = (await conn.select(stmt.sql, stmt.params)).rows.map((r) => tableOf(dialect, r));
  const chosen = config.whitelist.length > 0 ? all.filter((t) => config.whitelist.some((w) => matches(w, t))) : all.filter((t) => !config.blacklist.some((b) => matches(b, t)));
  for (const w of config.whitelist) {
    if (!all.some((t) => matches(w, t))) throw new ConfigError(`table.whitelist names ${w}, which is not a table of schema ${config.schemaPattern ?? '(connection default)'}`, { key: 'table.whitelist' });
  }
  return chosen;
}

/** Name and nullability of a table's columns (the dialect's describeTable). */
export async function describeColumns(conn: SourceConnection, dialect: Dialect, table: TableId): Promise<Map<string, boolean>> {
  const stmt = dialect.describeTable(table);
  const columns = dialect.parseColumns((await conn.select(stmt.sql, stmt.params)).rows);
  return new Map(columns.map((c) => [c.name, c.nullable]));
}

/** The table's auto-increment (serial / identity / AUTO_INCREMENT) column, for an empty incrementing.column.name. */
export async function autoIncrementColumn(conn: SourceConnection, dialect: Dialect, t: DiscoveredTable): Promise<string> {
  const owner = t.id.catalog ?? t.id.schema;
  const stmt: SqlStatement =
    dialect.name === 'postgresql'
      ? {
          sql: `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND (column_default LIKE 'nextval(%' OR is_identity = 'YES') ORDER BY ordinal_position`,
          params: [owner, t.id.table],
        }
      : dialect.name === 'mysql'
        ? { sql: `SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND EXTRA LIKE '%auto_increment%'`, params: [owner, t.id.table] }
        : { sql: `SELECT COLUMN_NAME FROM ALL_TAB_COLUMNS WHERE OWNER = :1 AND TABLE_NAME = :2 AND IDENTITY_COLUMN = 'YES'`, params: [owner, t.id.table] };
  const rows = (await conn.select(stmt.sql, stmt.params)).rows;
  if (rows.length === 0) {
    throw new ConfigError(`Table ${t.qualifiedName} has no auto-increment column; set incrementing.column.name`, { key: 'incrementing.column.name' });
  }
  return String(rows[0]![0]);
}
