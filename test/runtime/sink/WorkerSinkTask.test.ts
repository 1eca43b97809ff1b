// SinkTask: conversion, transforms, retries, bisection and the dead-letter queue (through the embedded broker).
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryMetricsSink } from '../../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { KafkaRecordProducer } from '../../../lambdas/adapters/kafka/KafkaRecordProducer.js';
import { ToleranceExceededError } from '../../../lambdas/runtime/errorhandling/ToleranceOperator.js';
import { ConnectionError, RetriableError, SluiceError } from '../../../lambdas/connect-api/errors.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import type { RecordProducer } from '../../../lambdas/runtime/ports/RecordProducer.js';
import { createSinkTask } from '../../../lambdas/runtime/sink/createSinkTask.js';
import type { RawRecord } from '../../../lambdas/runtime/sink/mskEvent.js';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { FakeClock } from '../../helpers/fakeClock.js';
import { MemoryWriter } from '../../helpers/memoryWriter.js';

let broker: BrokerHandle;
let kafka: Kafka;
let producer: KafkaRecordProducer;
beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  producer = new KafkaRecordProducer(kafka);
});
afterAll(async () => {
  await producer.close();
  await broker.stop();
});

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | Buffer | null | undefined) => (b ? Buffer.from(b).toString('utf8') : null);

function raw(offset: number, value: string | null, key = `k${offset}`): RawRecord {
  return { topic: 'orders', partition: 0, offset, timestamp: 1_700_000_000_000 + offset, timestampType: 'CREATE_TIME', key: enc(key), value: value === null ? null : enc(value), headers: [{ key: 'h', value: enc('v') }] };
}
const good = (offset: number) => raw(offset, JSON.stringify({ id: offset, name: `n${offset}` }));

