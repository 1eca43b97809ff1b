// One sink pipeline's worker task (Kafka's WorkerSinkTask): convert → transform → put one ESM batch to the
// connector's SinkTask (connect-api/connector.ts), with Kafka Connect's error semantics.
//   - converter and transform failures go through the tolerance operator (skip + report, or fail the task);
//   - transient write failures are retried with backoff, then the invocation fails and the ESM redelivers the batch;
//   - other write failures: tolerance `all` finds the bad records by bisecting the batch and dead-letters them,
//     tolerance `none` fails the task. Dead-letter sends are acknowledged before the batch is reported done;
//   - records the connector's put reports as failed (FailedRecord) are routed like a record whose write failed.
// Errors are classified by shape (`retriable: true`, a `record` of the batch, name 'ConnectionError'), not by class,
// so a connector needs no run-time import of Sluice.
import type { ConverterSet } from '../converters/createConverters.js';
import type { SinkRecord } from '../../connect-api/data/ConnectRecord.js';
import type { ErrorContext } from '../errorhandling/ErrorContext.js';
import { describeCoordinates } from '../errorhandling/recordCoordinates.js';
import { SINK_TASK_CLASS } from '../errorhandling/Stage.js';
import { type ToleranceOperator, ToleranceExceededError } from '../errorhandling/ToleranceOperator.js';
import type { FailedRecord, SinkTask } from '../../connect-api/connector.js';
import { RetriableError, SluiceError } from '../../connect-api/errors.js';
import type { Clock } from '../ports/Clock.js';
import type { MetricsSink } from '../ports/MetricsSink.js';
import type { TransformationChain } from '../transforms/TransformationChain.js';
import { TransformError } from '../transforms/TransformError.js';
import { ConversionError } from './ConversionError.js';
import type { RawRecord } from './mskEvent.js';
import type { SinkTaskConfig } from './SinkTaskConfig.js';
import { convertRecord } from './toSinkRecord.js';

export interface SinkTaskParts {
  readonly config: SinkTaskConfig;
  readonly converters: ConverterSet;
  readonly transforms: TransformationChain;
  /** The connector's task (connect-api SinkTask) the batches are put to. */
  readonly task: SinkTask;
  readonly operator: ToleranceOperator;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  /** The dead-letter queue reporter, when one is configured, for the RecordsDeadLettered metric. */
  readonly deadLetters?: { readonly sentCount: number };
}

export interface PutResult {
  readonly received: number;
  readonly written: number;
  readonly filtered: number;
  readonly failed: number;
  /** Topics the batch's records came from (for topic tracking). */
  readonly topics: readonly string[];
}

/** A put error that names the one record of the batch at fault (a connector that validates records before writing). */
function faultyRecord(e: unknown, records: readonly SinkRecord[]): SinkRecord | undefined {
  const record = (e as { record?: unknown } | null)?.record;
  return typeof record === 'object' && record !== null && !isRetriable(e) ? records.find((r) => r === record) : undefined;
}

/** A connector's error saying the target cannot be reached (connect-api ConnectionError, or its own of that name). */
function isConnectionError(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'ConnectionError';
}

/** The consumed form of a sink record, for the DLQ: original coordinates and bytes (before any RegexRouter). */
function rawOf(r: SinkRecord): RawRecord {
  return { ...r.raw, topic: r.originalTopic, partition: r.originalKafkaPartition, offset: r.originalKafkaOffset, timestamp: r.timestamp, timestampType: r.timestampType };
}

function isRetriable(e: unknown): boolean {
  return (e as { retriable?: unknown } | null)?.retriable === true;
}

export class WorkerSinkTask {
  private started: Promise<void> | undefined;

  constructor(private readonly parts: SinkTaskParts) {}

  get name(): string {
    return this.parts.config.name;
  }

  /** Processes one batch. `deadline` (epoch ms) bounds in-invocation retries, leaving time to fail cleanly. */
  async put(raws: readonly RawRecord[], deadline: number): Promise<PutResult> {
    const { metrics, clock, config } = this.parts;
    const started = clock.now();
    const failedBefore = this.parts.operator.failureCount;
    const deadLetteredBefore = this.parts.deadLetters?.sentCount ?? 0;
    metrics.count(config.name, 'RecordsReceived', raws.length);
    const records: SinkRecord[] = [];
    let filtered = 0;
    let written = 0;
    try {
      for (const raw of raws) {
        const record = this.prepare(raw);
        if (record === undefined) continue;
        if (record === null) filtered++;
        else records.push(record);
      }
      const writeStart = clock.now();
      written = await this.writeTolerantly(records, deadline);
      metrics.timing(config.name, 'WriteLatency', clock.now() - writeStart);
    } catch (e) {
      // Kafka reports the failing record (log, DLQ) before the task dies: do the same, best effort.
      if (e instanceof ToleranceExceededError) await this.flushReports().catch(() => undefined);
      metrics.count(config.name, 'RecordsFailed', this.parts.operator.failureCount - failedBefore);
      throw e;
    }
    await this.flushReports();
    metrics.count(config.name, 'RecordsDeadLettered', (this.parts.deadLetters?.sentCount ?? 0) - deadLetteredBefore);
    const failed = this.parts.operator.failureCount - failedBefore;
    metrics.count(config.name, 'RecordsWritten', written);
    metrics.count(config.name, 'RecordsFiltered', filtered);
    metrics.count(config.name, 'RecordsFailed', failed);
    metrics.timing(config.name, 'BatchLatency', clock.now() - started);
    return { received: raws.length, written, filtered, failed, topics: [...new Set(raws.map((r) => r.topic))] };
  }

