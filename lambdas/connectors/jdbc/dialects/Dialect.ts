// The SQL dialect contract: pure functions from Connect schemas and values to SQL text plus ordered binds.
// A dialect never talks to a database; an adapter executes what it returns (kafka-connect-jdbc's DatabaseDialect).
import type { Schema } from '../../../connect-api/data/Schema.js';
import type { DialectName } from '../DialectName.js';

/** `$1..$n` (pg), `?` (mysql2), `:1..:n` (oracledb). */
export type PlaceholderStyle = 'dollar' | 'question' | 'colon';

/** `quote.sql.identifiers`. */
export type QuoteMode = 'always' | 'never';

export interface DialectOptions {
  /** `quote.sql.identifiers`; default `always`. */
  readonly quoteIdentifiers?: QuoteMode;
  /** `db.timezone`: UTC, a fixed offset (`+05:30`, `UTC-3`) or an IANA zone; default `UTC`. */
  readonly timezone?: string;
  /** `date.timezone`: the calendar of Date values; default `DB_TIMEZONE` as in kafka-connect-jdbc 10.7. */
  readonly dateTimezone?: 'DB_TIMEZONE' | 'UTC';
}

/** A table, optionally qualified. PostgreSQL/Oracle put `a.b` in `schema`; MySQL, whose databases are catalogs, in `catalog`. */
export interface TableId {
  readonly catalog?: string;
  readonly schema?: string;
  readonly table: string;
}

/** A column to write or create: its name and the Connect schema of its values. */
export interface Column {
  readonly name: string;
  readonly schema: Schema;
}

/** SQL text and its binds, in placeholder order. DDL has no binds. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * One statement to execute. `multiRow`: execute `sql` once with `params` (several rows in one VALUES/IN list).
 * `perRow`: execute `sql` once per entry of `rows` (oracledb `executeMany`; pg/mysql2 loop in one transaction).
 * `rowCount` is the number of input records the statement covers.
 */
export type WriteStatement =
  | { readonly kind: 'multiRow'; readonly sql: string; readonly params: readonly unknown[]; readonly rowCount: number }
  | { readonly kind: 'perRow'; readonly sql: string; readonly rows: readonly (readonly unknown[])[]; readonly rowCount: number };

/** Records to write into one table. Values are Connect values; the dialect converts them with `bindValue`. */
export interface WriteRequest {
  readonly table: TableId;
  readonly keyColumns: readonly Column[];
  readonly valueColumns: readonly Column[];
  /** One array per record: the key columns' values, then the value columns' values. */
  readonly rows: readonly (readonly unknown[])[];
  /** `batch.size`: no statement covers more records than this. Default: no limit but the dialect's. */
  readonly maxRows?: number;
  /** The table as described by `parseColumns`; PostgreSQL adds `::json`, `::jsonb`, `::uuid` casts from it. */
  readonly existingColumns?: readonly ColumnInfo[];
}

/** Records to delete: one array of key values per record. */
export type DeleteRequest = Omit<WriteRequest, 'valueColumns'>;

/** A column of an existing table, from `describeTable` rows. */
export interface ColumnInfo {
  readonly name: string;
  readonly sqlType: string;
  readonly nullable: boolean;
  /** PostgreSQL only: the cast a placeholder bound to this column needs. */
  readonly cast?: 'json' | 'jsonb' | 'uuid';
}

export type SourceMode = 'bulk' | 'incrementing' | 'timestamp' | 'timestamp+incrementing';

/** What the JDBC source reads: a table (`table.whitelist` entry) or a custom `query`, never both. */
export interface SourceQuerySpec {
  readonly mode: SourceMode;
  readonly table?: TableId;
  readonly query?: string;
  readonly incrementingColumn?: string;
  /** One or more columns; several are read as `COALESCE(c1,c2,…)`. */
  readonly timestampColumns?: readonly string[];
  /** `query.suffix`, appended last. */
  readonly suffix?: string;
  /** `batch.max.rows` as a bound LIMIT / FETCH FIRST; none when undefined. */
  readonly limit?: number;
  /** `table` may be a view (`table.types` has VIEW), which has no row versions to hold in-flight rows back by. */
  readonly mayBeView?: boolean;
}