const BASE = { name: 'orders-sink', 'connector.class': 'JdbcSink', 'connection.url': 'jdbc:postgresql://h/db', topics: 'orders', 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false', 'retry.backoff.ms': '100' };

function task(props: Record<string, string>, options: { writer?: MemoryWriter; producer?: RecordProducer } = {}) {
  const writer = options.writer ?? new MemoryWriter();
  const metrics = new InMemoryMetricsSink();
  const logs: string[] = [];
  const clock = new FakeClock();
  const t = createSinkTask({ ...BASE, ...props }, { registry: builtinPlugins(), createTask: () => writer, metrics, clock, logger: { info: () => undefined, warn: () => undefined, error: (m) => logs.push(m) }, ...(options.producer ? { producer: options.producer } : {}) });
  return { t, writer, metrics, logs, clock, deadline: clock.now() + 600_000 };
}

async function readTopic(topic: string, count: number): Promise<Array<{ key: string | null; value: string | null; headers: Record<string, string | null>; offset: string; timestamp: string }>> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Math.random()}` });
  const out: Array<{ key: string | null; value: string | null; headers: Record<string, string | null>; offset: string; timestamp: string }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${out.length} of ${count} records arrived on ${topic}`)), 20_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, dec(Array.isArray(v) ? (v[0] as Buffer) : (v as Buffer | undefined))]));
        out.push({ key: dec(message.key), value: dec(message.value), headers, offset: message.offset, timestamp: message.timestamp });
        if (out.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

describe('SinkTask', () => {
  it('converts and writes a batch, and counts it', async () => {
    const { t, writer, metrics, deadline } = task({ 'sluice.metrics.level': 'detailed' });
    const result = await t.put([good(0), good(1), good(2)], deadline);
    expect(result).toEqual({ received: 3, written: 3, filtered: 0, failed: 0, topics: ['orders'] });
    expect(writer.rows.get('k1')).toEqual({ id: 1, name: 'n1' });
    expect(metrics.snapshot('orders-sink').counts).toMatchObject({ RecordsReceived: 3, RecordsWritten: 3, RecordsFailed: 0, RecordsDeadLettered: 0 });
    expect(Object.keys(metrics.snapshot('orders-sink').timings).sort()).toEqual(['BatchLatency', 'WriteLatency']);
  });

  it('records only the basic metrics by default (sluice.metrics.level=basic): written, failed, dead-lettered', async () => {
    const { t, metrics, deadline } = task({});
    await t.put([good(0), good(1)], deadline);
    expect(metrics.snapshot('orders-sink')).toEqual({ counts: { RecordsWritten: 2, RecordsFailed: 0, RecordsDeadLettered: 0 }, timings: {} });
  });

  it('fails the task on a malformed record with errors.tolerance=none, writing nothing', async () => {
    const { t, writer, deadline } = task({});
    await expect(t.put([good(0), raw(1, '{not json'), good(2)], deadline)).rejects.toBeInstanceOf(ToleranceExceededError);
    expect(writer.rows.size).toBe(0);
  });

  it('sends a malformed record to the DLQ with its original bytes and the context headers, and writes the rest', async () => {
    // Prepare
    const { t, writer, metrics, deadline } = task({ 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq-convert', 'errors.deadletterqueue.context.headers.enable': 'true' }, { producer });
    // Act
    const result = await t.put([good(0), raw(1, '{not json'), good(2)], deadline);
    const [dead] = await readTopic('dlq-convert', 1);
    // Assess
    expect(result).toMatchObject({ received: 3, written: 2, failed: 1 });
    expect([...writer.rows.keys()]).toEqual(['k0', 'k2']);
    expect(dead).toMatchObject({ key: 'k1', value: '{not json', timestamp: String(1_700_000_000_001) });
    expect(dead!.headers).toMatchObject({
      h: 'v',
      '__connect.errors.topic': 'orders',
      '__connect.errors.partition': '0',
      '__connect.errors.offset': '1',
      '__connect.errors.connector.name': 'orders-sink',
      '__connect.errors.task.id': '0',
      '__connect.errors.stage': 'VALUE_CONVERTER',
      '__connect.errors.class.name': 'org.apache.kafka.connect.json.JsonConverter',
    });
    expect(dead!.headers['__connect.errors.exception.stacktrace']).toContain('ConversionError');
    expect(metrics.snapshot('orders-sink').counts.RecordsDeadLettered).toBe(1);
  });

  it('finds the one record the database rejects by bisecting, dead-letters it and writes all the others', async () => {
    // Prepare: 64 records, offset 37 violates a constraint
    const records = Array.from({ length: 64 }, (_, i) => (i === 37 ? raw(i, JSON.stringify({ id: i, poison: true })) : good(i)));
    const { t, writer, deadline } = task({ 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq-write', 'errors.deadletterqueue.context.headers.enable': 'true' }, { producer });
    // Act
    const result = await t.put(records, deadline);
    const [dead] = await readTopic('dlq-write', 1);
    // Assess
    expect(result).toMatchObject({ written: 63, failed: 1 });
    expect(writer.rows.size).toBe(63);
    expect(writer.rows.has('k37')).toBe(false);
    expect(dead!.headers).toMatchObject({ '__connect.errors.offset': '37', '__connect.errors.stage': 'TASK_PUT', '__connect.errors.class.name': 'org.apache.kafka.connect.sink.SinkTask', '__connect.errors.exception.class.name': 'DataError' });
    expect(writer.calls).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(64)));
  });

  it('fails the task when the database rejects a record with errors.tolerance=none', async () => {
    const { t, writer, deadline } = task({});
    await expect(t.put([good(0), raw(1, JSON.stringify({ poison: true }))], deadline)).rejects.toBeInstanceOf(ToleranceExceededError);
    expect(writer.rows.size).toBe(0);
  });

  it('retries a transient write failure with exponential backoff and writes the batch once', async () => {
    const writer = new MemoryWriter();
    writer.transientFailures = 3;
    const { t, clock, deadline } = task({ 'retry.backoff.ms': '100', 'errors.retry.delay.max.ms': '300' }, { writer });
    const result = await t.put([good(0), good(1)], deadline);
    expect(result.written).toBe(2);
    expect(writer.calls).toBe(4);
    expect(clock.sleeps).toEqual([100, 200, 300]);
  });

  it('fails the task when transient failures outlast max.retries, and dead-letters nothing', async () => {
    const writer = new MemoryWriter();
    writer.transientFailures = 100;
    const { t, deadline } = task({ 'max.retries': '2', 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq-never' }, { writer, producer });
    const error = await t.put([good(0)], deadline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SluiceError);
    expect((error as SluiceError).retriable).toBe(false);
    expect((error as Error).message).toMatch(/failed after retries: connection reset by peer/);
    expect(writer.calls).toBe(3);
  });

  it('stops retrying at the invocation deadline', async () => {
    const writer = new MemoryWriter();
    writer.transientFailures = 100;
    const { t, clock } = task({ 'retry.backoff.ms': '1000' }, { writer });
    await expect(t.put([good(0)], clock.now() + 2_500)).rejects.toThrow(/failed after retries/);
    expect(writer.calls).toBe(2);
  });

  it('drops records a transform filters out and counts them', async () => {
    const { t, writer, metrics, deadline } = task({
      'sluice.metrics.level': 'detailed',
      'delete.enabled': 'false',
      transforms: 'dropTombstones',
      'transforms.dropTombstones.type': 'org.apache.kafka.connect.transforms.Filter',
      'transforms.dropTombstones.predicate': 'isTombstone',
      predicates: 'isTombstone',
      'predicates.isTombstone.type': 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
    });
    const result = await t.put([good(0), raw(1, null), good(2)], deadline);
    expect(result).toMatchObject({ written: 2, filtered: 1 });
    expect(writer.rows.size).toBe(2);
    expect(metrics.snapshot('orders-sink').counts.RecordsFiltered).toBe(1);
  });

  it('fails the invocation (so the ESM redelivers) when the DLQ cannot be written', async () => {
    const broken: RecordProducer = { send: async () => Promise.reject(new Error('broker down')), close: async () => undefined };
    const { t, deadline } = task({ 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq-x' }, { producer: broken });
    await expect(t.put([raw(0, '{bad')], deadline)).rejects.toBeInstanceOf(RetriableError);
  });

  it('logs a skipped record with its coordinates when there is no DLQ', async () => {
    const { t, logs, deadline } = task({ 'errors.tolerance': 'all' });
    await t.put([good(0), raw(1, '{bad')], deadline);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^Error encountered in task orders-sink-0\. Executing stage 'VALUE_CONVERTER' with class 'org\.apache\.kafka\.connect\.json\.JsonConverter', where consumed record is \{topic='orders', partition=0, offset=1/);
  });
});

describe('SinkTask when the database cannot be reached', () => {
  it('fails the task without dead-lettering any record, even with errors.tolerance=all', async () => {
    // Prepare: a writer whose connection attempt is refused for good
    const writer = new MemoryWriter();
    writer.put = async () => Promise.reject(new ConnectionError('Could not connect to postgresql at db:5432: password authentication failed'));
    const sent: unknown[] = [];
    const recording: RecordProducer = { send: async (_t, r) => void sent.push(...r), close: async () => undefined };
    const { t, deadline } = task({ 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq-outage' }, { writer, producer: recording });
    // Act
    const error = await t.put([good(0), good(1)], deadline).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ConnectionError);
    expect(sent).toEqual([]);
  });
});

describe('WorkerSinkTask with a connector that throws its own errors (recognised by shape, not class)', () => {
  /** A plugin's own error classes: no import of Sluice. */
  class PluginThrottled extends Error {
    readonly retriable = true;
  }
  class PluginRejected extends Error {
    constructor(
      message: string,
      readonly record: unknown,
    ) {
      super(message);
    }
  }
  class PluginUnreachable extends Error {
    override name = 'ConnectionError';
  }

  it('retries an error marked `retriable: true` with backoff, then writes the batch', async () => {
    const writer = new MemoryWriter();
    const put = writer.put.bind(writer);
    let throttles = 2;
    writer.put = async (records) => {
      if (throttles-- > 0) throw new PluginThrottled('429 Too Many Requests');
      return put(records);
    };
    const { t, deadline } = task({}, { writer });
    const result = await t.put([good(0), good(1)], deadline);
    expect(result).toMatchObject({ written: 2, failed: 0 });
    expect([...writer.rows.keys()]).toEqual(['k0', 'k1']);
  });

  it('fails the record an error names in its `record` property and puts the others again', async () => {
    const writer = new MemoryWriter();
    const put = writer.put.bind(writer);
    let calls = 0;
    writer.put = async (records) => {
      calls++;
      const bad = records.find((r) => r.kafkaOffset === 1);
      if (bad) throw new PluginRejected('mapper_parsing_exception', bad);
      return put(records);
    };
    const { t, logs, deadline } = task({ 'errors.tolerance': 'all' }, { writer });
    const result = await t.put([good(0), good(1), good(2)], deadline);
    expect(result).toMatchObject({ received: 3, written: 2, failed: 1 });
    expect([...writer.rows.keys()]).toEqual(['k0', 'k2']);
    expect(calls).toBe(2); // the named record is left out at once: no bisection
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/stage 'TASK_PUT'.*offset=1/);
  });

  it("fails the task on an error named 'ConnectionError' without dead-lettering any record", async () => {
    const writer = new MemoryWriter();
    writer.put = async () => Promise.reject(new PluginUnreachable('connect ECONNREFUSED'));
    const sent: unknown[] = [];
    const recording: RecordProducer = { send: async (_t, r) => void sent.push(...r), close: async () => undefined };
    const { t, deadline } = task({ 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq-plugin-outage' }, { writer, producer: recording });
    const error = await t.put([good(0), good(1)], deadline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginUnreachable);
    expect(sent).toEqual([]);
  });
});
