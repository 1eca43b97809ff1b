import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';

describe('topic administration', () => {
  let broker: BrokerHandle;
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await startBroker({ port: 0, numPartitions: 2, autoCreateTopics: false });
    kafka = new Kafka({ clientId: 'admin-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 1 } });
  });

  afterAll(async () => {
    await broker.stop();
  });

  it('creates and deletes topics through the kafkajs admin client', async () => {
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic: 'made', numPartitions: 5 }, { topic: 'default-count' }] })).toBe(true);
    // Creating an existing topic is not an error for kafkajs' createTopics: it answers false.
    expect(await admin.createTopics({ topics: [{ topic: 'made', numPartitions: 5 }] })).toBe(false);
    expect((await admin.listTopics()).sort()).toEqual(['default-count', 'made']);
    const meta = await admin.fetchTopicMetadata({ topics: ['made', 'default-count'] });
    expect(meta.topics.find((t) => t.name === 'made')!.partitions).toHaveLength(5);
    expect(meta.topics.find((t) => t.name === 'default-count')!.partitions).toHaveLength(2);
    await admin.deleteTopics({ topics: ['made'] });
    expect(await admin.listTopics()).toEqual(['default-count']);
    await expect(admin.deleteTopics({ topics: ['made'] })).rejects.toThrow(/does not host this topic-partition/);
    await admin.disconnect();
  });

  it('does not create topics on metadata requests when auto-creation is off', async () => {
    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    await expect(producer.send({ topic: 'never-created', messages: [{ value: 'x' }] })).rejects.toThrow(/does not host this topic-partition/);
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.listTopics()).not.toContain('never-created');
    await admin.disconnect();
  });
});
