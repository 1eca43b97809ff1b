// The JDBC source connector's task (kafka-connect-jdbc's JdbcSourceTask) on the connect-api SourceTask contract: each
// poll reads one batch of one table that is due (a full batch is followed at once by the next poll on that table),
// turning rows into SourceRecords with the table's partition and offset. The framework (runtime/source) converts,
// produces and stores the returned offsets only after the broker acknowledged the records; offsets keep the stored
// format of kafka-connect-jdbc ({table} or {query} partitions, incrementing / timestamp_* offsets).
import type { OffsetReader, SourceOffset, SourcePartition, SourcePollContext, SourcePollResult, SourceTask, TaskLogger } from '../../../connect-api/connector.js';
import { ConfigError, RetriableError } from '../../../connect-api/errors.js';
import { ToleranceOperator } from '../../../runtime/errorhandling/ToleranceOperator.js';
import { type Clock, systemClock } from '../../../runtime/ports/Clock.js';
import type { Dialect } from '../dialects/Dialect.js';
import { zoneOf } from '../dialects/temporal.js';
import { readInstant } from './columnMapping.js';
import { AttemptsExhaustedError, connectWithAttempts, queryRetriesExhausted } from './connectAttempts.js';
import { type JdbcSourceConfig, usesIncrementing, usesTimestamp } from './JdbcSourceConfig.js';
import { formerTablePartitions, offsetFromMap, offsetToMap, samePartition } from './offsets.js';
import type { SourceConnection, SourceConnector } from './SourceSql.js';
import { buildQueriers } from './startQueriers.js';
import type { PolledBatch, TableQuerier } from './TableQuerier.js';
import type { Instant } from './temporalText.js';

const NO_RETRY_LIMIT = Number.MAX_SAFE_INTEGER;

export interface JdbcSourceTaskDeps {
  readonly config: JdbcSourceConfig;
  readonly dialect: Dialect;
  readonly connector: SourceConnector;
  readonly logger: TaskLogger;
  readonly clock?: Clock;
}

export class JdbcSourceTask implements SourceTask {
  private conn: SourceConnection | undefined;
  private queriers: TableQuerier[] | undefined;
  private readonly zone;
  private readonly clock: Clock;
  /** Retries transient query errors with backoff (the framework's tolerance setting plays no part in it). */
  private readonly retrier: ToleranceOperator;
  /** The stored offsets the queriers were last positioned from. */
  private positionedFrom: OffsetReader | undefined;
  /** Starting offsets resolved from timestamp.initial, returned by the next poll so that they are stored at once. */
  private initialOffsets: Array<{ partition: SourcePartition; offset: SourceOffset }> = [];
  /** The table whose last batch was full: the next poll reads on from it. */
  private following: TableQuerier | undefined;

  constructor(private readonly deps: JdbcSourceTaskDeps) {
    this.zone = zoneOf(deps.config.timezone);
    this.clock = deps.clock ?? systemClock;
    this.retrier = new ToleranceOperator('none', [], this.clock);
  }

  async poll(context: SourcePollContext): Promise<SourcePollResult> {
    return this.transient(async () => {
      const { deadline } = context;
      const queriers = await this.queriersFor(deadline);
      if (context.offsets !== this.positionedFrom) await this.position(context.offsets, deadline);
      if (this.initialOffsets.length > 0) {
        const offsets = this.initialOffsets;
        this.initialOffsets = [];
        return { records: [], caughtUp: false, offsets };
      }
      const q = this.following ?? this.nextDue(queriers);
      if (!q) return { records: [], caughtUp: true, nextPollAt: this.nextPollAt(queriers) };
      if (q !== this.following) q.nextPollAt = this.clock.now() + this.deps.config.pollIntervalMs;
      const batch = await this.read(q, deadline);
      if (batch.next !== null) q.commit(batch.next);
      this.following = batch.more ? q : undefined;
      const caughtUp = !batch.more && this.nextDue(queriers) === undefined;
      return {
        records: batch.records,
        caughtUp,
        offsets: batch.next !== null && batch.rowCount > 0 ? [{ partition: q.partition, offset: offsetToMap(batch.next) }] : [],
        ...(caughtUp ? { nextPollAt: this.nextPollAt(queriers) } : {}),
      };
    });
  }

  /** Rows after the offset in incrementing mode (one COUNT(*) per table); undefined for the other modes. */
  async lag(deadline: number): Promise<number | undefined> {
    if (!usesIncrementing(this.deps.config.mode) || usesTimestamp(this.deps.config.mode)) return undefined;
    return this.transient(async () => {
      let lag = 0;
      for (const q of await this.queriersFor(deadline)) {
        const stmt = q.lagStatement();
        if (!stmt) return undefined;
        const params = stmt.params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
        const result = await this.withDb((c) => c.select(stmt.sql, params), deadline);
        lag += Number(result.rows[0]?.[0] ?? 0);
      }
      return lag;
    });
  }

