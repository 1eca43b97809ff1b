// Test inputs of the sink handler as the event source mapping delivers them, and the one record a topic (the
// dead-letter queue) receives, read back with kafkajs.
import type { Kafka } from 'kafkajs';
import type { MskEvent } from '../../lambdas/runtime/sink/mskEvent.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** One partition's records (string keys and values, null for a tombstone), base64 as the ESM sends them. */
export function mskEventOf(bootstrapServers: string, topic: string, records: ReadonlyArray<{ key: string; value: string | null }>, firstOffset: number): MskEvent {
  const list = records.map((r, i) => ({ topic, partition: 0, offset: firstOffset + i, timestamp: 1_700_000_000_000 + i, timestampType: 'CREATE_TIME' as const, key: b64(r.key), value: r.value === null ? null : b64(r.value), headers: [] }));
  return { eventSource: 'aws:kafka', bootstrapServers, records: { [`${topic}-0`]: list } } as unknown as MskEvent;
}

/** The first record on `topic` (from the beginning), with its headers as strings; fails after 20 s without one. */
export async function readOneRecord(kafka: Kafka, topic: string): Promise<{ key: string; value: string; headers: Record<string, string> }> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing arrived on ${topic}`)), 20_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          clearTimeout(timer);
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
          resolve({ key: String(message.key), value: String(message.value), headers });
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
