import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { waitFor } from './helpers.js';

describe('broker with a data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-broker-'));
  let broker: BrokerHandle | null = null;

  afterAll(async () => {
    await broker?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const clientFor = (b: BrokerHandle) => new Kafka({ clientId: 'persist', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });

  async function consume(kafka: Kafka, count: number): Promise<string[]> {
    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: 'persist-group', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'kept', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    await waitFor(() => seen.length >= count, 20_000, `${count} records`);
    await consumer.disconnect();
    return seen;
  }

  it('keeps topics, records and committed group offsets across a broker restart', async () => {
    broker = await startBroker({ port: 0, dataDir, numPartitions: 2, segmentBytes: 256 });
    let kafka = clientFor(broker);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kept', numPartitions: 3 }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 30; i++) await producer.send({ topic: 'kept', messages: [{ key: `k${i}`, value: `before-${i}` }] });
    await producer.disconnect();
    expect(await consume(kafka, 30)).toHaveLength(30);
    // Small segments: the partition logs rolled into several files.
    const segments = readdirSync(join(dataDir, 'logs')).flatMap((d) => readdirSync(join(dataDir, 'logs', d)));
    expect(segments.length).toBeGreaterThan(3);
    await broker.stop();

    broker = await startBroker({ port: 0, dataDir, numPartitions: 2 });
    kafka = clientFor(broker);
    const admin2 = kafka.admin();
    await admin2.connect();
    expect(await admin2.listTopics()).toContain('kept');
    const offsets = await admin2.fetchTopicOffsets('kept');
    expect(offsets.map((o) => Number(o.high)).reduce((a, b) => a + b, 0)).toBe(30);
    expect(offsets).toHaveLength(3);
    const committed = await admin2.fetchOffsets({ groupId: 'persist-group', topics: ['kept'] });
    expect(committed[0]!.partitions.map((p) => Number(p.offset)).reduce((a, b) => a + b, 0)).toBe(30);
    await admin2.disconnect();

    const producer2 = kafka.producer();
    await producer2.connect();
    await producer2.send({ topic: 'kept', messages: [{ key: 'k-after', value: 'after-restart' }] });
    await producer2.disconnect();
    // The group resumes from its committed offsets: only the new record is delivered.
    expect(await consume(kafka, 1)).toEqual(['after-restart']);

    // A fresh group still reads every stored record, byte for byte.
    const everything: string[] = [];
    const fresh = kafka.consumer({ groupId: 'persist-fresh', maxWaitTimeInMs: 100 });
    await fresh.connect();
    await fresh.subscribe({ topic: 'kept', fromBeginning: true });
    await fresh.run({ eachMessage: async ({ message }) => void everything.push(message.value!.toString()) });
    await waitFor(() => everything.length >= 31, 20_000, 'all 31 records');
    await fresh.disconnect();
    expect(everything.sort()).toEqual([...Array.from({ length: 30 }, (_, i) => `before-${i}`), 'after-restart'].sort());
  }, 60_000);
});