  async close(): Promise<void> {
    await this.parts.task.close();
  }

  /** Converts and transforms one record: the record, null when a transform dropped it, undefined when it failed. */
  private prepare(raw: RawRecord): SinkRecord | null | undefined {
    const { converters, transforms } = this.parts;
    try {
      const record = convertRecord(raw, converters.key, converters.value, converters.header);
      return transforms.isEmpty ? record : transforms.apply(record);
    } catch (e) {
      if (e instanceof ConversionError) this.fail({ stage: e.stage, className: e.converterClass, error: e, raw });
      else if (e instanceof TransformError) this.fail({ stage: 'TRANSFORMATION', className: e.className, error: e.cause ?? e, raw });
      else throw e;
      return undefined;
    }
  }

  /** Writes what it can; returns how many records were written. Throws to fail the invocation. */
  private async writeTolerantly(records: readonly SinkRecord[], deadline: number): Promise<number> {
    if (records.length === 0) return 0;
    let rejected: readonly FailedRecord[] | undefined;
    try {
      rejected = await this.writeWithRetry(records, deadline);
    } catch (e) {
      // Retries are spent (max.retries, errors.retry.timeout or the invocation's deadline): like Kafka's JDBC sink
      // after max.retries, the task fails; an outage of the target never sends good records to the dead-letter queue.
      if (isRetriable(e)) throw new SluiceError(`Writing ${records.length} records failed after retries: ${(e as Error).message}`, { cause: e });
      // The target cannot be reached at all: no record is at fault, so nothing is bisected or dead-lettered.
      if (isConnectionError(e)) throw e;
      const culprit = faultyRecord(e, records);
      if (culprit) {
        this.fail({ stage: 'TASK_PUT', className: SINK_TASK_CLASS, error: e, raw: rawOf(culprit), record: culprit });
        return this.writeTolerantly(
          records.filter((r) => r !== culprit),
          deadline,
        );
      }
      if (records.length === 1) {
        this.fail({ stage: 'TASK_PUT', className: SINK_TASK_CLASS, error: e, raw: rawOf(records[0]!), record: records[0] });
        return 0;
      }
      if (this.parts.operator.tolerance === 'none') {
        // Kafka's sinks fail the task with the connector's error (the JDBC sink's SQL error); no single record to report.
        throw new ToleranceExceededError(e, describeCoordinates(records.map(rawOf)));
      }
      const middle = Math.ceil(records.length / 2);
      return (await this.writeTolerantly(records.slice(0, middle), deadline)) + (await this.writeTolerantly(records.slice(middle), deadline));
    }
    // Records the connector rejected one by one (a bulk item the server refused): each is a failed write of that record.
    let failed = 0;
    for (const { record, error } of rejected ?? []) {
      if (!records.includes(record)) continue; // not a record of this batch: nothing to route
      failed++;
      this.fail({ stage: 'TASK_PUT', className: SINK_TASK_CLASS, error, raw: rawOf(record), record });
    }
    return records.length - failed;
  }

  private writeWithRetry(records: readonly SinkRecord[], deadline: number): Promise<readonly FailedRecord[] | undefined> {
    return this.parts.operator.retry(
      async () => {
        this.started ??= this.parts.task.start?.() ?? Promise.resolve();
        try {
          await this.started;
        } catch (e) {
          this.started = undefined; // start again on the next attempt
          throw e;
        }
        return this.parts.task.put(records);
      },
      this.parts.config.retry,
      isRetriable,
      deadline,
    );
  }

  private fail(context: ErrorContext): void {
    this.parts.operator.fail(context);
  }

  /** Waits for dead-letter sends; a failed send fails the invocation so the ESM redelivers and nothing is lost. */
  private async flushReports(): Promise<void> {
    try {
      await this.parts.operator.flush();
    } catch (e) {
      throw new RetriableError(`Could not produce to the dead letter queue ${this.parts.config.dlqTopic ?? ''}; the batch will be redelivered`, { cause: e });
    }
  }
}
