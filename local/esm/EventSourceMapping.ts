// One sink pipeline's stand-in for its MSK event source mappings: a kafkajs consumer in group connect-<name> that
// invokes the sink handler with MSK-shaped events, commits only after success, and retries a failed batch with
// backoff (the partition stalls, as with a real ESM) until it succeeds or the mapping is stopped.
import type { Consumer, Kafka } from 'kafkajs';
import type { Context } from 'aws-lambda';
import type { MskEvent } from '../../lambdas/runtime/sink/mskEvent.js';
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import { localContext } from '../httpAdapter.js';
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
}

export class EventSourceMapping {
  private consumer: Consumer | undefined;
  private stopping = false;
  private inflight: Promise<void> = Promise.resolve();

  constructor(
    readonly settings: MappingSettings,
    private readonly kafka: Kafka,
    private readonly invoke: InvokeSink,
    private readonly bootstrapServers: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const s = this.settings;
    const consumer = this.kafka.consumer({
      groupId: s.groupId,
      maxWaitTimeInMs: Math.max(s.batchingWindowMs, 10),
      minBytes: s.batchingWindowMs > 0 ? 1024 * 1024 : 1,
      maxBytes: MAX_PAYLOAD_BYTES,
      allowAutoTopicCreation: true,
      retry: { retries: 10 },
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...s.topics], fromBeginning: s.fromBeginning });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        const work = (async () => {
          for (const { event, lastOffset } of chunkEvents(batch.topic, batch.partition, batch.messages, s.batchSize, this.bootstrapServers)) {
            const ok = await this.invokeUntilSuccess(event, heartbeat, () => isRunning() && !isStale() && !this.stopping);
            if (!ok) return; // stopped or rebalanced: leave the rest uncommitted (and unresolved, so it is fetched again)
            resolveOffset(String(lastOffset));
            await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(lastOffset + 1) }]);
          }
        })();
        this.inflight = work.catch(() => undefined);
        return work;
      },
    });
  }

  /** Stops consuming; a batch in flight finishes (and commits only if it succeeded). */
  async stop(): Promise<void> {
    this.stopping = true;
    // A batch the sink already wrote gets its offset committed before the consumer leaves: no redelivery on restart.
    await this.inflight;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async invokeUntilSuccess(event: MskEvent, heartbeat: () => Promise<void>, active: () => boolean): Promise<boolean> {
    let backoff = 250;
    for (;;) {
      if (!active()) return false;
      try {
        const context = { ...localContext('sluice-sink', this.settings.invokedFunctionArn), getRemainingTimeInMillis: deadlineIn(this.settings.timeoutMs) };
        await this.invoke(event, context);
        return true;
      } catch (e) {
        this.logger.warn(`sink invocation for ${this.settings.pipeline} failed; retrying in ${backoff} ms`, { error: (e as Error).message });
      }
      await sleepWhile(backoff, active);
      await heartbeat().catch(() => undefined);
      backoff = Math.min(backoff * 2, 10_000);
    }
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
