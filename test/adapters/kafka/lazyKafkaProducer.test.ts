// The sink's dead-letter producer (lazyKafkaProducer) against the embedded broker: records sent through it arrive with
// their key, value and headers; a producer never sent to connects nowhere and closes; after close it reconnects.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyKafkaProducer } from '../../../lambdas/adapters/kafka/lazyKafkaProducer.js';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';

let broker: BrokerHandle;

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
});
afterAll(async () => {
  await broker.stop();
});

async function read(topic: string, count: number): Promise<Array<{ key: string; value: string; header: string }>> {
  const consumer = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).consumer({ groupId: `w17-lazy-${topic}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise((resolve) => {
      const out: Array<{ key: string; value: string; header: string }> = [];
      void consumer.run({
        eachMessage: async ({ message }) => {
          out.push({ key: String(message.key), value: String(message.value), header: String(message.headers?.['h']) });
          if (out.length === count) resolve(out);
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

describe('lazyKafkaProducer', () => {
  it('sends records with kafkajs imported on the first send, and sends again after close', async () => {
    const p = lazyKafkaProducer({ brokers: [broker.bootstrap], auth: 'none', ssl: false, clientId: 'w17-lazy' });
    const rec = (k: string) => ({ key: Buffer.from(k), value: Buffer.from(`v-${k}`), headers: [{ key: 'h', value: Buffer.from(`h-${k}`) }] });
    await p.send('w17-lazy-dlq', [rec('a')]);
    await p.close();
    await p.send('w17-lazy-dlq', [rec('b')]);
    await p.close();
    expect(await read('w17-lazy-dlq', 2)).toEqual([
      { key: 'a', value: 'v-a', header: 'h-a' },
      { key: 'b', value: 'v-b', header: 'h-b' },
    ]);
  });

  it('connects nowhere until a record is sent: an empty send and a close succeed without a reachable broker', async () => {
    const p = lazyKafkaProducer({ brokers: ['127.0.0.1:1'], auth: 'none', ssl: false });
    await p.send('nowhere', []);
    await expect(p.close()).resolves.toBeUndefined();
  });

  it('fails the send when the client cannot be built (KAFKA_AUTH=iam without a Region), and builds it again on the next send', async () => {
    const p = lazyKafkaProducer({ brokers: ['127.0.0.1:1'], auth: 'iam', ssl: true });
    const rec = { key: null, value: Buffer.from('x'), headers: [] };
    await expect(p.send('t', [rec])).rejects.toThrow(/needs AWS_REGION/);
    await expect(p.send('t', [rec])).rejects.toThrow(/needs AWS_REGION/);
  });
});
