// The SQL of a bulk write per database. The staging table copies the written columns' types from the target
// (`CREATE TEMP TABLE … AS SELECT … WITH NO DATA`, MySQL `CREATE TEMPORARY TABLE … SELECT … LIMIT 0`), so the load
// parses each value as an INSERT into the target would; constraints stay on the target, where the apply statement
// meets them. Modes follow the multi-row statements: insert, upsert (ON CONFLICT / ON DUPLICATE KEY), update (by
// key), delete (by key).
import { logicalOf } from '../../dialects/bindValues.js';
import type { Column, Dialect, TableId } from '../../dialects/Dialect.js';

export type BulkMode = 'insert' | 'upsert' | 'update' | 'delete';

export interface BulkSql {
  readonly stage: readonly string[];
  readonly load: string;
  readonly apply: string;
  readonly cleanup: readonly string[];
}

export interface BulkTarget {
  readonly table: TableId;
  readonly keyColumns: readonly Column[];
  /** Empty for deletes. */
  readonly valueColumns: readonly Column[];
}

const T = 'sluice_t';
const S = 'sluice_s';

/** The staging, load, apply and cleanup statements of one bulk write into `target` through staging table `stage`. */
export function bulkSql(dialect: Dialect, mode: BulkMode, target: BulkTarget, stage: string): BulkSql {
  return dialect.name === 'mysql' ? mysqlSql(dialect, mode, target, stage) : pgSql(dialect, mode, target, stage);
}

function columnsOf(mode: BulkMode, target: BulkTarget): readonly Column[] {
  return mode === 'delete' ? target.keyColumns : [...target.keyColumns, ...target.valueColumns];
}

function pgSql(dialect: Dialect, mode: BulkMode, target: BulkTarget, stage: string): BulkSql {
  const q = (c: Column) => dialect.quoteColumn(c.name);
  const table = dialect.quoteTable(target.table);
  const list = columnsOf(mode, target).map(q).join(',');
  const on = target.keyColumns.map((k) => `${T}.${q(k)}=${S}.${q(k)}`).join(' AND ');
  return {
    stage: [`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${list} FROM ${table} WITH NO DATA`],
    load: `COPY ${stage} (${list}) FROM STDIN`,
    apply: pgApply(),
    cleanup: [],
  };
  function pgApply(): string {
    const insert = `INSERT INTO ${table} (${list}) SELECT ${list} FROM ${stage}`;
    switch (mode) {
      case 'insert':
        return insert;
      case 'upsert': {
        const keys = target.keyColumns.map(q).join(',');
        const set = target.valueColumns.map((c) => `${q(c)}=EXCLUDED.${q(c)}`).join(',');
        return `${insert} ON CONFLICT (${keys}) ${set === '' ? 'DO NOTHING' : `DO UPDATE SET ${set}`}`;
      }
      case 'update':
        return `UPDATE ${table} AS ${T} SET ${target.valueColumns.map((c) => `${q(c)}=${S}.${q(c)}`).join(',')} FROM ${stage} AS ${S} WHERE ${on}`;
      case 'delete':
        return `DELETE FROM ${table} AS ${T} USING ${stage} AS ${S} WHERE ${on}`;
    }
  }
}

function mysqlSql(dialect: Dialect, mode: BulkMode, target: BulkTarget, stage: string): BulkSql {
  const q = (c: Column) => dialect.quoteColumn(c.name);
  const table = dialect.quoteTable(target.table);
  const columns = columnsOf(mode, target);
  const list = columns.map(q).join(',');
  // Bytes arrive as hex in a user variable and are UNHEXed into their column.
  const bytes = (c: Column) => c.schema.type === 'BYTES' && logicalOf(c.schema) === undefined;
  const fields = columns.map((c, i) => (bytes(c) ? `@sluice_${i}` : q(c))).join(',');
  const unhex = columns.flatMap((c, i) => (bytes(c) ? [`${q(c)}=UNHEX(@sluice_${i})`] : []));
  const on = target.keyColumns.map((k) => `${T}.${q(k)}=${S}.${q(k)}`).join(' AND ');
  const load =
    `LOAD DATA LOCAL INFILE 'sluice-bulk' INTO TABLE ${stage} CHARACTER SET utf8mb4 ` +
    `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${fields})${unhex.length > 0 ? ` SET ${unhex.join(',')}` : ''}`;
  return {
    stage: [`DROP TEMPORARY TABLE IF EXISTS ${stage}`, `CREATE TEMPORARY TABLE ${stage} SELECT ${list} FROM ${table} LIMIT 0`],
    load,
    apply: mysqlApply(),
    cleanup: [`DROP TEMPORARY TABLE IF EXISTS ${stage}`],
  };
  function mysqlApply(): string {
    const insert = `INSERT INTO ${table} (${list}) SELECT ${list} FROM ${stage}`;
    switch (mode) {
      case 'insert':
        return insert;
      case 'upsert': {
        const targets = target.valueColumns.length > 0 ? target.valueColumns : target.keyColumns;
        return `${insert} ON DUPLICATE KEY UPDATE ${targets.map((c) => `${q(c)}=VALUES(${q(c)})`).join(',')}`;
      }
      case 'update':
        return `UPDATE ${table} AS ${T} JOIN ${stage} AS ${S} ON ${on} SET ${target.valueColumns.map((c) => `${T}.${q(c)}=${S}.${q(c)}`).join(',')}`;
      case 'delete':
        return `DELETE ${T} FROM ${table} AS ${T} JOIN ${stage} AS ${S} ON ${on}`;
    }
  }
}
