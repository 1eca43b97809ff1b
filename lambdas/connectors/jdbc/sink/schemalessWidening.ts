// Schemaless values (Sluice's deviation, see schemaless.ts) whose column was created from integers: when a later batch
// brings a fraction for it, the integer column cannot hold it (PostgreSQL refuses it, MySQL would round it silently).
// With auto.evolve the column is widened to an exact decimal (NUMERIC, DECIMAL(65,30), NUMBER) that keeps every value
// it held; without, the first record carrying a fraction is refused.
import type { ColumnInfo, TableId } from '../dialects/Dialect.js';
import { tableName } from '../dialects/identifiers.js';
import type { SqlConnection } from '../drivers/SqlConnection.js';
import type { RecordBuffer } from './bufferPlan.js';
import type { DbStructure } from './DbStructure.js';
import { RecordWriteError } from './errors.js';
import type { InferredStruct } from './schemaless.js';

/** bigint, integer, int(11), smallint, mediumint, tinyint(4), bigint unsigned, NUMBER(19,0). */
const INTEGER_TYPE = /^(?:(?:tiny|small|medium|big)?int(?:eger)?\b|number\(\d+,0\)$)/i;

export async function widenForFractions(
  context: { readonly structure: DbStructure; readonly autoEvolve: boolean },
  connection: SqlConnection,
  table: TableId,
  inferred: InferredStruct,
  existing: readonly ColumnInfo[],
  buffer: RecordBuffer,
): Promise<readonly ColumnInfo[]> {
  const fractional = (inferred.schema.fields ?? []).filter((f) => f.schema.type === 'FLOAT64').map((f) => f.name);
  const narrow = existing.filter((c) => fractional.includes(c.name) && INTEGER_TYPE.test(c.sqlType));
  if (narrow.length === 0) return existing;
  if (!context.autoEvolve) {
    const column = narrow[0]!;
    const record = buffer.writes.find((r) => hasFraction(inferred.read(r.value as Record<string, unknown>, column.name))) ?? buffer.writes[0]!;
    throw new RecordWriteError(
      `Column ${column.name} of table ${tableName(table)} is an integer column (${column.sqlType}) and the value has a fraction; auto-evolution is disabled, so it is not widened`,
      record,
    );
  }
  return context.structure.widen(connection, table, narrow);
}

function hasFraction(value: unknown): boolean {
  return typeof value === 'number' && !Number.isInteger(value);
}

