// The task: one batch per put, written in one MULTI/EXEC transaction (SET <prefix><key> <JSON value>, DEL on a
// tombstone), so a batch is written whole or not at all, and writing it again (the framework redelivers a batch whose
// invocation failed) leaves the same keys with the same values: idempotent.
// Errors follow the connector contract by shape: `retriable: true` for what may pass (the server is unreachable or
// busy: the framework retries the batch), and a record with no usable key is that record's failure (returned from
// put: routed per errors.tolerance, e.g. to the dead-letter queue).
import { createClient } from '@redis/client';
import type { FailedRecord, SinkRecord, SinkTask, TaskContext } from '../../../lambdas/connect-api/index.js';

export interface RedisSinkSettings {
  readonly url: string;
  readonly password?: string;
  readonly keyPrefix: string;
}

/** A transient failure: the framework retries the batch with backoff. */
export class RedisRetriableError extends Error {
  readonly retriable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedisRetriableError';
  }
}

/** The server cannot be reached: no record is at fault (none is dead-lettered); retried. */
export class RedisConnectionError extends Error {
  readonly retriable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}

/** JSON for Connect values: a Struct as its fields, bigints as decimal strings, bytes as base64. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Map) return Object.fromEntries(value);
  if (typeof value === 'object' && value !== null && typeof (value as { toObject?: unknown }).toObject === 'function') return (value as { toObject(): unknown }).toObject();
  // A Connect Decimal: its exact decimal string (JSON numbers would round it).
  if (typeof value === 'object' && value !== null && typeof (value as { unscaled?: unknown }).unscaled === 'bigint') return String(value);
  return value;
}

/** The record's key as a string; a record without a key cannot be written (that record fails). */
export function keyText(record: SinkRecord): string {
  const key = record.key;
  if (key === null || key === undefined) throw new Error(`Record ${record.topic}-${record.kafkaPartition}@${record.kafkaOffset} has no key: the Redis sink needs one to name the Redis key`);
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'bigint' || typeof key === 'boolean') return String(key);
  return JSON.stringify(key, jsonReplacer);
}

function newClient(settings: RedisSinkSettings) {
  // No endless reconnecting inside an invocation: a failed connect is the framework's to retry.
  return createClient({ url: settings.url, ...(settings.password ? { password: settings.password } : {}), socket: { connectTimeout: 5000, reconnectStrategy: false } });
}

type Client = ReturnType<typeof newClient>;

export class RedisSinkTask implements SinkTask {
  private client: Client | undefined;

  constructor(
    private readonly settings: RedisSinkSettings,
    private readonly context: TaskContext,
  ) {}

  async start(): Promise<void> {
    if (this.client?.isOpen) return;
    const client = newClient(this.settings);
    client.on('error', (e: Error) => this.context.logger.warn(`Redis client: ${e.message}`));
    try {
      await client.connect();
    } catch (e) {
      client.destroy();
      throw new RedisConnectionError(`Cannot connect to Redis at ${this.settings.url}: ${(e as Error).message}`, { cause: e });
    }
    this.client = client;
  }

  async put(records: readonly SinkRecord[]): Promise<readonly FailedRecord[]> {
    if (!this.client?.isOpen) await this.start();
    const client = this.client as Client;
    const failed: FailedRecord[] = [];
    const multi = client.multi();
    let writes = 0;
    for (const record of records) {
      let key: string;
      try {
        key = this.settings.keyPrefix + keyText(record);
      } catch (e) {
        failed.push({ record, error: e as Error });
        continue;
      }
      if (record.value === null || record.value === undefined) multi.del(key);
      else multi.set(key, JSON.stringify(record.value, jsonReplacer));
      writes++;
    }
    if (writes === 0) return failed;
    try {
      await multi.exec();
    } catch (e) {
      // The connection dropped or the server refused (LOADING, BUSY, READONLY after a failover): worth retrying.
      await this.close();
      throw new RedisRetriableError(`Redis write of ${writes} record(s) failed: ${(e as Error).message}`, { cause: e });
    }
    return failed;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isOpen) await client.close();
    else client?.destroy();
  }
}
