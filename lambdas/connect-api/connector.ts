// The connector contracts (Kafka's SinkConnector/SinkTask and SourceConnector/SourceTask), as Sluice runs them: a
// sink task is handed one ESM batch per put; a source task is polled within one scheduled invocation. The framework
// owns everything around them: converters, transforms, error tolerance, retries, bisection, the dead-letter queue,
// offsets storage, metrics and the pipeline's lifecycle. A plugin never imports Sluice at run time: errors are
// recognised by shape (`retriable: true`, a `record` property), so a plugin may throw its own error classes.
import type { ConfigDef } from './config/ConfigDef.js';
import type { SinkRecord, SourceRecord } from './data/ConnectRecord.js';

/** Lines a task logs; the framework prefixes the pipeline name and masks secrets. */
export interface TaskLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface TaskContext {
  /** The pipeline (connector) name. */
  readonly connectorName: string;
  readonly logger: TaskLogger;
}

/** A record a sink task rejected on its own (a bulk item the server refused): routed per `errors.tolerance`. */
export interface FailedRecord {
  readonly record: SinkRecord;
  readonly error: Error;
}

/**
 * One sink pipeline's task. Errors from `put`:
 *  - `retriable: true` (RetriableError): the framework retries the whole batch with backoff, then fails the invocation
 *    and the ESM redelivers it: writes must be idempotent (upserts, ids derived from the record);
 *  - ConnectionError (name 'ConnectionError'): the target cannot be reached; no record is at fault, none is dead-lettered;
 *  - an error with a `record` property naming one record of the batch: that record fails, the rest are put again;
 *  - any other error: with `errors.tolerance=all` the framework bisects the batch to find the failing records.
 */
export interface SinkTask {
  /** Opens connections; called once before the first put. */
  start?(): Promise<void>;
  /** Writes a batch; returns the records it rejected one by one (the others count as written). */
  put(records: readonly SinkRecord[]): Promise<readonly FailedRecord[] | undefined>;
  /** Closes every connection the task opened (a deleted pipeline leaves no session behind). */
  close(): Promise<void>;
}

export type SourcePartition = Readonly<Record<string, unknown>>;
export type SourceOffset = Readonly<Record<string, unknown>>;

/** The offsets the framework stored for this pipeline (only ever after the broker acknowledged their records). */
export interface OffsetReader {
  offset(partition: SourcePartition): SourceOffset | undefined;
  all(): ReadonlyArray<{ readonly partition: SourcePartition; readonly offset: SourceOffset }>;
}

export interface SourcePollContext {
  /**
   * Read fresh for every invocation: another container may have moved them. Every poll of one invocation gets the
   * same reader object; a new object means the stored offsets were read again (reposition from them).
   */
  readonly offsets: OffsetReader;
  /** Epoch ms by which poll must return. */
  readonly deadline: number;
}

export interface SourcePollResult {
  /** Each with its sourcePartition and sourceOffset; the framework converts, transforms and produces them. */
  readonly records: readonly SourceRecord[];
  /** Nothing more is waiting now: the framework stops polling until the next poll interval. */
  readonly caughtUp: boolean;
  /**
   * The offsets to store once this poll's records are acknowledged (the last one per partition wins). Default: each
   * partition's last record's sourceOffset. A poll may return offsets with no record (a resolved starting point).
   */
  readonly offsets?: ReadonlyArray<{ readonly partition: SourcePartition; readonly offset: SourceOffset }>;
  /** With caughtUp: when data may be waiting again (epoch ms); default the poll's start plus poll.interval.ms. */
  readonly nextPollAt?: number;
}

/** One source pipeline's task. A `retriable: true` error from poll is retried on the next poll; others fail the task. */
export interface SourceTask {
  start?(): Promise<void>;
  poll(context: SourcePollContext): Promise<SourcePollResult>;
  /** Called after the records of the last poll were acknowledged and their offsets stored. */
  commit?(): Promise<void>;
  /** Records still waiting at the source when an invocation ended before catching up (the RowLag metric); optional. */
  lag?(deadline: number): Promise<number | undefined>;
  close(): Promise<void>;
}

interface ConnectorBase {
  readonly className: string;
  readonly aliases?: readonly string[];
  readonly version?: string;
  readonly configDef: ConfigDef;
  /** Multi-key validation a ConfigDef cannot express: error messages by key (Kafka's Connector.validate). */
  validate?(props: Readonly<Record<string, string>>): Map<string, string[]>;
  /** The task's class name, reported as `task.class` by GET /connectors/{name}/tasks (Kafka's Connector.taskClass); default `<className>Task`. */
  readonly taskClass?: string;
}

export interface SinkConnector extends ConnectorBase {
  readonly type: 'sink';
  /** `props` is the pipeline's whole config, secrets resolved. */
  createTask(props: Readonly<Record<string, string>>, context: TaskContext): SinkTask;
}

export interface SourceConnector extends ConnectorBase {
  readonly type: 'source';
  createTask(props: Readonly<Record<string, string>>, context: TaskContext): SourceTask;
  /**
   * Checks offsets a user asks to store (PATCH /connectors/{name}/offsets; Kafka's SourceConnector.alterOffsets):
   * throws an error whose message says what is wrong (answered 400). Partitions and offsets are maps already; a null
   * offset resets its partition.
   */
  alterOffsets?(props: Readonly<Record<string, string>>, offsets: ReadonlyArray<{ readonly partition: SourcePartition; readonly offset: SourceOffset | null }>): void;
}
