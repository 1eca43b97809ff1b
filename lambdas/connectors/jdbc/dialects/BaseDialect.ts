// What the three dialects share: options, identifiers, DDL, defaults, bind conversion, source queries, describe rows.
// Subclasses supply the per-database tables (types, literals, placeholders) and the write statements.
import type { Schema } from '../../../connect-api/data/Schema.js';
import type { DialectName } from '../DialectName.js';
import type {
  Column,
  ColumnInfo,
  DeleteRequest,
  Dialect,
  DialectOptions,
  PlaceholderStyle,
  SourceBindSlot,
  SourceQuery,
  SourceQuerySpec,
  SourceState,
  SqlStatement,
  TableId,
  WriteRequest,
  WriteStatement,
} from './Dialect.js';
import { type BindFlavor, convertValue } from './bindValues.js';
import { alterTableSql, createTableSql, type DdlFlavor, defaultLiteral, type LiteralFlavor, lookupType, type TypeTable } from './ddl.js';
import { type IdentifierRules, parseTableId, Quoter } from './identifiers.js';
import { buildSourceQuery, sourceBindValues } from './sourceSql.js';
import { formatDate, formatTime, formatTimestamp, type TimestampFormat, type Zone, zoneOf } from './temporal.js';
import type { SqlContext } from './writeSql.js';

export abstract class BaseDialect implements Dialect {
  abstract readonly name: DialectName;
  abstract readonly placeholderStyle: PlaceholderStyle;
  readonly maxParameters: number = 65_535;
  protected readonly quoter: Quoter;
  /** `db.timezone`. */
  protected readonly zone: Zone;
  /** The calendar of Date values: `db.timezone`, or UTC with `date.timezone=UTC`. */
  protected readonly dateZone: Zone;
  protected abstract readonly types: TypeTable;
  protected abstract readonly literals: LiteralFlavor;
  protected abstract readonly binds: BindFlavor;
  protected readonly alterStyle: DdlFlavor['alterStyle'] = 'addEach';

  constructor(rules: IdentifierRules, options: DialectOptions) {
    this.quoter = new Quoter(rules, options.quoteIdentifiers ?? 'always');
    this.zone = zoneOf(options.timezone ?? 'UTC');
    this.dateZone = options.dateTimezone === 'UTC' ? zoneOf('UTC') : this.zone;
  }

  abstract insert(request: WriteRequest): WriteStatement[];
  abstract upsert(request: WriteRequest): WriteStatement[];
  abstract update(request: WriteRequest): WriteStatement[];
  abstract delete(request: DeleteRequest): WriteStatement[];
  abstract describeTable(table: TableId): SqlStatement;
  abstract currentTimestampQuery(): SqlStatement;
  abstract isTransient(error: unknown): boolean;
  abstract isStaleStructure(error: unknown): boolean;
  abstract widenToDecimal(table: TableId, column: ColumnInfo): SqlStatement;
  /** The placeholder text for the `index`-th bind (1-based) of a column of this schema. */
  protected abstract placeholder(index: number, schema: Schema | undefined): string;
  /** A source-query timestamp bind (lower or upper bound), with nanos of second when known. */
  protected abstract sourceTimestamp(value: Date, nanos: number | undefined): unknown;
  protected abstract limitClause(placeholder: string): string;
  /** One `describeTable` row, as values in select-list order, to a column. */
  protected abstract columnInfo(values: readonly unknown[]): ColumnInfo;

  parseTableId(text: string): TableId {
    return parseTableId(text, this.quoter.rules);
  }

  quoteTable(table: TableId): string {
    return this.quoter.table(table);
  }

  quoteColumn(name: string): string {
    return this.quoter.column(name);
  }

  createTable(table: TableId, columns: readonly Column[], pkColumns: readonly string[]): SqlStatement {
    return createTableSql(this.ddl(), table, columns, pkColumns);
  }

  alterTableAddColumns(table: TableId, columns: readonly Column[]): SqlStatement {
    return alterTableSql(this.ddl(), table, columns);
  }

  columnType(column: Column, _isKey: boolean): string {
    return lookupType(this.types, column);
  }

  defaultLiteral(column: Column): string | undefined {
    return defaultLiteral(this.literals, column);
  }

  bindValue(schema: Schema, value: unknown): unknown {
    return convertValue(schema, value, this.binds);
  }

  parseColumns(rows: readonly unknown[]): ColumnInfo[] {
    return rows.map((row) => this.columnInfo(Array.isArray(row) ? row : Object.values(row as object)));
  }

  sourceQuery(spec: SourceQuerySpec): SourceQuery {
    return buildSourceQuery(
      {
        quoter: this.quoter,
        placeholder: (index: number, slot: SourceBindSlot) => this.sourcePlaceholder(index, slot),
        limitClause: (p: string) => this.limitClause(p),
        ...(this.inFlightRow ? { inFlightRow: this.inFlightRow } : {}),
        ...(this.rowVersionColumn ? { rowVersionColumn: this.rowVersionColumn } : {}),
      },
      spec,
    );
  }

  sourceBinds(query: SourceQuery, state: SourceState): unknown[] {
    return sourceBindValues(query, state, (value, nanos) => this.sourceTimestamp(value, nanos));
  }

  /** See SourceFlavor.inFlightRow; none by default. */
  protected readonly inFlightRow: ((alias: string) => string) | undefined = undefined;
  /** See SourceFlavor.rowVersionColumn; none by default. */
  protected readonly rowVersionColumn: string | undefined = undefined;

  /** Source placeholders are plain; Oracle overrides to wrap timestamp slots. */
  protected sourcePlaceholder(index: number, _slot: SourceBindSlot): string {
    return this.placeholder(index, undefined);
  }

  /** The table name as the catalog stores it: with `never`, PostgreSQL folds unquoted names to lower and Oracle to upper case. */
  protected catalogName(name: string): string {
    return name;
  }

  /** Date/Time/Timestamp as zone-less wall-clock text in `db.timezone` (Date in the `date.timezone` calendar). */
  protected temporalText(kind: 'Date' | 'Time' | 'Timestamp', ms: number, timestamp: TimestampFormat): string {
    if (kind === 'Date') return formatDate(ms, this.dateZone);
    if (kind === 'Time') return formatTime(ms, this.zone);
    return formatTimestamp(ms, this.zone, timestamp);
  }

  protected context(): SqlContext {
    return {
      quoter: this.quoter,
      maxParameters: this.maxParameters,
      placeholder: (index, column) => this.placeholder(index, column.schema),
      positionless: this.placeholderStyle === 'question',
      bind: (schema, value) => this.bindValue(schema, value),
    };
  }

  private ddl(): DdlFlavor {
    return {
      quoter: this.quoter,
      alterStyle: this.alterStyle,
      columnType: (column, isKey) => this.columnType(column, isKey),
      defaultLiteral: (column) => this.defaultLiteral(column),
    };
  }
}
