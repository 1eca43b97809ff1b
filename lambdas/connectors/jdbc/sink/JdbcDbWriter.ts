// The JDBC sink's write path (kafka-connect-jdbc JdbcDbWriter + BufferedRecords): one call writes a batch of records
// in ONE transaction. Records are validated and planned before any I/O; tables are created or evolved next (DDL
// commits implicitly in MySQL and Oracle, so it never runs inside the write transaction); then every statement runs
// and the transaction commits. On any error it rolls back and throws: RecordWriteError for a record that cannot be
// written (before any row is written), WriteError for the database's refusal, `retriable` when the dialect deems the
// cause transient. The connection is kept across calls (warm Lambda invocations) and reopened after a lost one.
import type { SinkRecord } from '../../../connect-api/data/ConnectRecord.js';
import type { Dialect, TableId, WriteStatement } from '../dialects/Dialect.js';
import { dialectFor, tableName } from '../dialects/index.js';
import { ConfigError, ConnectionError, SluiceError } from '../../../connect-api/errors.js';
import type { SqlConnection, SqlConnector } from '../drivers/SqlConnection.js';
import { planTables, type TableWrites } from './bufferPlan.js';
import { BulkLoader, type BulkStatement, DEFAULT_BULK_LOAD_THRESHOLD, runBulk } from './bulkLoad/index.js';
import { type PreparedTable, prepareTable, schemaFields } from './bufferStatements.js';
import { DbStructure } from './DbStructure.js';
import { messageOf, RecordWriteError, WriteError } from './errors.js';
import type { JdbcSinkConfig } from './JdbcSinkConfig.js';
import { type RecordValidator, recordValidator } from './RecordValidator.js';

export interface TableCounts {
  readonly written: number;
  readonly deleted: number;
}

/** Records applied by one `write`: non-tombstones written (inserted, upserted or updated) and tombstones deleted. */
export interface WriteResult extends TableCounts {
  /** Per table, by its unquoted qualified name. */
  readonly tables: Readonly<Record<string, TableCounts>>;
}

export interface JdbcDbWriterOptions {
  /** Defaults to the config's dialect with its quoting and time zone. */
  readonly dialect?: Dialect;
}

export class JdbcDbWriter {
  readonly dialect: Dialect;
  private readonly structure: DbStructure;
  private readonly validate: RecordValidator;
  private readonly bulk: BulkLoader;
  private readonly tables = new Map<string, TableId>();
  private connection: SqlConnection | undefined;

  constructor(
    private readonly config: JdbcSinkConfig,
    private readonly connector: SqlConnector,
    options: JdbcDbWriterOptions = {},
  ) {
    this.dialect = options.dialect ?? dialectFor(config.dialect, { quoteIdentifiers: config.quoteIdentifiers, timezone: config.dbTimezone });
    this.structure = new DbStructure(this.dialect, config);
    this.validate = recordValidator(config);
    this.bulk = new BulkLoader(this.dialect, config.bulkLoad ?? { mode: 'auto', threshold: DEFAULT_BULK_LOAD_THRESHOLD });
  }

  /** Writes the records in one transaction; see the file comment for the errors. */
  async write(records: readonly SinkRecord[]): Promise<WriteResult> {
    if (records.length === 0) return { written: 0, deleted: 0, tables: {} };
    for (const record of records) {
      this.validate(record);
      this.tableOf(record);
    }
    const plan = planTables(records, (topic) => this.tables.get(topic)!, this.config.deleteEnabled);
    const reused = this.connection !== undefined;
    try {
      return await this.attempt(plan);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      // A connection kept from an earlier invocation may have died while the Lambda was frozen: retry once on a new one.
      const lostKept = reused && error.retriable && this.connection === undefined;
      // A table or column dropped under the writer (its described structure is already forgotten): retry once, so
      // auto.create / auto.evolve put it back, as Confluent's task does with a fresh writer (JdbcSinkTask.put).
      if (!lostKept && !this.dialect.isStaleStructure(error)) throw error;
      return await this.attempt(plan);
    }
  }

  async close(): Promise<void> {
    await this.discard();
  }

  /** With `bulk`, large statements take the bulk path; a batch it fails to write is written again without it. */
  private async attempt(plan: readonly TableWrites[], bulk = true): Promise<WriteResult> {
    const fields = schemaFields(this.config, plan);
    const context = { config: this.config, dialect: this.dialect, structure: this.structure, ...(bulk ? { bulk: this.bulk } : {}) };
    const connection = await this.open();
    let table: string | undefined;
    let inTransaction = false;
    const prepared: PreparedTable[] = [];
    try {
      for (const t of plan) {
        table = tableName(t.table);
        prepared.push(await prepareTable(context, connection, t, fields));
      }
      await connection.begin();
      inTransaction = true;
      for (const p of prepared) {
        table = p.name;
        for (const statement of p.statements) await run(connection, statement);
      }
      await connection.commit();
      return result(prepared);
    } catch (error) {
      this.structure.invalidate();
      const rolledBack = inTransaction ? await connection.rollback().then(() => true, () => false) : true;
      const wrapped = this.wrap(error, table);
      if (!rolledBack || (wrapped instanceof WriteError && wrapped.retriable)) await this.discard();
      // The bulk path is an optimisation: what it could not write, the multi-row path writes or refuses with its own error.
      if (rolledBack && wrapped instanceof WriteError && !wrapped.retriable && prepared.some((p) => p.statements.some((s) => s.kind === 'bulk'))) {
        this.bulk.noteFailure(error);
        return await this.attempt(plan, false);
      }
      throw wrapped;
    }
  }

  private wrap(error: unknown, table: string | undefined): unknown {
    if (error instanceof SluiceError) return error;
    const retriable = this.dialect.isTransient(error);
    const where = table === undefined ? '' : ` to table '${table}'`;
    return new WriteError(`Write${where} failed: ${messageOf(error)}`, { cause: error, retriable, ...(table === undefined ? {} : { table }) });
  }

  private async open(): Promise<SqlConnection> {
    if (this.connection !== undefined) return this.connection;
    const spec = this.config.connection;
    try {
      this.connection = await this.connector.connect(spec);
    } catch (error) {
      const at = `${spec.dialect} at ${spec.host}:${spec.port}`;
      throw new ConnectionError(`Could not connect to ${at}: ${messageOf(error)}`, { cause: error, retriable: this.dialect.isTransient(error) });
    }
    return this.connection;
  }

  private async discard(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }

  /** The record's table from `table.name.format`, cached per topic; a topic that makes no valid name fails that record. */
  private tableOf(record: SinkRecord): void {
    if (this.tables.has(record.topic)) return;
    try {
      this.tables.set(record.topic, this.dialect.parseTableId(this.config.tableNameFormat.replaceAll('${topic}', record.topic)));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new RecordWriteError(error.message, record, { cause: error });
    }
  }
}

function run(connection: SqlConnection, statement: WriteStatement | BulkStatement): Promise<number> {
  if (statement.kind === 'bulk') return runBulk(connection, statement);
  return statement.kind === 'multiRow' ? connection.execute(statement.sql, statement.params) : connection.executeMany(statement.sql, statement.rows);
}

function result(prepared: readonly PreparedTable[]): WriteResult {
  const tables: Record<string, TableCounts> = {};
  let written = 0;
  let deleted = 0;
  for (const p of prepared) {
    const before = tables[p.name] ?? { written: 0, deleted: 0 };
    tables[p.name] = { written: before.written + p.written, deleted: before.deleted + p.deleted };
    written += p.written;
    deleted += p.deleted;
  }
  return { written, deleted, tables };
}
