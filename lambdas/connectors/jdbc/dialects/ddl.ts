// CREATE TABLE / ALTER TABLE ADD text and DEFAULT literals (kafka-connect-jdbc DbStructure + GenericDatabaseDialect).
// Literals are the one place values reach SQL text, so each kind is validated or escaped here.
import type { Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';
import type { Column, SqlStatement, TableId } from './Dialect.js';
import { decimalText, logicalOf, unmapped } from './bindValues.js';
import { epochInstant, isEpochTimestamp } from './epochTimestamp.js';
import type { Quoter } from './identifiers.js';
import { epochMillis } from './temporal.js';

export interface DdlFlavor {
  readonly quoter: Quoter;
  columnType(column: Column, isKey: boolean): string;
  defaultLiteral(column: Column): string | undefined;
  /** Oracle writes `ADD (c1 …, c2 …)`; the others `ADD c1 …, ADD c2 …`. */
  readonly alterStyle: 'addEach' | 'addList';
}

/** `"c" TYPE [DEFAULT lit] NULL|NOT NULL`; key columns are always NOT NULL. */
export function columnDefinition(flavor: DdlFlavor, column: Column, isKey: boolean): string {
  const type = flavor.columnType(column, isKey);
  const literal = flavor.defaultLiteral(column);
  const nullable = column.schema.optional && !isKey;
  return `${flavor.quoter.column(column.name)} ${type}${literal === undefined ? '' : ` DEFAULT ${literal}`} ${nullable ? 'NULL' : 'NOT NULL'}`;
}

export function createTableSql(flavor: DdlFlavor, table: TableId, columns: readonly Column[], pkColumns: readonly string[]): SqlStatement {
  const names = new Set(columns.map((c) => c.name));
  const missing = pkColumns.filter((k) => !names.has(k));
  if (missing.length > 0) throw new DataError(`Primary key columns ${missing.join(', ')} are not among the columns of ${table.table}`);
  if (columns.length === 0) throw new DataError(`No fields found using key and value schemas for table: ${table.table}`);
  const keys = new Set(pkColumns);
  const lines = columns.map((c) => columnDefinition(flavor, c, keys.has(c.name)));
  if (pkColumns.length > 0) lines.push(`PRIMARY KEY(${pkColumns.map((k) => flavor.quoter.column(k)).join(',')})`);
  return { sql: `CREATE TABLE ${flavor.quoter.table(table)} (\n${lines.join(',\n')})`, params: [] };
}

export function alterTableSql(flavor: DdlFlavor, table: TableId, columns: readonly Column[]): SqlStatement {
  if (columns.length === 0) throw new DataError(`No columns to add to ${table.table}`);
  const defs = columns.map((c) => columnDefinition(flavor, c, false));
  const body = flavor.alterStyle === 'addList' ? `ADD(${defs.join(',\n')})` : defs.map((d) => `ADD ${d}`).join(',\n');
  return { sql: `ALTER TABLE ${flavor.quoter.table(table)} ${body}`, params: [] };
}

export interface LiteralFlavor {
  /** MySQL reads `\` as an escape inside '…' unless NO_BACKSLASH_ESCAPES: double it there. */
  readonly backslashEscapes: boolean;
  boolean(value: boolean): string;
  bytes(hex: string): string;
  temporal(kind: 'Date' | 'Time' | 'Timestamp', epochMs: number): string;
  /** PostgreSQL only: `ARRAY[…]::type`. */
  array?(elements: string[], column: Column): string;
}

/** `'…'` with quotes doubled (and backslashes, for MySQL); NUL is refused. */
export function stringLiteral(text: string, backslashEscapes: boolean): string {
  if (text.includes('\u0000')) throw new DataError('A default value contains a NUL character');
  const escaped = backslashEscapes ? text.replace(/\\/g, '\\\\') : text;
  return `'${escaped.replace(/'/g, "''")}'`;
}

/** The column's schema default as a literal, or undefined when there is none (or it is null). */
export function defaultLiteral(flavor: LiteralFlavor, column: Column): string | undefined {
  const value = column.schema.defaultValue;
  if (value === undefined || value === null) return undefined;
  return literal(flavor, column, column.schema, value);
}

function literal(flavor: LiteralFlavor, column: Column, schema: Schema, value: unknown): string {
  if (isEpochTimestamp(schema)) return flavor.temporal('Timestamp', epochInstant(schema, value).epochMs);
  const logical = logicalOf(schema);
  if (logical === 'Decimal') return decimalText(schema, value);
  if (logical !== undefined) return flavor.temporal(logical, epochMillis(logical, value));
  const bad = () => new DataError(`Invalid default value for column ${column.name} (${schema.type})`);
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
      if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) return String(value);
      throw bad();
    case 'FLOAT32':
    case 'FLOAT64':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw bad();
    case 'BOOLEAN':
      if (typeof value === 'boolean') return flavor.boolean(value);
      throw bad();
    case 'STRING':
      if (typeof value === 'string') return stringLiteral(value, flavor.backslashEscapes);
      throw bad();
    case 'BYTES':
      if (value instanceof Uint8Array) return flavor.bytes(Buffer.from(value).toString('hex'));
      throw bad();
    case 'ARRAY':
      if (flavor.array === undefined || !Array.isArray(value)) throw bad();
      return flavor.array(
        value.map((v) => (v === null ? 'NULL' : literal(flavor, column, schema.valueSchema!, v))),
        column,
      );
    default:
      throw bad();
  }
}

/** A dialect's column types by Connect type or logical name (§5.6); a function gets the schema (Decimal scale, arrays). */
export type TypeTable = Readonly<Partial<Record<Schema['type'] | 'Decimal' | 'Date' | 'Time' | 'Timestamp' | 'EpochTimestamp', string | ((schema: Schema) => string)>>>;

/** Looks the column's schema up in `table`; unmapped types raise Kafka's "doesn't have a mapping" DataError. */
export function lookupType(table: TypeTable, column: Column): string {
  // A timestamp.fields.list field: the dialect's microsecond timestamp type, else its Timestamp type.
  const entry = isEpochTimestamp(column.schema) ? (table.EpochTimestamp ?? table.Timestamp) : table[logicalOf(column.schema) ?? column.schema.type];
  if (entry === undefined) throw unmapped(column.schema, column.name);
  return typeof entry === 'string' ? entry : entry(column.schema);
}
