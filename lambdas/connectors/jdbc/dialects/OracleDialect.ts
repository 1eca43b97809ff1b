// Oracle (kafka-connect-jdbc OracleDatabaseDialect): `:n` placeholders and single-row statements executed with
// an array of bind rows (oracledb `executeMany`); upsert is MERGE … USING (SELECT … FROM dual).
// Dates and timestamps bind as text wrapped in TO_DATE/TO_TIMESTAMP with an explicit format, so neither the
// session's NLS settings nor the Node process's time zone can shift them.
import type { Schema } from '../../../connect-api/data/Schema.js';
import type { ColumnInfo, DeleteRequest, DialectOptions, SourceBindSlot, SqlStatement, TableId, WriteRequest, WriteStatement } from './Dialect.js';
import { BaseDialect } from './BaseDialect.js';
import { type BindFlavor, decimalScale, logicalOf } from './bindValues.js';
import type { LiteralFlavor, TypeTable } from './ddl.js';
import { isEpochTimestamp } from './epochTimestamp.js';
import { formatTimestamp } from './temporal.js';
import { matchesError, matchesTransient } from './transient.js';
import { allColumns, bindRows, columnList, deletePerRow, perRow, requireKeys, updatePerRow } from './writeSql.js';

/** table or view does not exist, invalid identifier. */
const STALE = new Set(['ORA-00942', 'ORA-00904']);
const TRANSIENT = new Set(['ORA-00060', 'ORA-03113', 'ORA-03114', 'ORA-03135', 'ORA-12541', 'ORA-12170', 'NJS-500', 'NJS-503']);
const TIMESTAMP_FORMAT = "'YYYY-MM-DD HH24:MI:SS.FF'";
const TIME_FORMAT = "'YYYY-MM-DD HH24:MI:SS'";

export class OracleDialect extends BaseDialect {
  readonly name = 'oracle';
  readonly placeholderStyle = 'colon';
  protected override readonly alterStyle = 'addList';

  protected readonly types: TypeTable = {
    INT8: 'NUMBER(3,0)',
    INT16: 'NUMBER(5,0)',
    INT32: 'NUMBER(10,0)',
    INT64: 'NUMBER(19,0)',
    FLOAT32: 'BINARY_FLOAT',
    FLOAT64: 'BINARY_DOUBLE',
    BOOLEAN: 'NUMBER(1,0)',
    STRING: 'VARCHAR2(4000)',
    BYTES: 'BLOB',
    Decimal: (schema) => `NUMBER(*,${decimalScale(schema)})`,
    Date: 'DATE',
    Time: 'DATE',
    Timestamp: 'TIMESTAMP',
  };

  protected readonly literals: LiteralFlavor = {
    backslashEscapes: false,
    boolean: (v) => (v ? '1' : '0'),
    bytes: (hex) => `HEXTORAW('${hex.toUpperCase()}')`,
    temporal: (kind, ms) => {
      const text = this.oracleTemporal(kind, ms);
      if (kind === 'Date') return `DATE '${text}'`;
      return kind === 'Time' ? `TO_DATE('${text}',${TIME_FORMAT})` : `TIMESTAMP '${text}'`;
    },
  };

  protected readonly binds: BindFlavor = {
    booleansAsNumbers: true,
    arrays: false,
    temporal: (kind, ms, nanos) => (nanos === undefined ? this.oracleTemporal(kind, ms) : this.temporalText(kind, ms, { fractionDigits: 9, nanos })),
  };

  constructor(options: DialectOptions = {}) {
    super({ quoteChar: '"', maxLength: 128, lengthIn: 'bytes', twoPartQualifier: 'schema' }, options);
  }

  insert(request: WriteRequest): WriteStatement[] {
    const context = this.context();
    const columns = allColumns(request);
    const values = columns.map((c, i) => context.placeholder(i + 1, c)).join(',');
    const sql = `INSERT INTO ${this.quoter.table(request.table)} (${columnList(context, columns)}) VALUES (${values})`;
    return perRow(sql, bindRows(context, columns, request.rows), request.maxRows);
  }

  /** `MERGE INTO t USING (SELECT :1 "k", :2 "c" FROM dual) incoming ON (…) [WHEN MATCHED …] WHEN NOT MATCHED …`. */
  upsert(request: WriteRequest): WriteStatement[] {
    requireKeys(request, 'upsert');
    const context = this.context();
    const columns = allColumns(request);
    const table = this.quoter.table(request.table);
    const q = (name: string) => this.quoter.column(name);
    const select = columns.map((c, i) => `${context.placeholder(i + 1, c)} ${q(c.name)}`).join(', ');
    const on = request.keyColumns.map((k) => `${table}.${q(k.name)}=incoming.${q(k.name)}`).join(' AND ');
    const set = request.valueColumns.map((c) => `${table}.${q(c.name)}=incoming.${q(c.name)}`).join(',');
    const matched = set === '' ? '' : ` WHEN MATCHED THEN UPDATE SET ${set}`;
    const insertCols = columns.map((c) => `${table}.${q(c.name)}`).join(',');
    const insertVals = columns.map((c) => `incoming.${q(c.name)}`).join(',');
    const sql =
      `MERGE INTO ${table} USING (SELECT ${select} FROM dual) incoming ON (${on})${matched}` +
      ` WHEN NOT MATCHED THEN INSERT (${insertCols}) VALUES (${insertVals})`;
    return perRow(sql, bindRows(context, columns, request.rows), request.maxRows);
  }

