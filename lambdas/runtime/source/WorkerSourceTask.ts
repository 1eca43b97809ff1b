// The JDBC source task (kafka-connect-jdbc's JdbcSourceTask + Kafka's WorkerSourceTask): polls each table that is
// due, turns rows into records, runs the SMT chain and converters, produces them and saves the offset only after the
// broker acknowledged them. A crash between produce and save re-sends at most that one batch (at-least-once).
import type { ConverterSet } from '../converters/createConverters.js';
import type { SourceRecord } from '../../connect-api/data/ConnectRecord.js';
import type { Dialect } from '../../connectors/jdbc/dialects/Dialect.js';
import { zoneOf } from '../../connectors/jdbc/dialects/temporal.js';
import type { ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import { ConfigError, RetriableError } from '../../connect-api/errors.js';
import type { Clock } from '../ports/Clock.js';
import type { Logger } from '../ports/Logger.js';
import type { MetricsSink } from '../ports/MetricsSink.js';
import type { Lease, PipelineStore } from '../ports/PipelineStore.js';
import type { RecordProducer } from '../ports/RecordProducer.js';
import type { TransformationChain } from '../transforms/TransformationChain.js';
import { readInstant } from '../../connectors/jdbc/source/columnMapping.js';
import { AttemptsExhaustedError, connectWithAttempts, queryRetriesExhausted } from '../../connectors/jdbc/source/connectAttempts.js';
import { type JdbcSourceConfig, usesIncrementing, usesTimestamp } from '../../connectors/jdbc/source/JdbcSourceConfig.js';
import { formerTablePartitions, offsetFromMap, offsetToMap, samePartition } from '../../connectors/jdbc/source/offsets.js';
import { type ConvertedBatch, convertBatch } from './recordConversion.js';
import type { SourceConnection, SourceConnector } from '../../connectors/jdbc/source/SourceSql.js';
import type { TaskGate } from '../lifecycle/TaskGate.js';
import { type InvocationResult, runSourceInvocation } from './sourceInvocation.js';
import { buildQueriers } from '../../connectors/jdbc/source/startQueriers.js';
import type { PolledBatch, TableQuerier } from '../../connectors/jdbc/source/TableQuerier.js';
import type { Instant } from '../../connectors/jdbc/source/temporalText.js';

export interface SourceTaskDeps {
  readonly config: JdbcSourceConfig;
  readonly dialect: Dialect;
  readonly connector: SourceConnector;
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
  /** Every polled table returned less than a full batch. */
  readonly caughtUp: boolean;
}

const NO_RETRY_LIMIT = Number.MAX_SAFE_INTEGER;

export class SourceTask {
  private conn: SourceConnection | undefined;
  private queriers: TableQuerier[] | undefined;
  private readonly zone;

  constructor(readonly deps: SourceTaskDeps) {
    this.zone = zoneOf(deps.config.timezone);
  }

  get name(): string {
    return this.deps.config.name;
  }

  get pollIntervalMs(): number {
    return this.deps.config.pollIntervalMs;
  }

  /** Connects, discovers the tables and checks the tracking columns (ConfigError when validate.non.null fails). */
  async start(deadline: number): Promise<readonly TableQuerier[]> {
    this.queriers ??= await this.withDb((c) => buildQueriers(c, this.deps.dialect, this.deps.config, this.zone), deadline);
    return this.queriers;
  }

  /** Reloads every querier's offset from the store (another container may have moved it); resolves timestamp.initial. */
  async loadOffsets(lease: Lease, deadline: number): Promise<void> {
    const { config, store } = this.deps;
    const stored = await store.listOffsets(config.name);
    for (const q of await this.start(deadline)) {
      const former = q.target.table ? formerTablePartitions(q.target.table) : [];
      const found = [q.partition, ...former].map((p) => stored.find((o) => samePartition(o.partition, p))).find((o) => o !== undefined);
      let offset = offsetFromMap(found?.offset);
      if (found?.offset == null && usesTimestamp(config.mode) && config.timestampInitial !== undefined) {
        const initial = config.timestampInitial === -1 ? await this.dbNow(deadline) : { ms: config.timestampInitial, nanos: (config.timestampInitial % 1000) * 1_000_000 };
        offset = { ...offset, timestampMs: initial.ms, timestampNanos: initial.nanos };
        // Saved at once, so that a later invocation does not resolve -1 to a later "now" and skip rows.
        await store.putOffsetsFenced(config.name, [{ partition: q.partition, offset: offsetToMap(offset) }], lease.epoch);
      }
      q.commit(offset);
      // Each invocation polls every table at once: the schedule, not the previous container, paces it.
      q.nextPollAt = 0;
    }
  }

  /** Polls every table whose poll interval elapsed; full batches are followed at once until caught up or `deadline`. */
  async pollOnce(lease: Lease, deadline: number): Promise<PollSummary> {
    const { config, clock, store } = this.deps;
    let rows = 0;
    let produced = 0;
    let caughtUp = true;
    const topics = new Set<string>();
    for (const q of await this.start(deadline)) {
      if (q.nextPollAt > clock.now()) continue;
      q.nextPollAt = clock.now() + config.pollIntervalMs;
      // Reads are pipelined: while a batch is produced and its offset saved, the next one is already being read
      // (its start is known once the batch was read). Offsets are still saved only after their batch was acknowledged.
      // Batch N+1 is converted while batch N's offset is being saved, but sent only once that save completed:
      // a crash re-sends at most the one batch whose offset was not saved.
      let next: Promise<PolledBatch> | undefined = this.read(q, deadline);
      let saving: Promise<void> | undefined;
      try {
        while (next) {
          const batch: PolledBatch = await next;
          next = undefined;
          rows += batch.rowCount;
          if (batch.next !== null) q.commit(batch.next);
          if (batch.more && clock.now() < deadline) {
            next = this.read(q, deadline);
            next.catch(() => {});
          } else if (batch.more) {
            caughtUp = false;
          }
          const converted = this.convert(batch.records);
          await saving;
          saving = undefined;
          const sent = await this.send(converted);
          produced += sent.count;
          for (const t of sent.topics) topics.add(t);
          if (batch.next !== null && batch.rowCount > 0) {
            saving = store.putOffsetsFenced(config.name, [{ partition: q.partition, offset: offsetToMap(batch.next) }], lease.epoch);
            saving.catch(() => {});
          }
        }
      } finally {
        await saving;
      }
    }
    return { rows, produced, topics: [...topics], caughtUp };
  }

  private async read(q: TableQuerier, deadline: number): Promise<PolledBatch> {
    const { config, clock, metrics } = this.deps;
    const end = usesTimestamp(config.mode) ? await this.endTimestamp(deadline) : undefined;
    const started = clock.now();
    const batch = await this.withDb((c) => q.poll(c, end), deadline);
    metrics.timing(config.name, 'PollLatency', clock.now() - started);
    metrics.count(config.name, 'RowsPolled', batch.rowCount);
    return batch;
  }

  /** Runs one scheduled invocation: lease, polls until the deadline or a stop, status, lag. */
  runInvocation(deadline: number, gate?: TaskGate): Promise<InvocationResult> {
    return runSourceInvocation(this, deadline, gate);
  }

  /** Rows after the offset in incrementing mode (one COUNT(*) per table); undefined for the other modes. */
  async rowLag(deadline: number): Promise<number | undefined> {
    if (!usesIncrementing(this.deps.config.mode) || usesTimestamp(this.deps.config.mode)) return undefined;
    let lag = 0;
    for (const q of await this.start(deadline)) {
      const stmt = q.lagStatement();
      if (!stmt) return undefined;
      const params = stmt.params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
      const result = await this.withDb((c) => c.select(stmt.sql, params), deadline);
      lag += Number(result.rows[0]?.[0] ?? 0);
    }
    return lag;
  }

  async close(): Promise<void> {
    const c = this.conn;
    this.conn = undefined;
    await c?.close();
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

  private async dbNow(deadline: number): Promise<Instant> {
    const stmt = this.deps.dialect.currentTimestampQuery();
    const result = await this.withDb((c) => c.select(stmt.sql, stmt.params), deadline);
    const value = result.rows[0]?.[0];
    if (value === undefined || value === null) throw new ConfigError('The database returned no current timestamp');
    return readInstant(value, this.zone);
  }

  private async endTimestamp(deadline: number): Promise<Instant> {
    const now = await this.dbNow(deadline);
    const delay = this.deps.config.timestampDelayMs;
    return delay === 0 ? now : { ms: now.ms - delay, nanos: (((now.ms - delay) % 1000) + 1000) % 1000 * 1_000_000 };
  }

  /** Runs `fn` on the connection, reconnecting and retrying transient errors with backoff until `deadline`. */
  private withDb<T>(fn: (c: SourceConnection) => Promise<T>, deadline: number): Promise<T> {
    const { operator, dialect, config, connector, clock } = this.deps;
    // query.retry.attempts: -1 retries transient query errors until the deadline.
    const maxRetries = config.queryRetryAttempts < 0 ? NO_RETRY_LIMIT : config.queryRetryAttempts;
    const policy = { maxRetries, initialBackoffMs: Math.min(config.connectionBackoffMs, 1000) || 100, maxDelayMs: 10_000, timeoutMs: -1 };
    const attempts = { attempts: config.connectionAttempts, backoffMs: config.connectionBackoffMs };
    const open = () => connector.connect(config.connection, { timezone: config.timezone, isolation: config.isolationMode });
    let tries = 0;
    return operator.retry(
      async () => {
        tries++;
        try {
          this.conn ??= await connectWithAttempts(open, attempts, clock, deadline);
          return await fn(this.conn);
        } catch (e) {
          if (!(e instanceof AttemptsExhaustedError) && dialect.isTransient(e)) {
            this.deps.logger.warn(`Transient database error in ${config.name}; retrying`, { error: String(e) });
            await this.close();
          }
          throw e;
        }
      },
      policy,
      (e) => !(e instanceof AttemptsExhaustedError) && dialect.isTransient(e),
      deadline,
    ).catch((e: unknown) => {
      // Retries used up (not the deadline reached): the task fails, as Confluent's does.
      if (config.queryRetryAttempts >= 0 && tries > config.queryRetryAttempts && !(e instanceof AttemptsExhaustedError) && dialect.isTransient(e)) throw queryRetriesExhausted(config.queryRetryAttempts, e);
      throw e;
    });
  }
}

function isRetriableProduce(error: unknown): boolean {
  const e = error as { retriable?: unknown; name?: unknown };
  return e?.retriable === true || /NumberOfRetriesExceeded|Connection|RequestTimeout|BrokerNotFound|LeaderNotAvailable/.test(String(e?.name ?? ''));
}
