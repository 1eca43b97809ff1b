// PostgreSQL (kafka-connect-jdbc PostgreSqlDatabaseDialect): `$n` placeholders, multi-row INSERT … ON CONFLICT,
// `::json`/`::jsonb`/`::uuid` casts for existing columns of those types, arrays.
import type { Column, ColumnInfo, DeleteRequest, DialectOptions, SqlStatement, TableId, WriteRequest, WriteStatement } from './Dialect.js';
import { BaseDialect } from './BaseDialect.js';
import type { BindFlavor } from './bindValues.js';
import { type LiteralFlavor, lookupType, type TypeTable } from './ddl.js';
import { formatTimestamp } from './temporal.js';
import { matchesError, matchesTransient } from './transient.js';
import { allColumns, bindRows, multiRowDelete, multiRowInsert, requireKeys, type SqlContext, updatePerRow } from './writeSql.js';

const CASTS = new Set(['json', 'jsonb', 'uuid']);
const TRANSIENT = new Set(['40001', '40P01', '57P01', '57P02', '57P03']);
/** undefined_table, undefined_column. */
const STALE = new Set(['42P01', '42703']);

export class PostgresDialect extends BaseDialect {
  readonly name = 'postgresql';
  readonly placeholderStyle = 'dollar';

  protected readonly types: TypeTable = {
    INT8: 'SMALLINT',
    INT16: 'SMALLINT',
    INT32: 'INT',
    INT64: 'BIGINT',
    FLOAT32: 'REAL',
    FLOAT64: 'DOUBLE PRECISION',
    BOOLEAN: 'BOOLEAN',
    STRING: 'TEXT',
    BYTES: 'BYTEA',
    Decimal: 'DECIMAL',
    Date: 'DATE',
    Time: 'TIME',
    Timestamp: 'TIMESTAMP',
    ARRAY: (schema) => `${lookupType(this.types, { name: 'element', schema: schema.valueSchema! })}[]`,
  };

  protected readonly literals: LiteralFlavor = {
    backslashEscapes: false,
    boolean: (v) => (v ? 'TRUE' : 'FALSE'),
    bytes: (hex) => `decode('${hex}','hex')`,
    temporal: (kind, ms) => `'${this.temporalText(kind, ms, { fractionDigits: 3 })}'`,
    array: (elements, column) => `ARRAY[${elements.join(',')}]::${this.columnType(column, false)}`,
  };

  protected readonly binds: BindFlavor = {
    booleansAsNumbers: false,
    arrays: true,
    // The offset makes timestamptz columns get the instant; timestamp columns ignore it and keep the wall clock.
    temporal: (kind, ms, nanos) => this.temporalText(kind, ms, { fractionDigits: nanos === undefined ? 3 : 6, withOffset: true, ...(nanos === undefined ? {} : { nanos }) }),
  };

  constructor(options: DialectOptions = {}) {
    super({ quoteChar: '"', maxLength: 63, lengthIn: 'bytes', twoPartQualifier: 'schema' }, options);
  }

  insert(request: WriteRequest): WriteStatement[] {
    const context = this.writeContext(request);
    return multiRowInsert(context, request, bindRows(context, allColumns(request), request.rows));
  }

