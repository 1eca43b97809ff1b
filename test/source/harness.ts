// Real PostgreSQL / MariaDB, the embedded broker and dynalite, wired into the source runtime as the Lambda wires it.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaRecordProducer } from '../../lambdas/adapters/kafka/KafkaRecordProducer.js';
import { InMemoryMetricsSink } from '../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import { systemClock } from '../../lambdas/runtime/ports/Clock.js';
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import type { RecordProducer } from '../../lambdas/runtime/ports/RecordProducer.js';
import { createSourceTask } from '../../lambdas/runtime/source/createSourceTask.js';
import type { WorkerSourceTask as SourceTask } from '../../lambdas/runtime/source/WorkerSourceTask.js';
import type { SourceRuntime } from '../../lambdas/source/SourcePipelines.js';
import { startBroker } from '../../local/broker/index.js';
import { startTestDynamo, type TestDynamo } from '../helpers/dynamo.js';
import { afterAll, beforeAll } from 'vitest';

export const PG_URL = 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres';
export const MYSQL_URL = 'jdbc:mysql://127.0.0.1:3306/test?user=root';

export interface Harness {
  readonly kafka: Kafka;
  readonly store: PipelineStore;
  readonly producer: KafkaRecordProducer;
  readonly metrics: InMemoryMetricsSink;
  readonly logs: string[];
  readonly logger: Logger;
  readonly pg: pg.Client;
  readonly my: mysql.Connection;
  /** Creates the CONFIG item (RUNNING, version 1) and returns the pipeline's name. */
  createPipeline(config: Record<string, string>): Promise<string>;
  task(name: string, options?: { owner?: string; producer?: RecordProducer; store?: PipelineStore }): Promise<SourceTask>;
  runtime(): SourceRuntime;
  /** Every record of the topic, values parsed as JSON. */
  readTopic(topic: string): Promise<Array<{ key: string | null; value: unknown; raw: string | null }>>;
  /** A table a test created on the shared server, dropped by stop(). */
  dropAfter(db: 'pg' | 'my', table: string): void;
  stop(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
}

export async function startHarness(): Promise<Harness> {
  const broker = await startBroker({ port: 0 });
  const dynamo: TestDynamo = await startTestDynamo();
  const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
  const kafka = new Kafka({ clientId: 'source-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = new KafkaRecordProducer(kafka);
  const metrics = new InMemoryMetricsSink();
  const logs: string[] = [];
  const logger: Logger = { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) };
  const pgClient = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await pgClient.connect();
  const my = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: 'test' });
  const registry = builtinPlugins();
  const runtime = (): SourceRuntime => ({ store, registry, metrics, clock: systemClock, logger, producer });
  const tasks: SourceTask[] = [];
  const created: Array<{ db: 'pg' | 'my'; table: string }> = [];
  return {
    kafka,
    store,
    producer,
    metrics,
    logs,
    logger,
    pg: pgClient,
    my,
    runtime,
    async createPipeline(config) {
      const name = config['name'] ?? uniqueName('src');
      const now = new Date().toISOString();
      await store.create({ name, type: 'source', config: { name, ...config }, targetState: 'RUNNING', version: 1, restartEpoch: 0, createdAt: now, updatedAt: now });
      return name;
    },
    async task(name, options = {}) {
      const record = await store.get(name);
      const t = createSourceTask(record!.config, record!.version, {
        ...runtime(),
        ...(options.store ? { store: options.store } : {}),
        ...(options.producer ? { producer: options.producer } : {}),
        owner: options.owner ?? `test/${randomUUID()}`,
      });
      tasks.push(t);
      return t;
    },
    async readTopic(topic) {
      const admin = kafka.admin();
      await admin.connect();
      if (!(await admin.listTopics()).includes(topic)) {
        await admin.disconnect();
        return [];
      }
      const high = await admin
        .fetchTopicOffsets(topic)
        .then((parts) => parts.reduce((n, p) => n + Number(p.high), 0))
        .catch(() => 0);
      await admin.disconnect();
      if (high === 0) return [];
      const out: Array<{ key: string | null; value: unknown; raw: string | null }> = [];
      const consumer = kafka.consumer({ groupId: `read-${randomUUID()}` });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`read ${out.length} of ${high} records of ${topic}`)), 20_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            out.push({ key: message.key?.toString() ?? null, value: message.value ? JSON.parse(message.value.toString()) : null, raw: message.value?.toString() ?? null });
            if (out.length >= high) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      await consumer.disconnect();
      return out;
    },
    dropAfter(db, table) {
      created.push({ db, table });
    },
    async stop() {
      for (const t of tasks) await t.close();
      for (const { db, table } of created) {
        if (db === 'pg') await pgClient.query(`DROP TABLE IF EXISTS ${table}`);
        else await my.query(`DROP TABLE IF EXISTS ${table}`);
      }
      await producer.close();
      await pgClient.end();
      await my.end();
      await broker.stop();
      await dynamo.stop();
    },
  };
}

/** A deadline far enough for one poll round (poll.interval.ms ≥ 60000 polls once per invocation). */
export function soon(ms = 20_000): number {
  return Date.now() + ms;
}

/** The payloads of consumed JsonConverter envelopes. */
export function payloads(records: Array<{ value: unknown }>): Array<Record<string, unknown>> {
  return records.map((r) => (r.value as { payload: Record<string, unknown> }).payload);
}

/**
 * The test file's harness: started before its tests and stopped after them (dropping the tables given to dropAfter).
 * Used before beforeAll has run, it throws.
 */
export function useHarness(): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!started) throw new Error('the source test harness is used before beforeAll started it');
      return Reflect.get(started, key);
    },
  });
}
