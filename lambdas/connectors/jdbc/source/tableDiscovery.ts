// Table mode: which tables to copy (table.whitelist / table.blacklist against the tables of schema.pattern, found
// through information_schema or ALL_TABLES), their auto-increment column, and their columns' nullability.
import type { Dialect, TableId } from '../dialects/Dialect.js';
import type { SqlStatement } from '../dialects/Dialect.js';
import { ConfigError } from '../../../connect-api/errors.js';
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

/**
 * The tables of schema.pattern, else of the connection's default schema, else (`wide`: no schema.pattern, and the
 * filters name tables of other schemas) of every schema but the system ones, as Confluent's getTables(null schema)
 * does. Each row ends with whether the table is in the default schema.
 */
function listTablesSql(dialect: Dialect, schemaPattern: string | undefined, types: readonly string[], wide: boolean): SqlStatement {
  const wanted = types.map((t) => PG_TYPES[t] ?? t);
  const schema = schemaPattern === undefined || schemaPattern === '' ? null : schemaPattern;
  const all = wide && schema === null;
  switch (dialect.name) {
    case 'postgresql': {
      const where = all ? `table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%' AND $1::text IS NULL` : 'table_schema = COALESCE($1::text, current_schema())';
      return {
        sql: `SELECT current_database(), table_schema, table_name, table_schema = current_schema() FROM information_schema.tables WHERE ${where} AND table_type = ANY($2::text[]) ORDER BY table_schema = current_schema() DESC, table_schema, table_name`,
        params: [schema, wanted],
      };
    }
    case 'mysql': {
      const where = all ? `TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') AND ? IS NULL` : 'TABLE_SCHEMA = COALESCE(?, DATABASE())';
      return {
        sql: `SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_SCHEMA = DATABASE() FROM information_schema.TABLES WHERE ${where} AND TABLE_TYPE IN (${wanted.map(() => '?').join(',')}) ORDER BY TABLE_SCHEMA = DATABASE() DESC, TABLE_SCHEMA, TABLE_NAME`,
        params: [schema, ...wanted],
      };
    }
    case 'oracle': {
      const owner = all ? `OWNER NOT IN (SELECT USERNAME FROM ALL_USERS WHERE ORACLE_MAINTAINED = 'Y') AND :1 IS NULL` : `OWNER = COALESCE(:1, SYS_CONTEXT('USERENV','CURRENT_SCHEMA'))`;
      const here = `CASE WHEN OWNER = SYS_CONTEXT('USERENV','CURRENT_SCHEMA') THEN 1 ELSE 0 END`;
      const parts = [`SELECT OWNER, TABLE_NAME, ${here} FROM ALL_TABLES WHERE ${owner}`];
      if (types.includes('VIEW')) parts.push(`SELECT OWNER, VIEW_NAME, ${here} FROM ALL_VIEWS WHERE ${owner}`);
      return { sql: `${parts.join(' UNION ALL ')} ORDER BY 3 DESC, 1, 2`, params: [schema] };
    }
  }
}

interface Listed extends DiscoveredTable {
  readonly inDefaultSchema: boolean;
}

function tableOf(dialect: Dialect, row: readonly unknown[]): Listed {
  const here = row.at(-1) === true || Number(row.at(-1)) === 1;
  if (dialect.name === 'postgresql') {
    const [db, schema, table] = row.map(String) as [string, string, string];
    return { id: { schema, table }, qualifiedName: `${schema}.${table}`, formerNames: [`${db}.${schema}.${table}`], inDefaultSchema: here };
  }
  const [owner, table] = row.map(String) as [string, string];
  return { id: dialect.name === 'mysql' ? { catalog: owner, table } : { schema: owner, table }, qualifiedName: `${owner}.${table}`, formerNames: [], inDefaultSchema: here };
}

/** A white/blacklist entry matches a table by its name or any dotted suffix of its (longest) qualified name. */
function matches(entry: string, t: DiscoveredTable): boolean {
  return [t.qualifiedName, ...t.formerNames].some((name) => entry === t.id.table || name === entry || name.endsWith(`.${entry}`));
}

/** Tables a whitelist entry names: a bare name prefers the default schema's table, as before schemas were searched. */
function whitelisted(entry: string, all: readonly Listed[]): Listed[] {
  const hits = all.filter((t) => matches(entry, t));
  const here = hits.filter((t) => t.inDefaultSchema);
  return !entry.includes('.') && here.length > 0 ? here : hits;
}

export async function discoverTables(conn: SourceConnection, dialect: Dialect, config: JdbcSourceConfig): Promise<DiscoveredTable[]> {
  const include = config.includeList.length > 0;
  const wide = include || config.whitelist.some((w) => w.includes('.'));
  const stmt = listTablesSql(dialect, config.schemaPattern, config.tableTypes, wide);
  const all = (await conn.select(stmt.sql, stmt.params)).rows.map((r) => tableOf(dialect, r));
  const strip = ({ inDefaultSchema: _, ...t }: Listed): DiscoveredTable => t;
  if (include) {
    const chosen = all.filter((t) => config.includeList.some((r) => r.test(t.qualifiedName)) && !config.excludeList.some((r) => r.test(t.qualifiedName)));
    if (chosen.length === 0) throw new ConfigError(`table.include.list matches no table of ${config.schemaPattern ?? 'any schema'} (after table.exclude.list)`, { key: 'table.include.list' });
    return chosen.map(strip);
  }
  if (config.whitelist.length === 0) return all.filter((t) => !config.blacklist.some((b) => matches(b, t))).map(strip);
  const chosen = new Map<string, Listed>();
  for (const w of config.whitelist) {
    const hits = whitelisted(w, all);
    if (hits.length === 0) throw new ConfigError(`table.whitelist names ${w}, which is not a table of ${config.schemaPattern ? `schema ${config.schemaPattern}` : wide ? 'any schema' : 'schema (connection default)'}`, { key: 'table.whitelist' });
    for (const t of hits) chosen.set(t.qualifiedName, t);
  }
  return all.filter((t) => chosen.has(t.qualifiedName)).map(strip);
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
