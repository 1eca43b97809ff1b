// Buffers of one table → the statements that write them: columns from the schemas (or, for schemaless objects, from
// the table), the table created or evolved as configured, rows collapsed per key, SQL from the dialect.
import type { SinkRecord } from '../../../connect-api/data/ConnectRecord.js';
import type { Column, ColumnInfo, Dialect, TableId, WriteStatement } from '../dialects/Dialect.js';
import { tableName } from '../dialects/identifiers.js';
import { DataError } from '../../../connect-api/errors.js';
import type { SqlConnection } from '../drivers/SqlConnection.js';
import type { RecordBuffer, TableWrites } from './bufferPlan.js';
import { type BulkLoader, type BulkStatement, bulkOr } from './bulkLoad/index.js';
import type { DbStructure } from './DbStructure.js';
import { RecordWriteError } from './errors.js';
import { extractFields, type FieldsMetadata, type FieldsSpec } from './FieldsMetadata.js';
import type { JdbcSinkConfig } from './JdbcSinkConfig.js';
import { deleteRows, lastPerKey, type RowSource, type Rows, writeRows } from './recordRows.js';
import { type InferredStruct, inferStruct } from './schemaless.js';
import { widenForFractions } from './schemalessWidening.js';

export interface PreparedTable {
  readonly name: string;
  /** Writes then deletes of each buffer, buffers in record order. */
  readonly statements: readonly (WriteStatement | BulkStatement)[];
  readonly written: number;
  readonly deleted: number;
}

/** The fields of every buffer whose records carry schemas, computed before any I/O; schemaless buffers are left out. */
export function schemaFields(config: JdbcSinkConfig, tables: readonly TableWrites[]): Map<RecordBuffer, FieldsMetadata> {
  const out = new Map<RecordBuffer, FieldsMetadata>();
  for (const { table, buffers } of tables) {
    for (const buffer of buffers) {
      if (buffer.valueShape?.kind === 'schemaless') continue;
      const valueSchema = buffer.valueShape?.schema ?? null;
      out.set(buffer, blameFirst(buffer, () => extractFields(tableName(table), config, buffer.keySchema, valueSchema)));
    }
  }
  return out;
}

export async function prepareTable(
  context: { readonly config: JdbcSinkConfig; readonly dialect: Dialect; readonly structure: DbStructure; readonly bulk?: BulkLoader },
  connection: SqlConnection,
  { table, buffers }: TableWrites,
  known: ReadonlyMap<RecordBuffer, FieldsMetadata>,
): Promise<PreparedTable> {
  const { config, dialect, structure } = context;
  const statements: (WriteStatement | BulkStatement)[] = [];
  let written = 0;
  let deleted = 0;
  for (const buffer of buffers) {
    let inferred: InferredStruct | undefined;
    let fields = known.get(buffer);
    if (fields === undefined) {
      const objects = buffer.writes.map((r) => r.value as Record<string, unknown>);
      inferred = inferStruct(objects, await structure.describe(connection, table));
      fields = blameFirst(buffer, () => extractFields(tableName(table), mappedSpec(config, inferred!), buffer.keySchema, inferred!.schema));
    }
    written += buffer.writes.length;
    deleted += buffer.deletes.length;
    let existing = buffer.writes.length > 0 ? await ensure(structure, connection, table, fields) : await structure.describe(connection, table);
    if (existing === undefined) continue; // only deletes, and no table: nothing to delete
    if (inferred && buffer.writes.length > 0) existing = await widenForFractions({ structure, autoEvolve: config.autoEvolve }, connection, table, inferred, existing, buffer);
    const source: RowSource = { fields, replaceNullWithDefault: config.replaceNullWithDefault, ...(inferred ? { inferred } : {}) };
    const request = { table, keyColumns: fields.keyColumns, maxRows: config.batchSize, existingColumns: existing };
    if (buffer.writes.length > 0) {
      const rows = writeRows(source, buffer.writes);
      const collapsed = config.insertMode === 'insert' ? rows : lastPerKey(rows, fields.keyColumns.length);
      const columns = [...fields.keyColumns, ...fields.valueColumns];
      const write = { ...request, valueColumns: fields.valueColumns, rows: collapsed.rows };
      statements.push(...build(dialect, columns, collapsed, () => bulkOr(context.bulk, connection, config.insertMode, write, () => dialect[config.insertMode](write))));
    }
    if (buffer.deletes.length > 0) {
      const rows = lastPerKey(deleteRows(source, buffer.deletes), fields.keyColumns.length);
      const remove = { ...request, valueColumns: [], rows: rows.rows };
      statements.push(...build(dialect, fields.keyColumns, rows, () => bulkOr(context.bulk, connection, 'delete', remove, () => dialect.delete(remove))));
    }
  }
  return { name: tableName(table), statements, written, deleted };
}

function ensure(structure: DbStructure, connection: SqlConnection, table: TableId, fields: FieldsMetadata): Promise<readonly ColumnInfo[]> {
  return structure.ensure(connection, table, fields.tableColumns, fields.keyColumns.map((c) => c.name));
}

/** pk.fields (record_value) and fields.whitelist name object keys; schemaless fields are named after the columns they map to. */
function mappedSpec(config: JdbcSinkConfig, inferred: InferredStruct): FieldsSpec {
  return {
    pkMode: config.pkMode,
    pkFields: config.pkMode === 'record_value' ? config.pkFields.map(inferred.columnOf) : config.pkFields,
    fieldsWhitelist: config.fieldsWhitelist.map(inferred.columnOf),
    timestampFields: config.timestampFields.map(inferred.columnOf),
    timestampPrecision: config.timestampPrecision,
  };
}

function blameFirst<T>(buffer: RecordBuffer, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    throw new RecordWriteError(error.message, (buffer.writes[0] ?? buffer.deletes[0])!, { cause: error });
  }
}

/** Builds statements; a value the dialect cannot bind is blamed on the record that carries it. */
function build<S>(dialect: Dialect, columns: readonly Column[], rows: Rows, statements: () => S[]): S[] {
  try {
    return statements();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    throw blame(dialect, columns, rows, error);
  }
}

function blame(dialect: Dialect, columns: readonly Column[], rows: Rows, error: DataError): RecordWriteError {
  for (const [i, row] of rows.rows.entries()) {
    for (const [c, column] of columns.entries()) {
      try {
        dialect.bindValue(column.schema, row[c]);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        return new RecordWriteError(`${message} (column ${column.name})`, rows.records[i] as SinkRecord, { cause });
      }
    }
  }
  return new RecordWriteError(error.message, rows.records[0]!, { cause: error });
}
