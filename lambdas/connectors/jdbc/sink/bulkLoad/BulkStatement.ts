// One bulk write: create a staging table in the batch's transaction, stream the rows into it (COPY / LOAD DATA),
// then apply them to the target table with one set-based statement (INSERT … SELECT, UPDATE … FROM, DELETE … USING).
import type { SqlConnection } from '../../drivers/SqlConnection.js';

export interface BulkStatement {
  readonly kind: 'bulk';
  /** Creates the staging table, typed as the target's columns. */
  readonly stage: readonly string[];
  /** `COPY … FROM STDIN` or `LOAD DATA LOCAL INFILE …`. */
  readonly load: string;
  /** The rows as the load's input text, in chunks. */
  readonly data: readonly string[];
  /** The set-based statement that applies the staged rows to the target table. */
  readonly apply: string;
  /** Drops the staging table (PostgreSQL's goes at commit or rollback by itself). */
  readonly cleanup: readonly string[];
  /** Rows staged (after the collapse per key); the load must report exactly these. */
  readonly rowCount: number;
}

/** Runs one bulk write on a connection inside the batch's transaction; returns the rows the apply statement touched. */
export async function runBulk(connection: SqlConnection, statement: BulkStatement): Promise<number> {
  if (connection.load === undefined) throw new Error('This connection has no bulk load path');
  for (const sql of statement.stage) await connection.execute(sql, []);
  const loaded = await connection.load(statement.load, statement.data);
  if (loaded !== statement.rowCount) throw new Error(`The bulk load staged ${loaded} of ${statement.rowCount} rows`);
  const applied = await connection.execute(statement.apply, []);
  for (const sql of statement.cleanup) await connection.execute(sql, []);
  return applied;
}
