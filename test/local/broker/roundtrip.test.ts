import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { waitFor } from './helpers.js';

describe('kafkajs producer to consumer group round trip', () => {
  let broker: BrokerHandle;
  let kafka: Kafka;
  let producer: Producer;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    broker = await startBroker({ port: 0, numPartitions: 4 });
    kafka = new Kafka({ clientId: 'roundtrip', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
  });

  afterAll(async () => {
    for (const c of consumers) await c.disconnect();
    await producer.disconnect();
    await broker.stop();
  });

  it('delivers keys, headers and tombstones across several partitions in order per partition', async () => {
    const messages = Array.from({ length: 40 }, (_, i) => ({
      key: `key-${i % 7}`,
      value: i % 10 === 9 ? null : `value-${i}`,
      headers: { seq: String(i), origin: 'test' },
    }));
    await producer.send({ topic: 'rt-small', messages });
    const consumer = kafka.consumer({ groupId: 'rt-small-group', maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: 'rt-small', fromBeginning: true });
    const got: Array<{ partition: number; key: string; value: string | null; seq: number; origin: string }> = [];
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        got.push({
          partition,
          key: message.key!.toString(),
          value: message.value === null ? null : message.value.toString(),
          seq: Number(message.headers!.seq!.toString()),
          origin: message.headers!.origin!.toString(),
        });
      },
    });
    await waitFor(() => got.length >= 40, 20_000, '40 messages');
    expect(got).toHaveLength(40);
    expect(new Set(got.map((g) => g.partition)).size).toBeGreaterThan(1);
    for (const g of got) {
      const src = messages[g.seq]!;
      expect(g.key).toBe(src.key);
      expect(g.value).toBe(src.value);
      expect(g.origin).toBe('test');
    }
    expect(got.filter((g) => g.value === null)).toHaveLength(4);
    // The same key always lands on one partition, and order within a partition is kept.
    const byKey = new Map<string, Set<number>>();
    for (const g of got) byKey.set(g.key, (byKey.get(g.key) ?? new Set()).add(g.partition));
    for (const parts of byKey.values()) expect(parts.size).toBe(1);
    for (const p of new Set(got.map((g) => g.partition))) {
      const seqs = got.filter((g) => g.partition === p).map((g) => g.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    await consumer.stop();
  });

  it('carries a 1 MB record intact', async () => {
    const big = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
    await producer.send({ topic: 'rt-big', messages: [{ key: 'big', value: big }] });
    const consumer = kafka.consumer({ groupId: 'rt-big-group', maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: 'rt-big', fromBeginning: true });
    let received: Buffer | null = null;
    await consumer.run({
      eachMessage: async ({ message }) => {
        received = message.value;
      },
    });
    await waitFor(() => received !== null, 20_000, 'the 1 MB record');
    expect(Buffer.compare(received!, big)).toBe(0);
    await consumer.stop();
  });

  it('moves 100k records through one consumer group without loss or duplication', async () => {
    const total = 100_000;
    const batch = 10_000;
    for (let start = 0; start < total; start += batch) {
      await producer.send({
        topic: 'rt-100k',
        messages: Array.from({ length: batch }, (_, i) => ({ key: String((start + i) % 97), value: String(start + i) })),
      });
    }
    const consumer = kafka.consumer({ groupId: 'rt-100k-group', maxWaitTimeInMs: 100, maxBytes: 10 * 1024 * 1024 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: 'rt-100k', fromBeginning: true });
    const seen = new Uint8Array(total);
    let count = 0;
    await consumer.run({
      eachBatch: async ({ batch: b }) => {
        for (const m of b.messages) {
          seen[Number(m.value!.toString())]++;
          count++;
        }
      },
    });
    await waitFor(() => count >= total, 40_000, `${total} records`);
    expect(count).toBe(total);
    expect(seen.every((n) => n === 1)).toBe(true);
    await consumer.stop();
  }, 60_000);
});
