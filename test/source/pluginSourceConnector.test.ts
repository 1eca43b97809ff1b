// A source connector that is not JDBC, written only against connect-api, run by the source framework: the framework
// finds it by class name in the registry, polls its task with the stored offsets, produces what it returns to the
// embedded broker and stores the offsets only after the broker acknowledged the records. A batch whose produce fails
// leaves the offsets where they were, so the next invocation polls it again.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaRecordProducer } from '../../lambdas/adapters/kafka/KafkaRecordProducer.js';
import { InMemoryMetricsSink } from '../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { ConfigDef } from '../../lambdas/connect-api/config/ConfigDef.js';
import type { SourceConnector, SourcePollContext, SourcePollResult, SourceTask } from '../../lambdas/connect-api/connector.js';
import type { SourceRecord } from '../../lambdas/connect-api/data/ConnectRecord.js';
import { RetriableError } from '../../lambdas/connect-api/errors.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import { systemClock } from '../../lambdas/runtime/ports/Clock.js';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import type { ProducerRecord, RecordProducer } from '../../lambdas/runtime/ports/RecordProducer.js';
import { createSourceTask } from '../../lambdas/runtime/source/createSourceTask.js';
import { type BrokerHandle, startBroker } from '../../local/broker/index.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';

const PARTITION = { counter: 'main' };
/** The positions each poll started from, as the framework handed them over. */
const polledFrom: number[] = [];

/** Emits the next three numbers after the stored position, one record each, then says it caught up. */
class CounterTask implements SourceTask {
  constructor(private readonly topic: string) {}
  async poll(context: SourcePollContext): Promise<SourcePollResult> {
    const position = Number(context.offsets.offset(PARTITION)?.['position'] ?? 0);
    polledFrom.push(position);
    const records: SourceRecord[] = [1, 2, 3].map((i) => ({
      topic: this.topic,
      kafkaPartition: null,
      keySchema: null,
      key: null,
      valueSchema: null,
      value: String(position + i),
      timestamp: null,
      headers: [],
      sourcePartition: PARTITION,
      sourceOffset: { position: position + i },
    }));
    return { records, caughtUp: true };
  }
  async close(): Promise<void> {}
}

const counterSource: SourceConnector = {
  type: 'source',
  className: 'com.example.CounterSourceConnector',
  version: '1.0.0',
  configDef: new ConfigDef([{ name: 'topic', type: 'STRING', importance: 'HIGH', documentation: 'Where the numbers go.' }]),
  createTask: (props) => new CounterTask(props['topic'] ?? ''),
};

let dynamo: TestDynamo;
let broker: BrokerHandle;
let kafka: Kafka;
let producer: KafkaRecordProducer;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  broker = await startBroker({ port: 0 });
  kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  producer = new KafkaRecordProducer(kafka);
});
afterAll(async () => {
  await producer.close();
  await broker.stop();
  await dynamo.stop();
});

async function readValues(topic: string, count: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const out: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${out.length} of ${count} records arrived on ${topic}`)), 20_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          out.push(String(message.value));
          if (out.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}

describe('a non-JDBC source connector plugin through the source framework', () => {
  it('stores offsets only after the broker acknowledged the records, and re-polls a batch whose produce failed', async () => {
    // Prepare: the connector registered beside the built-ins, and a pipeline naming it
    const store: PipelineStore = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    const registry = builtinPlugins().register(counterSource);
    const name = `counter-${randomUUID().slice(0, 8)}`;
    const topic = `${name}-numbers`;
    const config = { name, 'connector.class': 'CounterSource', topic, 'poll.interval.ms': '60000', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' };
    const now = new Date().toISOString();
    await store.create({ name, type: 'source', config, targetState: 'RUNNING', version: 1, restartEpoch: 0, createdAt: now, updatedAt: now });
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let sendStarted: () => void = () => undefined;
    const sending = new Promise<void>((r) => {
      sendStarted = r;
    });
    /** Holds the first send until released; then fails one send with a retriable error; then passes sends through. */
    let mode: 'hold' | 'fail' | 'pass' = 'hold';
    const gated: RecordProducer = {
      send: async (t: string, records: readonly ProducerRecord[]) => {
        if (mode === 'fail') throw new RetriableError('broker went away');
        if (mode === 'hold') {
          sendStarted();
          await released;
        }
        await producer.send(t, records);
      },
      close: async () => undefined,
    };
    const task = createSourceTask(config, 1, { registry, store, producer: gated, metrics: new InMemoryMetricsSink(), clock: systemClock, logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, owner: 'test' });
    const deadline = () => Date.now() + 20_000;

    // Act 1: the first invocation, its produce held
    const first = task.runInvocation(deadline());
    await sending;
    const whileSending = await store.listOffsets(name);
    release();
    const firstResult = await first;
    const afterAck = await store.listOffsets(name);
    // Act 2: the produce fails
    mode = 'fail';
    const secondResult = await task.runInvocation(deadline());
    const afterFailure = await store.listOffsets(name);
    // Act 3: the produce works again
    mode = 'pass';
    const thirdResult = await task.runInvocation(deadline());
    const afterRetry = await store.listOffsets(name);
    await task.close();

    // Assess
    expect(whileSending).toEqual([]);
    expect(firstResult).toMatchObject({ outcome: 'completed', rows: 3, produced: 3 });
    expect(afterAck).toEqual([{ partition: PARTITION, offset: { position: 3 } }]);
    expect(secondResult.outcome).toBe('transient');
    expect(afterFailure).toEqual([{ partition: PARTITION, offset: { position: 3 } }]);
    expect(thirdResult).toMatchObject({ outcome: 'completed', produced: 3 });
    expect(afterRetry).toEqual([{ partition: PARTITION, offset: { position: 6 } }]);
    expect(polledFrom).toEqual([0, 3, 3]);
    expect(await readValues(topic, 6)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
