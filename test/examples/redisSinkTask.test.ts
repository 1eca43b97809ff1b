// The example plugin's task on its own against the real Redis (127.0.0.1:6379): what a plugin author's unit test of
// their put method looks like. The standalone test (redisSinkStandalone.test.ts) runs it through the framework.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../lambdas/connect-api/data/ConnectRecord.js';
import { Decimal } from '../../lambdas/connect-api/data/Decimal.js';
import { schema, structSchema } from '../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../lambdas/connect-api/data/Struct.js';
import { plugins } from '../../examples/redis-sink/src/index.js';
import { redisSinkConnector } from '../../examples/redis-sink/src/RedisSinkConnector.js';

const PREFIX = `p15path:${randomUUID()}:`;
const redis = createClient({ url: 'redis://127.0.0.1:6379' });
const logs: string[] = [];
const context = { connectorName: 'redis-test', logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) } };
const PROPS = { 'connector.class': 'com.example.redis.RedisSinkConnector', 'redis.url': 'redis://127.0.0.1:6379', 'redis.key.prefix': PREFIX };

let offset = 0;
function record(key: unknown, value: unknown): SinkRecord {
  const o = offset++;
  return { topic: 't', kafkaPartition: 0, kafkaOffset: o, keySchema: null, key, valueSchema: null, value, timestamp: null, headers: [], timestampType: 'CREATE_TIME', originalTopic: 't', originalKafkaPartition: 0, originalKafkaOffset: o, raw: { key: null, value: null, headers: [] } };
}

beforeAll(() => redis.connect());
afterAll(async () => {
  for await (const keys of redis.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 100 })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
});

describe('the example RedisSinkTask', () => {
  it('SETs each record as JSON under the prefixed key and DELs on a tombstone; a batch put again leaves the same state', async () => {
    // Prepare
    const person = structSchema([
      ['id', schema('INT64')],
      ['balance', schema('BYTES', { name: 'org.apache.kafka.connect.data.Decimal', parameters: { scale: '2' } })],
    ]);
    const batch = [record('k1', { a: 1 }), record(7, new Struct(person, { id: 9007199254740993n, balance: new Decimal(12345n, 2) })), record('gone', { x: 1 }), record('gone', null)];
    const task = redisSinkConnector.createTask(PROPS, context);
    // Act
    await task.start?.();
    const first = await task.put(batch);
    const second = await task.put(batch);
    await task.close();
    // Assess
    expect(first).toEqual([]);
    expect(second).toEqual([]);
    expect(JSON.parse((await redis.get(`${PREFIX}k1`)) ?? 'null')).toEqual({ a: 1 });
    expect(JSON.parse((await redis.get(`${PREFIX}7`)) ?? 'null')).toEqual({ id: '9007199254740993', balance: '123.45' });
    expect(await redis.exists(`${PREFIX}gone`)).toBe(0);
  });

  it('returns a record without a key as that record’s failure, writing the rest', async () => {
    const task = redisSinkConnector.createTask(PROPS, context);
    const keyless = record(null, { lost: true });
    const failed = await task.put([keyless, record('kept', 1)]);
    await task.close();
    expect(failed).toHaveLength(1);
    expect(failed?.[0]?.record).toBe(keyless);
    expect(failed?.[0]?.error.message).toMatch(/has no key/);
    expect(await redis.get(`${PREFIX}kept`)).toBe('1');
  });

  it('throws a retriable ConnectionError, with no record at fault, when Redis cannot be reached', async () => {
    const task = redisSinkConnector.createTask({ ...PROPS, 'redis.url': 'redis://127.0.0.1:1' }, context);
    const error = await task.put([record('k', 1)]).catch((e: unknown) => e);
    await task.close();
    expect(error).toMatchObject({ name: 'ConnectionError', retriable: true, message: expect.stringContaining('Cannot connect to Redis at redis://127.0.0.1:1') });
  });

  it('validates redis.url beyond its ConfigDef', () => {
    expect(redisSinkConnector.validate?.({ 'redis.url': 'http://x' }).get('redis.url')).toEqual(['Invalid value http://x for configuration redis.url: must start with redis:// or rediss://']);
    expect(redisSinkConnector.validate?.({ 'redis.url': 'rediss://cache:6380/2' }).size).toBe(0);
  });

  it('exports `plugins` and imports nothing of Sluice at run time (type-only imports)', () => {
    expect(plugins).toEqual([redisSinkConnector]);
    const dir = join(import.meta.dirname, '..', '..', 'examples', 'redis-sink', 'src');
    for (const file of readdirSync(dir)) {
      const imports = readFileSync(join(dir, file), 'utf8').match(/^import .*$/gm) ?? [];
      for (const line of imports.filter((l) => l.includes('lambdas/'))) expect(line, `${file}: ${line}`).toMatch(/^import type /);
    }
  });
});
