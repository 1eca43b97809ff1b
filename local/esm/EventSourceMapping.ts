// One sink pipeline's stand-in for its MSK event source mappings: a kafkajs consumer in group connect-<name> that
// invokes the sink handler with MSK-shaped events, commits only after success, and retries a failed batch with
// backoff (the partition stalls, as with a real ESM) until it succeeds or the mapping is stopped.
//
// Like Lambda's ESM, it keeps its consumer alive on its own (what a stall needs to be seen and healed):
//   - while an invocation runs it heartbeats in the background (as the Java consumer's heartbeat thread does for the
//     ESM), so a long invocation (retries during a database outage) does not get the consumer evicted;
//   - a consumer that crashed, could not commit after a successful invocation (evicted, REBALANCE_IN_PROGRESS,
//     UNKNOWN_MEMBER_ID), or went silent for a session timeout outside an invocation is replaced by a new one that
//     rejoins the group, and a consumer that cannot start (broker unreachable) is retried with backoff; meanwhile
//     LastProcessingResult is "PROBLEM: <reason>" (shown in the status as the task's trace), logged once;
//   - a record it cannot read (codec, corrupt batch) fails the pipeline's task with the reason, logged once.
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Context } from 'aws-lambda';
import { errorTrace } from '../../lambdas/connect-api/errors.js';
import type { MskEvent } from '../../lambdas/runtime/sink/mskEvent.js';
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { localContext } from '../httpAdapter.js';
import { registerCodecs } from './codecs.js';
import { isUnreadableRecord } from './crashCause.js';
import { MappingHealth } from './MappingHealth.js';
import { chunkEvents, MAX_PAYLOAD_BYTES } from './toMskEvent.js';

export type InvokeSink = (event: MskEvent, context: Context) => Promise<unknown>;

export interface MappingSettings {
  readonly pipeline: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly fromBeginning: boolean;
  /** The ARN the handler sees as context.invokedFunctionArn (function ARN + pipeline alias). */
  readonly invokedFunctionArn: string;
  readonly timeoutMs: number;
  /** The consumer's group session timeout; also how long a consumer may stay silent before it is replaced. @default 30000 */
  readonly sessionTimeoutMs?: number;
}

const MAX_BACKOFF_MS = 10_000;

export class EventSourceMapping {
  private consumer: Consumer | undefined;
  /** Bumped whenever the consumer is replaced: callbacks of an older consumer see they are stale. */
  private incarnation = 0;
  private stopping = false;
  private inflight: Promise<void> = Promise.resolve();
  private invoking = false;
  private lastSignOfLife = Date.now();
  private watchdog: NodeJS.Timeout | undefined;
  private launching: Promise<void> | undefined;
  readonly health: MappingHealth;

  constructor(
    readonly settings: MappingSettings,
    private readonly kafka: Kafka,
    private readonly invoke: InvokeSink,
    private readonly bootstrapServers: string,
    private readonly logger: Logger,
    private readonly store?: PipelineStore,
  ) {
    registerCodecs();
    this.health = new MappingHealth(`event source mapping of ${settings.pipeline} (group ${settings.groupId}, topics ${settings.topics.join(',')})`, logger);
  }

  private get sessionTimeoutMs(): number {
    return this.settings.sessionTimeoutMs ?? 30_000;
  }

  /**
   * How long a consumer may show no sign of life (no request, fetch or heartbeat) outside an invocation before it is
   * replaced: kafkajs keeps retrying a broker that went away without a word. Longer than one fetch's wait.
   */
  private get silenceLimitMs(): number {
    return Math.min(this.sessionTimeoutMs, Math.max(5_000, this.settings.batchingWindowMs + 2_000));
  }

