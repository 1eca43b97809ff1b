// INSERT / UPDATE / DELETE text shared by the dialects, chunked by `batch.size` and the bind-parameter limit.
// Bind order follows kafka-connect-jdbc: INSERT/UPSERT key then value columns, UPDATE value then key, DELETE key.
import type { Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';
import type { Column, DeleteRequest, WriteRequest, WriteStatement } from './Dialect.js';
import { type Quoter, tableName } from './identifiers.js';

/** What a dialect lends the shared builders for one request. */
export interface SqlContext {
  readonly quoter: Quoter;
  readonly maxParameters: number;
  /** The placeholder for the `index`-th bind (1-based), bound to `column`: `$3::jsonb`, `?`, `TO_TIMESTAMP(:3, …)`. */
  placeholder(index: number, column: Column): string;
  /** True when `placeholder` ignores the index (`?`): a statement's row groups are then one text repeated. */
  readonly positionless?: boolean;
  bind(schema: Schema, value: unknown): unknown;
}

export type WriteMode = 'insert' | 'upsert' | 'update' | 'delete';

export function requireKeys(request: DeleteRequest, mode: WriteMode): void {
  if (request.keyColumns.length > 0) return;
  throw new DataError(
    `Write to table '${tableName(request.table)}' in ${mode.toUpperCase()} mode requires key field names to be known, check the primary key configuration`,
  );
}

/** The request's columns in INSERT order: key columns, then value columns. */
export function allColumns(request: DeleteRequest & Partial<Pick<WriteRequest, 'valueColumns'>>): Column[] {
  const columns = [...request.keyColumns, ...(request.valueColumns ?? [])];
  if (columns.length === 0) throw new DataError(`No fields found using key and value schemas for table: ${tableName(request.table)}`);
  return columns;
}

/** Each record's Connect values converted for the driver, in `columns` order. */
export function bindRows(context: SqlContext, columns: readonly Column[], rows: readonly (readonly unknown[])[]): unknown[][] {
  const width = columns.length;
  const out: unknown[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== width) throw new DataError(`Expected ${width} values per row, got ${row.length}`);
    const bound: unknown[] = new Array(width);
    for (let i = 0; i < width; i++) bound[i] = context.bind(columns[i]!.schema, row[i]);
    out[r] = bound;
  }
  return out;
}

