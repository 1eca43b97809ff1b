// Create or evolve destination tables (kafka-connect-jdbc DbStructure), with a per-table cache of described columns.
// Missing table → CREATE when auto.create; missing columns → ALTER TABLE ADD when auto.evolve (only optional or
// defaulted fields). Never drops or changes a column. DDL races with another writer are settled by describing again.
import type { Column, ColumnInfo, Dialect, SqlStatement, TableId } from '../dialects/Dialect.js';
import { tableName } from '../dialects/identifiers.js';
import type { SqlConnection } from '../drivers/SqlConnection.js';
import { WriteError } from './errors.js';

export interface StructureOptions {
  readonly autoCreate: boolean;
  readonly autoEvolve: boolean;
}

export class DbStructure {
  private readonly known = new Map<string, readonly ColumnInfo[]>();

  constructor(
    private readonly dialect: Dialect,
    private readonly options: StructureOptions,
  ) {}

  /** The table's columns, or undefined when it does not exist (a missing table is not cached). */
  async describe(connection: SqlConnection, table: TableId): Promise<readonly ColumnInfo[] | undefined> {
    const id = tableName(table);
    const cached = this.known.get(id);
    if (cached !== undefined) return cached;
    const statement = this.dialect.describeTable(table);
    const columns = this.dialect.parseColumns(await connection.query(statement.sql, statement.params));
    if (columns.length === 0) return undefined;
    this.known.set(id, columns);
    return columns;
  }

  /** Makes sure `table` has `columns` (creating it with `pkColumns` as its key); returns its columns. */
  async ensure(connection: SqlConnection, table: TableId, columns: readonly Column[], pkColumns: readonly string[]): Promise<readonly ColumnInfo[]> {
    const name = tableName(table);
    const existing = await this.describe(connection, table);
    if (existing === undefined) {
      if (!this.options.autoCreate) throw refused(`Table ${name} is missing and auto-creation is disabled`, name);
      return this.apply(connection, table, this.dialect.createTable(table, columns, pkColumns), () => true);
    }
    const missing = missingColumns(columns, existing);
    if (missing.length === 0) return existing;
    if (!this.options.autoEvolve) {
      throw refused(`Table ${name} is missing fields (${missing.map((c) => c.name).join(', ')}) and auto-evolution is disabled`, name);
    }
    for (const c of missing) {
      if (!c.schema.optional && (c.schema.defaultValue === undefined || c.schema.defaultValue === null)) {
        throw refused(`Cannot ALTER TABLE ${name} to add missing field ${c.name}, as the field is not optional and does not have a default value`, name);
      }
    }
    const done = (now: readonly ColumnInfo[]) => missingColumns(columns, now).length === 0;
    return this.apply(connection, table, this.dialect.alterTableAddColumns(table, missing), done);
  }

  /** Widens integer columns to exact decimals (schemaless fractions, see schemalessWidening.ts); returns the columns after. */
  async widen(connection: SqlConnection, table: TableId, columns: readonly ColumnInfo[]): Promise<readonly ColumnInfo[]> {
    this.known.delete(tableName(table));
    for (const column of columns) {
      const ddl = this.dialect.widenToDecimal(table, column);
      await connection.execute(ddl.sql, ddl.params);
    }
    return (await this.describe(connection, table)) ?? [];
  }

  /** Forgets every described table (after an error, the database may have changed under us). */
  invalidate(): void {
    this.known.clear();
  }

  /** Runs DDL (auto-committed), then describes again; if the DDL failed but another writer did the same, goes on. */
  private async apply(connection: SqlConnection, table: TableId, ddl: SqlStatement, done: (columns: readonly ColumnInfo[]) => boolean): Promise<readonly ColumnInfo[]> {
    this.known.delete(tableName(table));
    let failure: unknown;
    try {
      await connection.execute(ddl.sql, ddl.params);
    } catch (error) {
      failure = error;
    }
    const now = await this.describe(connection, table);
    if (now !== undefined && done(now)) return now;
    throw failure ?? refused(`Table ${tableName(table)} does not have the expected columns after: ${ddl.sql}`, tableName(table));
  }
}

/** Columns absent from the table; names compare case-insensitively as kafka-connect-jdbc's DbStructure does. */
export function missingColumns(columns: readonly Column[], existing: readonly ColumnInfo[]): Column[] {
  const names = new Set(existing.map((c) => c.name.toLowerCase()));
  return columns.filter((c) => !names.has(c.name.toLowerCase()));
}

function refused(message: string, table: string): WriteError {
  return new WriteError(message, { retriable: false, table });
}