  update(request: WriteRequest): WriteStatement[] {
    return updatePerRow(this.context(), request);
  }

  delete(request: DeleteRequest): WriteStatement[] {
    return deletePerRow(this.context(), request);
  }

  describeTable(table: TableId): SqlStatement {
    const select = 'SELECT COLUMN_NAME, DATA_TYPE, NULLABLE, DATA_PRECISION, DATA_SCALE';
    if (table.schema) {
      return {
        sql: `${select} FROM ALL_TAB_COLUMNS WHERE OWNER = :1 AND TABLE_NAME = :2 ORDER BY COLUMN_ID`,
        params: [this.catalogName(table.schema), this.catalogName(table.table)],
      };
    }
    return { sql: `${select} FROM USER_TAB_COLUMNS WHERE TABLE_NAME = :1 ORDER BY COLUMN_ID`, params: [this.catalogName(table.table)] };
  }

  currentTimestampQuery(): SqlStatement {
    return { sql: 'select CURRENT_TIMESTAMP from dual', params: [] };
  }

  /** ORA-00060 deadlock, ORA-03113/03114/03135 lost connection, ORA-12541 no listener, ORA-12170 connect timeout, NJS-500/503. */
  widenToDecimal(table: TableId, column: ColumnInfo): SqlStatement {
    return { sql: `ALTER TABLE ${this.quoteTable(table)} MODIFY (${this.quoteColumn(column.name)} NUMBER)`, params: [] };
  }

  isStaleStructure(error: unknown): boolean {
    return matchesError(error, (e) => {
      const code = e.code ?? /^(ORA-\d{5}):/.exec(e.message)?.[1];
      return code !== undefined && STALE.has(code);
    });
  }

  isTransient(error: unknown): boolean {
    return matchesTransient(error, (e) => {
      const code = e.code ?? /^((?:ORA|NJS)-\d{3,5}):/.exec(e.message)?.[1];
      return code !== undefined && TRANSIENT.has(code);
    });
  }

  protected placeholder(index: number, schema: Schema | undefined): string {
    const kind = schema === undefined ? undefined : isEpochTimestamp(schema) ? 'Timestamp' : logicalOf(schema);
    if (kind === 'Date') return `TO_DATE(:${index},'YYYY-MM-DD')`;
    if (kind === 'Time') return `TO_DATE(:${index},${TIME_FORMAT})`;
    if (kind === 'Timestamp') return `TO_TIMESTAMP(:${index},${TIMESTAMP_FORMAT})`;
    return `:${index}`;
  }

  protected override sourcePlaceholder(index: number, slot: SourceBindSlot): string {
    return slot === 'lastTimestamp' || slot === 'endTimestamp' ? `TO_TIMESTAMP(:${index},${TIMESTAMP_FORMAT})` : `:${index}`;
  }

  protected sourceTimestamp(value: Date, nanos: number | undefined): unknown {
    return formatTimestamp(value.getTime(), this.zone, { fractionDigits: 9, ...(nanos === undefined ? {} : { nanos }) });
  }

  protected limitClause(placeholder: string): string {
    return ` FETCH FIRST ${placeholder} ROWS ONLY`;
  }

  protected columnInfo([name, type, nullable, precision, scale]: readonly unknown[]): ColumnInfo {
    const sqlType = type === 'NUMBER' && precision !== null && precision !== undefined ? `NUMBER(${precision},${scale ?? 0})` : String(type);
    return { name: String(name), sqlType, nullable: nullable === 'Y' };
  }

  /** With `never`, Oracle stores unquoted names in upper case. */
  protected override catalogName(name: string): string {
    return this.quoter.mode === 'never' ? name.toUpperCase() : name;
  }

  /** Text for the TO_DATE/TO_TIMESTAMP formats above; a Time is a DATE on 1970-01-01. */
  private oracleTemporal(kind: 'Date' | 'Time' | 'Timestamp', ms: number): string {
    const text = this.temporalText(kind, ms, { fractionDigits: 3 });
    return kind === 'Time' ? `1970-01-01 ${text.slice(0, 8)}` : text;
  }
}
