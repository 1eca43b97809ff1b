// MySQL and MariaDB (kafka-connect-jdbc MySqlDatabaseDialect): backtick quoting, `?` placeholders, multi-row
// INSERT … ON DUPLICATE KEY UPDATE c=VALUES(c) (accepted by MariaDB and, deprecated but working, MySQL 8).
// STRING key columns are VARCHAR(256), not TEXT: MySQL cannot index TEXT without a prefix length (§9 #7).
import type { Column, ColumnInfo, DeleteRequest, DialectOptions, SqlStatement, TableId, WriteRequest, WriteStatement } from './Dialect.js';
import { BaseDialect } from './BaseDialect.js';
import { type BindFlavor, decimalScale, logicalOf } from './bindValues.js';
import type { LiteralFlavor, TypeTable } from './ddl.js';
import { formatTimestamp } from './temporal.js';
import { matchesError, matchesTransient } from './transient.js';
import { allColumns, bindRows, multiRowDelete, multiRowInsert, requireKeys, updatePerRow } from './writeSql.js';

const TRANSIENT_CODES = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'PROTOCOL_CONNECTION_LOST',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
]);
/** 1213 deadlock, 1205 lock wait timeout, 1053 shutdown, 1040 too many connections, 2006/2013 server gone/lost. */
const TRANSIENT_ERRNOS = new Set([1213, 1205, 1053, 1040, 2006, 2013]);
/** ER_NO_SUCH_TABLE, ER_BAD_FIELD_ERROR. */
const STALE_ERRNOS = new Set([1146, 1054]);

export class MySqlDialect extends BaseDialect {
  readonly name = 'mysql';
  readonly placeholderStyle = 'question';

  protected readonly types: TypeTable = {
    INT8: 'TINYINT',
    INT16: 'SMALLINT',
    INT32: 'INT',
    INT64: 'BIGINT',
    FLOAT32: 'FLOAT',
    FLOAT64: 'DOUBLE',
    BOOLEAN: 'TINYINT',
    STRING: 'TEXT',
    BYTES: 'VARBINARY(1024)',
    Decimal: (schema) => `DECIMAL(65,${decimalScale(schema)})`,
    Date: 'DATE',
    Time: 'TIME(3)',
    Timestamp: 'DATETIME(3)',
    EpochTimestamp: 'DATETIME(6)',
  };

  protected readonly literals: LiteralFlavor = {
    backslashEscapes: true,
    boolean: (v) => (v ? '1' : '0'),
    bytes: (hex) => `X'${hex}'`,
    temporal: (kind, ms) => `'${this.temporalText(kind, ms, { fractionDigits: 3 })}'`,
  };

  protected readonly binds: BindFlavor = {
    booleansAsNumbers: true,
    arrays: false,
    temporal: (kind, ms, nanos) => this.temporalText(kind, ms, { fractionDigits: nanos === undefined ? 3 : 6, ...(nanos === undefined ? {} : { nanos }) }),
  };

  constructor(options: DialectOptions = {}) {
    super({ quoteChar: '`', maxLength: 64, lengthIn: 'chars', twoPartQualifier: 'catalog' }, options);
  }

  override columnType(column: Column, isKey: boolean): string {
    if (isKey && column.schema.type === 'STRING' && logicalOf(column.schema) === undefined) return 'VARCHAR(256)';
    return super.columnType(column, isKey);
  }

  /** TEXT columns take a default only as an expression (MySQL 8.0.13+, MariaDB 10.2+): `DEFAULT ('x')`. */
  override defaultLiteral(column: Column): string | undefined {
    const literal = super.defaultLiteral(column);
    return literal !== undefined && column.schema.type === 'STRING' ? `(${literal})` : literal;
  }

  insert(request: WriteRequest): WriteStatement[] {
    const context = this.context();
    return multiRowInsert(context, request, bindRows(context, allColumns(request), request.rows));
  }

  /** `… ON DUPLICATE KEY UPDATE c=VALUES(c)`; with no value columns the keys update to themselves. Matches any unique key (§9 #8). */
  upsert(request: WriteRequest): WriteStatement[] {
    requireKeys(request, 'upsert');
    const context = this.context();
    const targets = request.valueColumns.length > 0 ? request.valueColumns : request.keyColumns;
    const set = targets.map((c) => `${this.quoter.column(c.name)}=VALUES(${this.quoter.column(c.name)})`).join(',');
    return multiRowInsert(context, request, bindRows(context, allColumns(request), request.rows), ` ON DUPLICATE KEY UPDATE ${set}`);
  }

  update(request: WriteRequest): WriteStatement[] {
    return updatePerRow(this.context(), request);
  }

  delete(request: DeleteRequest): WriteStatement[] {
    return multiRowDelete(this.context(), request);
  }

  describeTable(table: TableId): SqlStatement {
    const database = table.catalog ?? table.schema;
    return {
      sql: `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${database ? '?' : 'DATABASE()'} AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
      params: database ? [database, table.table] : [table.table],
    };
  }

  currentTimestampQuery(): SqlStatement {
    return { sql: 'SELECT CURRENT_TIMESTAMP', params: [] };
  }

  /** MODIFY restates the whole column: its nullability is kept. */
  widenToDecimal(table: TableId, column: ColumnInfo): SqlStatement {
    return { sql: `ALTER TABLE ${this.quoteTable(table)} MODIFY COLUMN ${this.quoteColumn(column.name)} DECIMAL(65,30) ${column.nullable ? 'NULL' : 'NOT NULL'}`, params: [] };
  }

  isStaleStructure(error: unknown): boolean {
    return matchesError(error, (e) => e.errno !== undefined && STALE_ERRNOS.has(e.errno));
  }

  isTransient(error: unknown): boolean {
    return matchesTransient(error, (e) => (e.code !== undefined && TRANSIENT_CODES.has(e.code)) || (e.errno !== undefined && TRANSIENT_ERRNOS.has(e.errno)));
  }

  protected placeholder(): string {
    return '?';
  }

  protected sourceTimestamp(value: Date, nanos: number | undefined): unknown {
    return formatTimestamp(value.getTime(), this.zone, { fractionDigits: 6, ...(nanos === undefined ? {} : { nanos }) });
  }

  protected limitClause(placeholder: string): string {
    return ` LIMIT ${placeholder}`;
  }

  protected columnInfo([name, type, nullable]: readonly unknown[]): ColumnInfo {
    return { name: String(name), sqlType: String(type), nullable: nullable === 'YES' };
  }
}