  async close(): Promise<void> {
    const c = this.conn;
    this.conn = undefined;
    await c?.close();
  }

  /** Connects, discovers the tables and checks the tracking columns (ConfigError when validate.non.null fails). */
  private async queriersFor(deadline: number): Promise<readonly TableQuerier[]> {
    this.queriers ??= await this.withDb((c) => buildQueriers(c, this.deps.dialect, this.deps.config, this.zone), deadline);
    return this.queriers;
  }

  private nextDue(queriers: readonly TableQuerier[]): TableQuerier | undefined {
    const now = this.clock.now();
    return queriers.find((q) => q.nextPollAt <= now);
  }

  private nextPollAt(queriers: readonly TableQuerier[]): number {
    return Math.min(...queriers.map((q) => q.nextPollAt));
  }

  /** Positions every querier from the stored offsets (another container may have moved them); resolves timestamp.initial. */
  private async position(stored: OffsetReader, deadline: number): Promise<void> {
    const { config } = this.deps;
    const all = stored.all();
    this.initialOffsets = [];
    this.following = undefined;
    for (const q of await this.queriersFor(deadline)) {
      const former = q.target.table ? formerTablePartitions(q.target.table) : [];
      const found = [q.partition, ...former].map((p) => all.find((o) => samePartition(o.partition, p))).find((o) => o !== undefined);
      let offset = offsetFromMap(found?.offset);
      if (found?.offset == null && usesTimestamp(config.mode) && config.timestampInitial !== undefined) {
        const initial = config.timestampInitial === -1 ? await this.dbNow(deadline) : { ms: config.timestampInitial, nanos: (config.timestampInitial % 1000) * 1_000_000 };
        offset = { ...offset, timestampMs: initial.ms, timestampNanos: initial.nanos };
        // Stored at once (the next poll returns it alone), so that a later invocation does not resolve -1 to a later "now" and skip rows.
        this.initialOffsets.push({ partition: q.partition, offset: offsetToMap(offset) });
      }
      q.commit(offset);
      // Each invocation polls every table at once: the schedule, not the previous container, paces it.
      q.nextPollAt = 0;
    }
    this.positionedFrom = stored;
  }

  private async read(q: TableQuerier, deadline: number): Promise<PolledBatch> {
    const end = usesTimestamp(this.deps.config.mode) ? await this.endTimestamp(deadline) : undefined;
    return this.withDb((c) => q.poll(c, end), deadline);
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
    return delay === 0 ? now : { ms: now.ms - delay, nanos: ((((now.ms - delay) % 1000) + 1000) % 1000) * 1_000_000 };
  }

  /** A transient database error that outlived the retries within this invocation: retriable, for the next invocation. */
  private async transient<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof AttemptsExhaustedError) && (e as { retriable?: unknown })?.retriable !== true && this.deps.dialect.isTransient(e)) {
        throw new RetriableError(e instanceof Error ? e.message : String(e), { cause: e });
      }
      throw e;
    }
  }

  /** Runs `fn` on the connection, reconnecting and retrying transient errors with backoff until `deadline`. */
  private withDb<T>(fn: (c: SourceConnection) => Promise<T>, deadline: number): Promise<T> {
    const { dialect, config, connector, logger } = this.deps;
    // query.retry.attempts: -1 retries transient query errors until the deadline.
    const maxRetries = config.queryRetryAttempts < 0 ? NO_RETRY_LIMIT : config.queryRetryAttempts;
    const policy = { maxRetries, initialBackoffMs: Math.min(config.connectionBackoffMs, 1000) || 100, maxDelayMs: 10_000, timeoutMs: -1 };
    const attempts = { attempts: config.connectionAttempts, backoffMs: config.connectionBackoffMs };
    const open = () => connector.connect(config.connection, { timezone: config.timezone, isolation: config.isolationMode });
    let tries = 0;
    return this.retrier
      .retry(
        async () => {
          tries++;
          try {
            this.conn ??= await connectWithAttempts(open, attempts, this.clock, deadline);
            return await fn(this.conn);
          } catch (e) {
            if (!(e instanceof AttemptsExhaustedError) && dialect.isTransient(e)) {
              logger.warn(`Transient database error in ${config.name}; retrying: ${String(e)}`);
              await this.close();
            }
            throw e;
          }
        },
        policy,
        (e) => !(e instanceof AttemptsExhaustedError) && dialect.isTransient(e),
        deadline,
      )
      .catch((e: unknown) => {
        // Retries used up (not the deadline reached): the task fails, as Confluent's does.
        if (config.queryRetryAttempts >= 0 && tries > config.queryRetryAttempts && !(e instanceof AttemptsExhaustedError) && dialect.isTransient(e)) throw queryRetriesExhausted(config.queryRetryAttempts, e);
        throw e;
      });
  }
}