/** Which value each placeholder of a source query takes, in order. */
export type SourceBindSlot = 'lastIncrementing' | 'lastTimestamp' | 'endTimestamp' | 'limit';

export interface SourceQuery {
  readonly sql: string;
  readonly slots: readonly SourceBindSlot[];
  readonly limit?: number;
}

/** The stored offset and the upper bound of one poll (§6.4). */
export interface SourceState {
  /** Default −1. */
  readonly lastIncrementing?: number | bigint;
  /** Default the epoch. */
  readonly lastTimestamp?: Date;
  /** Nanos of second of `lastTimestamp` (`timestamp_nanos`); overrides its milliseconds. */
  readonly lastTimestampNanos?: number;
  /** DB now − `timestamp.delay.interval.ms`; required in the timestamp modes. */
  readonly endTimestamp?: Date;
}

export interface Dialect {
  readonly name: DialectName;
  readonly placeholderStyle: PlaceholderStyle;
  /** Bind parameters one statement may carry. */
  readonly maxParameters: number;

  /** Parses `table.name.format` after `${topic}` substitution, e.g. `sales.orders`; parts may be quoted. */
  parseTableId(text: string): TableId;
  /** The quoted (or validated unquoted) qualified name. Throws ConfigError for unsafe names. */
  quoteTable(table: TableId): string;
  /** The quoted (or validated unquoted) column name. Throws DataError for unsafe names. */
  quoteColumn(name: string): string;

  /** Multi-row INSERT (PostgreSQL, MySQL) or one INSERT per bind row (Oracle). */
  insert(request: WriteRequest): WriteStatement[];
  /** Insert-or-replace by the key columns; throws DataError without key columns. */
  upsert(request: WriteRequest): WriteStatement[];
  /** `UPDATE … WHERE keys`, one per bind row; nothing when there are no value columns. Throws DataError without keys. */
  update(request: WriteRequest): WriteStatement[];
  /** By key: `IN (…)` lists (PostgreSQL, MySQL) or one DELETE per bind row (Oracle). */
  delete(request: DeleteRequest): WriteStatement[];

  createTable(table: TableId, columns: readonly Column[], pkColumns: readonly string[]): SqlStatement;
  alterTableAddColumns(table: TableId, columns: readonly Column[]): SqlStatement;
  /** Changes an integer column to an exact decimal one that also holds every value it held (schemaless widening). */
  widenToDecimal(table: TableId, column: ColumnInfo): SqlStatement;
  /** The column type of §5.6; `isKey` picks MySQL's VARCHAR(256) for STRING keys. Throws DataError when unmapped. */
  columnType(column: Column, isKey: boolean): string;
  /** The schema default as a SQL literal, or undefined when the schema has none. */
  defaultLiteral(column: Column): string | undefined;

  /** Lists an existing table's columns; no rows means the table is missing. */
  describeTable(table: TableId): SqlStatement;
  /** Turns `describeTable` rows into columns: arrays, or objects whose keys are in select-list order (pg, mysql2, oracledb all do). */
  parseColumns(rows: readonly unknown[]): ColumnInfo[];

  /**
   * Converts a Connect value into what this dialect's driver binds: Decimal and INT64 bigints as text, bytes as
   * Buffer, booleans as 1/0 (MySQL, Oracle), Date/Time/Timestamp as wall-clock text in `db.timezone` (PostgreSQL
   * timestamps carry the offset; Oracle text matches the TO_DATE/TO_TIMESTAMP its placeholders wrap around).
   */
  bindValue(schema: Schema, value: unknown): unknown;

  sourceQuery(spec: SourceQuerySpec): SourceQuery;
  /** The binds of a source query for one poll, in slot order. */
  sourceBinds(query: SourceQuery, state: SourceState): unknown[];
  currentTimestampQuery(): SqlStatement;

  /** True for errors worth retrying: deadlocks, serialization failures, lost or refused connections. */
  isTransient(error: unknown): boolean;
  /** True when the error says a table or column the writer knew of is gone (dropped or altered under it). */
  isStaleStructure(error: unknown): boolean;
}
