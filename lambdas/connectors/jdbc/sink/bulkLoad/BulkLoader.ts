// The JDBC sink's bulk path (`bulk.load.mode`, `bulk.load.threshold`): a statement of at least `threshold` rows into
// PostgreSQL or MySQL/MariaDB is written as COPY / LOAD DATA into a staging table plus one set-based statement,
// instead of multi-row INSERTs. Values are converted by the dialect's bindValue as on the multi-row path, so a value
// it refuses is blamed on its record the same way. The writer falls back to the multi-row path for a batch the bulk
// path fails to write (see JdbcDbWriter), so the outcome and the error of a bad batch are the multi-row path's.
import type { Column, Dialect, WriteRequest, WriteStatement } from '../../dialects/Dialect.js';
import { allColumns, requireKeys } from '../../dialects/writeSql.js';
import type { SqlConnection } from '../../drivers/SqlConnection.js';
import { type BulkMode, bulkSql } from './bulkSql.js';
import type { BulkStatement } from './BulkStatement.js';
import { type FieldText, loadChunks, mysqlFieldText, pgFieldText } from './loadText.js';

export type BulkLoadMode = 'auto' | 'always' | 'never';

export interface BulkLoadSettings {
  readonly mode: BulkLoadMode;
  /** `auto`: statements of at least this many rows take the bulk path. */
  readonly threshold: number;
}

/**
 * From bench/bulkLoad.bench.ts: the batch size from which COPY stayed faster than multi-row statements on PostgreSQL
 * (see the README's Testing section). On MariaDB LOAD DATA measured no faster at any size, so `auto` leaves MySQL
 * on the multi-row path and only `always` takes LOAD DATA there.
 */
export const DEFAULT_BULK_LOAD_THRESHOLD = 5000;

/** ER_NOT_ALLOWED_COMMAND (local_infile off on the server), ER_CLIENT_LOCAL_FILES_DISABLED, ER_LOAD_INFILE_CAPABILITY_DISABLED. */
const LOCAL_INFILE_REFUSED = new Set([1148, 3948, 4166]);

export class BulkLoader {
  private refused = false;
  private staged = 0;
  private readonly fieldText: FieldText | undefined;

  constructor(
    private readonly dialect: Dialect,
    private readonly settings: BulkLoadSettings,
  ) {
    this.fieldText = dialect.name === 'postgresql' ? pgFieldText : dialect.name === 'mysql' ? mysqlFieldText : undefined;
  }

  /** Whether `rowCount` rows into these columns go through the bulk path on this connection. */
  chooses(connection: SqlConnection, rowCount: number, columns: readonly Column[]): boolean {
    if (this.settings.mode === 'never' || this.refused || this.fieldText === undefined || connection.load === undefined) return false;
    if (this.settings.mode === 'auto' && (rowCount < this.settings.threshold || this.dialect.name === 'mysql')) return false;
    // PostgreSQL arrays would need COPY's array literal syntax: they keep the multi-row path.
    return columns.every((c) => c.schema.type !== 'ARRAY');
  }

  /** The bulk statement of one write request (none for an UPDATE without value columns, as on the multi-row path). */
  statements(mode: BulkMode, request: WriteRequest): BulkStatement[] {
    if (mode !== 'insert') requireKeys(request, mode);
    const columns = mode === 'delete' ? request.keyColumns : allColumns(request);
    if (mode === 'update' && request.valueColumns.length === 0) return [];
    const rows = this.fieldRows(columns, request.rows);
    const keyed = mode === 'upsert' || mode === 'update' ? lastPerKey(rows, request.keyColumns.length) : rows;
    this.staged = (this.staged + 1) % 1_000_000;
    const target = { table: request.table, keyColumns: request.keyColumns, valueColumns: mode === 'delete' ? [] : request.valueColumns };
    const sql = bulkSql(this.dialect, mode, target, `sluice_bulk_${this.staged}`);
    return [{ kind: 'bulk', ...sql, data: loadChunks(keyed), rowCount: keyed.length }];
  }

  /** Notes a failed bulk write: a server that refuses LOAD DATA LOCAL is not asked again by this writer. */
  noteFailure(error: unknown): void {
    const errno = (error as { errno?: unknown } | null)?.errno;
    if (typeof errno === 'number' && LOCAL_INFILE_REFUSED.has(errno)) this.refused = true;
  }

  private fieldRows(columns: readonly Column[], rows: readonly (readonly unknown[])[]): (string | null)[][] {
    const text = this.fieldText!;
    const width = columns.length;
    const out: (string | null)[][] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const fields: (string | null)[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const bound = this.dialect.bindValue(columns[c]!.schema, row[c]);
        fields[c] = bound === null || bound === undefined ? null : text(bound);
      }
      out[r] = fields;
    }
    return out;
  }
}

/** Keeps each key's last row, by the keys' field texts (what the database compares), in the order of those rows. */
function lastPerKey(rows: (string | null)[][], keyCount: number): (string | null)[][] {
  if (keyCount === 0 || rows.length < 2) return rows;
  const last = new Map<string | null, number>();
  const keys: (string | null)[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    keys[i] = keyCount === 1 ? row[0]! : JSON.stringify(row.slice(0, keyCount));
    last.set(keys[i]!, i);
  }
  if (last.size === rows.length) return rows;
  return rows.filter((_, i) => last.get(keys[i]!) === i);
}

/** The statements of one write: the bulk path when the loader chooses it, else the dialect's multi-row ones. */
export function bulkOr(
  bulk: BulkLoader | undefined,
  connection: SqlConnection,
  mode: BulkMode,
  request: WriteRequest,
  multiRow: () => WriteStatement[],
): (WriteStatement | BulkStatement)[] {
  const columns = mode === 'delete' ? request.keyColumns : [...request.keyColumns, ...request.valueColumns];
  return bulk?.chooses(connection, request.rows.length, columns) ? bulk.statements(mode, request) : multiRow();
}
