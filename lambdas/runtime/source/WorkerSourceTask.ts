// One source pipeline's worker task (Kafka's WorkerSourceTask): polls the connector's SourceTask (connect-api) with
// the stored offsets, runs the SMT chain and converters, produces the records and stores their offsets only after the
// broker acknowledged them. A crash between produce and save re-sends at most that one batch (at-least-once).
// It knows nothing of the connector: the JDBC source is one plugin among others (lambdas/connectors/jdbc).
import type { OffsetReader, SourceOffset, SourcePartition, SourcePollContext, SourcePollResult, SourceTask } from '../../connect-api/connector.js';
import type { SourceRecord } from '../../connect-api/data/ConnectRecord.js';
import { RetriableError } from '../../connect-api/errors.js';
import type { ConverterSet } from '../converters/createConverters.js';
import type { ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import type { TaskGate } from '../lifecycle/TaskGate.js';
import type { Clock } from '../ports/Clock.js';
import type { Logger } from '../ports/Logger.js';
import type { MetricsSink } from '../ports/MetricsSink.js';
import type { Lease, PipelineStore } from '../ports/PipelineStore.js';
import type { RecordProducer } from '../ports/RecordProducer.js';
import type { TransformationChain } from '../transforms/TransformationChain.js';
import { type ConvertedBatch, convertBatch } from './recordConversion.js';
import { type InvocationResult, runSourceInvocation } from './sourceInvocation.js';

export interface SourceTaskConfig {
  readonly name: string;
  /** poll.interval.ms: how long a caught-up task waits before it is polled again. */
  readonly pollIntervalMs: number;
}

export interface SourceTaskDeps {
  readonly config: SourceTaskConfig;
  /** The connector's task (connect-api SourceTask). */
  readonly task: SourceTask;
  readonly store: PipelineStore;
  readonly producer: RecordProducer;
  readonly converters: ConverterSet;
  readonly transforms: TransformationChain;
  readonly operator: ToleranceOperator;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Who holds the lease (the Lambda request id or the container id). */
  readonly owner: string;
  /** The CONFIG version this task was built from; the invocation stops when it changes. */
  readonly version: number;
}

export interface PollSummary {
  readonly rows: number;
  readonly produced: number;
  readonly topics: readonly string[];
  /** The task said it caught up (rather than the deadline ending the round). */
  readonly caughtUp: boolean;
  /** When the task may have data again (epoch ms). */
  readonly nextPollAt: number;
}

type PartitionOffset = { readonly partition: SourcePartition; readonly offset: SourceOffset };

/** Two partitions with the same keys and values (whatever the key order). */
function samePartition(a: SourcePartition, b: SourcePartition): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** The offsets a poll asks to store: its own, or each partition's last record's; the last one per partition wins. */
function offsetsOf(result: SourcePollResult): PartitionOffset[] {
  const listed: readonly PartitionOffset[] = result.offsets ?? result.records.filter((r) => r.sourcePartition != null && r.sourceOffset != null).map((r) => ({ partition: r.sourcePartition!, offset: r.sourceOffset! }));
  const out: PartitionOffset[] = [];
  for (const o of listed) {
    const i = out.findIndex((p) => samePartition(p.partition, o.partition));
    if (i >= 0) out[i] = o;
    else out.push(o);
  }
  return out;
}

export class WorkerSourceTask {
  private started: Promise<void> | undefined;

  constructor(readonly deps: SourceTaskDeps) {}

  get name(): string {
    return this.deps.config.name;
  }

  get pollIntervalMs(): number {
    return this.deps.config.pollIntervalMs;
  }

  /** The offsets stored for this pipeline, read fresh (another container may have moved them): one reader per invocation. */
  async readOffsets(): Promise<OffsetReader> {
    const stored = (await this.deps.store.listOffsets(this.deps.config.name)).filter((o): o is PartitionOffset => o.offset !== null);
    return {
      offset: (partition) => stored.find((o) => samePartition(o.partition, partition))?.offset,
      all: () => stored,
    };
  }

  /**
   * Polls until the task is caught up or `deadline`. Polls are pipelined: while a batch is produced and its offsets
   * saved, the next poll already runs. Batch N+1 is converted while batch N's offsets are being saved, but sent only
   * once that save completed: a crash re-sends at most the one batch whose offsets were not saved.
   */
  async pollOnce(lease: Lease, offsets: OffsetReader, deadline: number): Promise<PollSummary> {
    const { config, clock, store } = this.deps;
    const context: SourcePollContext = { offsets, deadline };
    const started = clock.now();
    let rows = 0;
    let produced = 0;
    let caughtUp = false;
    let nextPollAt = started + config.pollIntervalMs;
    const topics = new Set<string>();
    let next: Promise<SourcePollResult> | undefined = this.poll(context);
    let saving: Promise<void> | undefined;
    try {
      while (next) {
        const batch: SourcePollResult = await next;
        next = undefined;
        rows += batch.records.length;
        if (batch.caughtUp) {
          caughtUp = true;
          if (batch.nextPollAt !== undefined) nextPollAt = batch.nextPollAt;
        } else if (clock.now() < deadline) {
          next = this.poll(context);
          next.catch(() => {});
        }
        const converted = this.convert(batch.records);
        await saving;
        saving = undefined;
        const sent = await this.send(converted);
        produced += sent.count;
        for (const t of sent.topics) topics.add(t);
        const toSave = offsetsOf(batch);
        if (toSave.length > 0) {
          saving = store.putOffsetsFenced(config.name, toSave, lease.epoch);
          saving.catch(() => {});
        }
      }
    } finally {
      await saving;
    }
    await this.deps.task.commit?.();
    return { rows, produced, topics: [...topics], caughtUp, nextPollAt };
  }

  /** Runs one scheduled invocation: lease, polls until the deadline or a stop, status, lag. */
  runInvocation(deadline: number, gate?: TaskGate): Promise<InvocationResult> {
    return runSourceInvocation(this, deadline, gate);
  }

  /** Records still waiting at the source, when the connector can tell. */
  lag(deadline: number): Promise<number | undefined> {
    return this.deps.task.lag?.(deadline) ?? Promise.resolve(undefined);
  }

  close(): Promise<void> {
    return this.deps.task.close();
  }

  private async poll(context: SourcePollContext): Promise<SourcePollResult> {
    const { config, clock, metrics, task } = this.deps;
    this.started ??= task.start?.() ?? Promise.resolve();
    try {
      await this.started;
    } catch (e) {
      this.started = undefined; // started again by the next poll
      throw e;
    }
    const started = clock.now();
    const result = await task.poll(context);
    metrics.timing(config.name, 'PollLatency', clock.now() - started);
    metrics.count(config.name, 'RowsPolled', result.records.length);
    return result;
  }

  /** Transforms and converts a batch to bytes per topic (CPU only). */
  private convert(records: readonly SourceRecord[]): ConvertedBatch {
    const { transforms, converters, operator } = this.deps;
    return records.length === 0 ? { byTopic: new Map(), dropped: 0 } : convertBatch(records, transforms, converters, operator);
  }

  private async send({ byTopic }: ConvertedBatch): Promise<{ count: number; topics: string[] }> {
    if (byTopic.size === 0) return { count: 0, topics: [] };
    const { operator, producer, metrics, config } = this.deps;
    let count = 0;
    await Promise.all(
      [...byTopic].map(async ([topic, list]) => {
        try {
          await producer.send(topic, list);
          count += list.length;
        } catch (error) {
          if (isRetriableProduce(error)) throw new RetriableError(`Producing to ${topic} failed; the batch will be polled again`, { cause: error });
          operator.fail({ stage: 'KAFKA_PRODUCE', className: 'org.apache.kafka.clients.producer.KafkaProducer', error });
        }
      }),
    );
    metrics.count(config.name, 'RecordsProduced', count);
    return { count, topics: [...byTopic.keys()] };
  }
}

function isRetriableProduce(error: unknown): boolean {
  const e = error as { retriable?: unknown; name?: unknown };
  return e?.retriable === true || /NumberOfRetriesExceeded|Connection|RequestTimeout|BrokerNotFound|LeaderNotAvailable/.test(String(e?.name ?? ''));
}