  /** Starts the consumer; when it cannot start, keeps trying in the background (the problem is in the status). */
  async start(): Promise<void> {
    this.watchdog = setInterval(() => this.checkAlive(), 500);
    this.watchdog.unref();
    try {
      await this.runConsumer();
    } catch (e) {
      this.health.problem('the consumer could not start; retrying', e);
      this.launching = this.launch();
    }
  }

  /** Stops consuming; a batch in flight finishes (and commits only if it succeeded). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    await this.launching;
    // A batch the sink already wrote gets its offset committed before the consumer leaves: no redelivery on restart.
    await this.inflight;
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
  }

  /** Connects a new consumer, retrying with backoff until it runs or the mapping stops. */
  private async launch(): Promise<void> {
    let backoff = 250;
    while (!this.stopping) {
      await sleepWhile(backoff, () => !this.stopping);
      if (this.stopping) return;
      try {
        await this.runConsumer();
        return;
      } catch (e) {
        this.health.problem('the consumer could not start; retrying', e);
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  private async runConsumer(): Promise<void> {
    const s = this.settings;
    const consumer = this.kafka.consumer({
      groupId: s.groupId,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: Math.max(100, Math.floor(this.sessionTimeoutMs / 10)),
      maxWaitTimeInMs: Math.max(s.batchingWindowMs, 10),
      minBytes: s.batchingWindowMs > 0 ? 1024 * 1024 : 1,
      maxBytes: MAX_PAYLOAD_BYTES,
      allowAutoTopicCreation: true,
      // The mapping replaces a crashed consumer itself (it must tell a dropped consumer from an unreadable record).
      // Few, short retries: a broker that went away shows as a PROBLEM within about 2 s rather than after 10.
      retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000, restartOnFailure: async () => false },
    });
    const incarnation = ++this.incarnation;
    this.lastSignOfLife = Date.now();
    const alive = () => {
      if (incarnation === this.incarnation) this.lastSignOfLife = Date.now();
    };
    for (const event of [consumer.events.REQUEST, consumer.events.FETCH_START, consumer.events.HEARTBEAT, consumer.events.CONNECT]) consumer.on(event, alive);
    consumer.on(consumer.events.GROUP_JOIN, () => {
      alive();
      if (incarnation === this.incarnation) this.health.joined();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => void this.crashed(incarnation, payload.error));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...s.topics], fromBeginning: s.fromBeginning });
      await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.eachBatch(incarnation, consumer, payload) });
      this.consumer = consumer;
    } catch (e) {
      await consumer.disconnect().catch(() => undefined);
      throw e;
    }
  }

  private eachBatch(incarnation: number, consumer: Consumer, { batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload): Promise<void> {
    const s = this.settings;
    const active = () => isRunning() && !isStale() && !this.stopping && incarnation === this.incarnation;
    const work = (async () => {
      for (const { event, lastOffset } of chunkEvents(batch.topic, batch.partition, batch.messages, s.batchSize, this.bootstrapServers)) {
        const ok = await this.invokeUntilSuccess(event, heartbeat, active);
        if (!ok) return; // stopped or replaced: leave the rest uncommitted (and unresolved, so it is fetched again)
        resolveOffset(String(lastOffset));
        try {
          await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(lastOffset + 1) }]);
        } catch (e) {
          // Written but not committed: the consumer lost its group membership. A new one rejoins and the batch is
          // delivered again, which the sink's idempotent writes absorb.
          this.replace(incarnation, `could not commit offset ${lastOffset + 1} of ${batch.topic}-${batch.partition} after a successful invocation; rejoining the group`, e);
          return;
        }
        this.health.ok();
      }
    })();
    this.inflight = work.catch(() => undefined);
    return work;
  }

  private async invokeUntilSuccess(event: MskEvent, heartbeat: () => Promise<void>, active: () => boolean): Promise<boolean> {
    let backoff = 250;
    let lastError: string | undefined;
    for (;;) {
      if (!active()) return false;
      try {
        await this.invokeOnce(event, heartbeat);
        return true;
      } catch (e) {
        const message = (e as Error).message;
        // The handler logs and records what fails a task; the emulator logs a failing batch once, not every retry.
        if (message !== lastError) this.logger.warn(`sink invocation for ${this.settings.pipeline} failed; retrying with backoff`, { error: message });
        lastError = message;
      }
      await sleepWhile(backoff, active);
      await heartbeat().catch(() => undefined);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  /** One invocation, heartbeating meanwhile so that the group keeps the consumer however long the function runs. */
  private async invokeOnce(event: MskEvent, heartbeat: () => Promise<void>): Promise<void> {
    const beat = setInterval(() => void heartbeat().catch(() => undefined), Math.max(100, Math.floor(this.sessionTimeoutMs / 10)));
    this.invoking = true;
    try {
      const context = { ...localContext('sluice-sink', this.settings.invokedFunctionArn), getRemainingTimeInMillis: deadlineIn(this.settings.timeoutMs) };
      await this.invoke(event, context);
    } finally {
      clearInterval(beat);
      this.invoking = false;
      this.lastSignOfLife = Date.now();
    }
  }

  private async crashed(incarnation: number, error: Error): Promise<void> {
    if (this.stopping || incarnation !== this.incarnation) return;
    if (!isUnreadableRecord(error)) {
      this.replace(incarnation, 'the consumer crashed; rejoining the group', error);
      return;
    }
    this.incarnation++;
    this.consumer = undefined; // kafkajs disconnected it; the mapping waits to be stopped, reading nothing more
    const trace = `Event source mapping of ${this.settings.pipeline} cannot read a record of ${this.settings.topics.join(',')} (group ${this.settings.groupId}): ${errorTrace(error)}`;
    this.health.problem('a record cannot be read; the task is FAILED', error);
    await this.failTask(trace);
  }

  /** Records the task as FAILED with the trace, as the sink handler does for a failure of its own. */
  private async failTask(trace: string): Promise<void> {
    if (!this.store) return;
    const name = this.settings.pipeline;
    const workerId = (await this.store.getStatus(name).catch(() => undefined))?.tasks.find((t) => t.id === 0)?.workerId ?? 'standalone';
    await this.store
      .patchStatus(name, { connector: { state: 'RUNNING', workerId }, tasks: [{ id: 0, state: 'FAILED', workerId, trace }] })
      .catch((e: unknown) => this.logger.error(`could not record the FAILED status of ${name}`, { error: String(e) }));
  }

  /** Drops the consumer of `incarnation` (if it is still the current one) and starts a new one that rejoins. */
  private replace(incarnation: number, reason: string, error?: unknown): void {
    if (this.stopping || incarnation !== this.incarnation) return;
    this.incarnation++;
    this.health.problem(reason, error);
    const old = this.consumer;
    this.consumer = undefined;
    const relaunch = (async () => {
      await this.inflight;
      await old?.disconnect().catch(() => undefined);
      if (this.stopping) return;
      try {
        await this.runConsumer();
      } catch (e) {
        this.health.problem('the consumer could not rejoin; retrying', e);
        await this.launch();
      }
    })();
    this.launching = relaunch.catch(() => undefined);
  }

  /** A consumer that shows no sign of life for silenceLimitMs, outside an invocation, has stalled: replace it. */
  private checkAlive(): void {
    if (this.stopping || this.invoking || this.consumer === undefined) return;
    const silentMs = Date.now() - this.lastSignOfLife;
    if (silentMs > this.silenceLimitMs) this.replace(this.incarnation, `the consumer showed no sign of life for over ${this.silenceLimitMs} ms; rejoining the group`);
  }
}

function deadlineIn(ms: number): () => number {
  const end = Date.now() + ms;
  return () => Math.max(0, end - Date.now());
}

async function sleepWhile(ms: number, active: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end && active()) await new Promise((r) => setTimeout(r, Math.min(100, end - Date.now())));
}