/** Splits rows so no statement exceeds `maxRows` records nor `maxParameters` binds. */
export function chunkRows<T>(rows: readonly T[], width: number, maxParameters: number, maxRows = Number.POSITIVE_INFINITY): T[][] {
  const byParameters = Math.floor(maxParameters / Math.max(width, 1));
  if (byParameters < 1) throw new DataError(`A row of ${width} columns exceeds the limit of ${maxParameters} bind parameters`);
  const size = Math.max(1, Math.min(maxRows > 0 ? maxRows : Number.POSITIVE_INFINITY, byParameters));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `(p1,p2),(p3,p4)`: one parenthesised placeholder group per row, numbered from `start`. */
export function placeholderGroups(context: SqlContext, columns: readonly Column[], rowCount: number, start = 1): string {
  if (context.positionless && rowCount > 0) {
    let group = '(';
    for (let c = 0; c < columns.length; c++) group += (c === 0 ? '' : ',') + context.placeholder(start + c, columns[c]!);
    group += ')';
    return group + `,${group}`.repeat(rowCount - 1);
  }
  let sql = '';
  let index = start;
  for (let r = 0; r < rowCount; r++) {
    sql += r === 0 ? '(' : ',(';
    for (let c = 0; c < columns.length; c++) sql += (c === 0 ? '' : ',') + context.placeholder(index++, columns[c]!);
    sql += ')';
  }
  return sql;
}

export function columnList(context: SqlContext, columns: readonly Column[]): string {
  return columns.map((c) => context.quoter.column(c.name)).join(',');
}

/** `INSERT INTO t (cols) VALUES (…),(…)` + `tail`, one statement per chunk. */
export function multiRowInsert(context: SqlContext, request: WriteRequest, rows: unknown[][], tail = ''): WriteStatement[] {
  const columns = allColumns(request);
  const head = `INSERT INTO ${context.quoter.table(request.table)} (${columnList(context, columns)}) VALUES `;
  return chunkRows(rows, columns.length, context.maxParameters, request.maxRows).map((chunk) => ({
    kind: 'multiRow',
    sql: `${head}${placeholderGroups(context, columns, chunk.length)}${tail}`,
    params: flatten(chunk, columns.length),
    rowCount: chunk.length,
  }));
}

/** `rows.flat()` of rows of `width` values, into a presized array (flat() is several times slower on large batches). */
function flatten(rows: readonly unknown[][], width: number): unknown[] {
  const out: unknown[] = new Array(rows.length * width);
  let i = 0;
  for (const row of rows) for (let c = 0; c < row.length; c++) out[i++] = row[c];
  out.length = i;
  return out;
}

/** Splits already-bound rows into `perRow` statements sharing one SQL text. */
export function perRow(sql: string, rows: unknown[][], maxRows?: number): WriteStatement[] {
  return chunkRows(rows, 1, Number.POSITIVE_INFINITY, maxRows).map((chunk) => ({ kind: 'perRow', sql, rows: chunk, rowCount: chunk.length }));
}

/** `k1=p AND k2=p`, numbered from `start`. */
export function keyPredicate(context: SqlContext, keys: readonly Column[], start: number, qualify = (c: string) => c): string {
  return keys.map((k, i) => `${qualify(context.quoter.column(k.name))}=${context.placeholder(start + i, k)}`).join(' AND ');
}

/** `UPDATE t SET c1=p,c2=p WHERE k1=p AND …`, binds value columns then key columns, executed per row. */
export function updatePerRow(context: SqlContext, request: WriteRequest): WriteStatement[] {
  requireKeys(request, 'update');
  const keys = request.keyColumns;
  const values = request.valueColumns;
  if (values.length === 0) return [];
  const set = values.map((c, i) => `${context.quoter.column(c.name)}=${context.placeholder(i + 1, c)}`).join(',');
  const sql = `UPDATE ${context.quoter.table(request.table)} SET ${set} WHERE ${keyPredicate(context, keys, values.length + 1)}`;
  const rows = bindRows(context, allColumns(request), request.rows).map((r) => [...r.slice(keys.length), ...r.slice(0, keys.length)]);
  return perRow(sql, rows, request.maxRows);
}

/** `DELETE FROM t WHERE k IN (p,p)` or `WHERE (k1,k2) IN ((p,p),(p,p))`, one statement per chunk. */
export function multiRowDelete(context: SqlContext, request: DeleteRequest): WriteStatement[] {
  requireKeys(request, 'delete');
  const keys = request.keyColumns;
  const rows = bindRows(context, keys, request.rows);
  const target = keys.length === 1 ? columnList(context, keys) : `(${columnList(context, keys)})`;
  const head = `DELETE FROM ${context.quoter.table(request.table)} WHERE ${target} IN (`;
  return chunkRows(rows, keys.length, context.maxParameters, request.maxRows).map((chunk) => {
    // A single key column reads `IN (p1,p2)`, not `IN ((p1),(p2))`.
    const list = keys.length === 1 ? chunk.map((_, i) => context.placeholder(i + 1, keys[0]!)).join(',') : placeholderGroups(context, keys, chunk.length);
    return { kind: 'multiRow', sql: `${head}${list})`, params: chunk.flat(), rowCount: chunk.length };
  });
}

/** `DELETE FROM t WHERE k1=p AND k2=p`, executed per row. */
export function deletePerRow(context: SqlContext, request: DeleteRequest): WriteStatement[] {
  requireKeys(request, 'delete');
  const sql = `DELETE FROM ${context.quoter.table(request.table)} WHERE ${keyPredicate(context, request.keyColumns, 1)}`;
  return perRow(sql, bindRows(context, request.keyColumns, request.rows), request.maxRows);
}