  /** `INSERT … ON CONFLICT (k) DO UPDATE SET c=EXCLUDED.c`; rows repeating a key keep only the last (PostgreSQL refuses to touch a row twice in one statement). */
  upsert(request: WriteRequest): WriteStatement[] {
    requireKeys(request, 'upsert');
    const context = this.writeContext(request);
    const q = (c: Column) => this.quoter.column(c.name);
    const keys = request.keyColumns.map(q).join(',');
    const action =
      request.valueColumns.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${request.valueColumns.map((c) => `${q(c)}=EXCLUDED.${q(c)}`).join(',')}`;
    const rows = lastPerKey(bindRows(context, allColumns(request), request.rows), request.keyColumns.length);
    return multiRowInsert(context, request, rows, ` ON CONFLICT (${keys}) ${action}`);
  }

  update(request: WriteRequest): WriteStatement[] {
    return updatePerRow(this.writeContext(request), request);
  }

  delete(request: DeleteRequest): WriteStatement[] {
    return multiRowDelete(this.writeContext(request), request);
  }

  describeTable(table: TableId): SqlStatement {
    const where = ['table_name = $1'];
    const params: string[] = [this.catalogName(table.table)];
    if (table.schema) params.push(this.catalogName(table.schema));
    where.push(table.schema ? `table_schema = $${params.length}` : 'table_schema = current_schema()');
    if (table.catalog) {
      params.push(this.catalogName(table.catalog));
      where.push(`table_catalog = $${params.length}`);
    }
    return {
      sql: `SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE ${where.join(' AND ')} ORDER BY ordinal_position`,
      params,
    };
  }

  currentTimestampQuery(): SqlStatement {
    return { sql: 'SELECT CURRENT_TIMESTAMP', params: [] };
  }

  widenToDecimal(table: TableId, column: ColumnInfo): SqlStatement {
    return { sql: `ALTER TABLE ${this.quoteTable(table)} ALTER COLUMN ${this.quoteColumn(column.name)} TYPE NUMERIC`, params: [] };
  }

  isStaleStructure(error: unknown): boolean {
    return matchesError(error, (e) => e.code !== undefined && STALE.has(e.code));
  }

  /** SQLSTATE 40001 serialization_failure, 40P01 deadlock, class 08 connection, 57P01-03 shutdown, lost sockets. */
  isTransient(error: unknown): boolean {
    return matchesTransient(
      error,
      (e) =>
        (e.code !== undefined && (TRANSIENT.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) ||
        /^Connection terminated( unexpectedly|due to connection timeout)?/.test(e.message),
    );
  }

  protected placeholder(index: number): string {
    return `$${index}`;
  }

  protected sourceTimestamp(value: Date, nanos: number | undefined): unknown {
    return formatTimestamp(value.getTime(), this.zone, { fractionDigits: 6, withOffset: true, ...(nanos === undefined ? {} : { nanos }) });
  }

  protected limitClause(placeholder: string): string {
    return ` LIMIT ${placeholder}`;
  }

  /**
   * A row is in flight when its inserting transaction (xmin) does not precede the current snapshot's xmin, the oldest
   * transaction still open: that one may yet commit a smaller id. Compared by age() (distance back from the next xid),
   * which is wraparound-safe for any unfrozen xid; a frozen row's age is the maximum, so it is settled. PostgreSQL 13+.
   */
  protected override readonly inFlightRow = (alias: string): string => `age(${alias}.xmin) <= age(xid(pg_snapshot_xmin(pg_current_snapshot())))`;
  protected override readonly rowVersionColumn = 'xmin';

  protected columnInfo([name, dataType, nullable, udt]: readonly unknown[]): ColumnInfo {
    const udtName = String(udt);
    const sqlType = dataType === 'USER-DEFINED' || dataType === 'ARRAY' ? udtName : String(dataType);
    const cast = CASTS.has(udtName) ? (udtName as ColumnInfo['cast']) : undefined;
    return { name: String(name), sqlType, nullable: nullable === 'YES', ...(cast === undefined ? {} : { cast }) };
  }

  protected override catalogName(name: string): string {
    return this.quoter.mode === 'never' ? name.toLowerCase() : name;
  }

  private writeContext(request: WriteRequest | DeleteRequest): SqlContext {
    const casts = new Map((request.existingColumns ?? []).filter((c) => c.cast).map((c) => [c.name, c.cast!]));
    const base = this.context();
    return { ...base, placeholder: (index, column) => `$${index}${casts.has(column.name) ? `::${casts.get(column.name)}` : ''}` };
  }
}

/** Keeps the last row of each key (the first `keyCount` values), preserving the order of those last rows. */
function lastPerKey(rows: unknown[][], keyCount: number): unknown[][] {
  // One numeric key column is keyed by the number itself (Map's SameValueZero equates what JSON text would: 0/-0).
  const numeric = keyCount === 1 && rows.every((row) => typeof row[0] === 'number' && !Number.isNaN(row[0]));
  const keys: unknown[] = numeric ? rows.map((row) => row[0]) : rows.map((row) => keyOf(row.slice(0, keyCount)));
  const last = new Map<unknown, number>();
  for (let i = 0; i < keys.length; i++) last.set(keys[i]!, i);
  if (last.size === rows.length) return rows;
  return rows.filter((_, i) => last.get(keys[i]!) === i);
}

/** Bound key values are strings, numbers, booleans, nulls, Buffers (JSON `{type,data}`) or arrays of those. */
function keyOf(values: readonly unknown[]): string {
  return JSON.stringify(values);
}
