// The example plugin (examples/redis-sink) as a user runs it: standalone mode started with --plugin-path examples, a
// pipeline created over the REST API, records produced with kafkajs to the embedded broker, and the real Redis
// (127.0.0.1:6379) read back. A record without a key is the connector's per-record failure: it reaches the DLQ.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../local/standalone.js';
import { type PluginDir, pluginDir } from '../adapters/plugins/pluginFixtures.js';
import { waitFor } from '../helpers/waitFor.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const PREFIX = `p15path:${randomUUID()}:`;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const redis = createClient({ url: 'redis://127.0.0.1:6379' });
let sluice: StandaloneHandle;
let kafka: Kafka;
// A second plugin folder holding a package that throws at import: reported, and the example still loads.
let broken: PluginDir;

beforeAll(async () => {
  await redis.connect();
  broken = pluginDir();
  broken.write('broken.mjs', 'throw new Error("license check failed");');
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200, pluginPath: [EXAMPLES, broken.dir] });
  kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
});
afterAll(async () => {
  await sluice?.stop();
  broken?.remove();
  for await (const keys of redis.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 100 })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${sluice.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

describe('the example Redis sink plugin in standalone mode', () => {
  it('loads from --plugin-path and is listed by GET /connector-plugins with its package version, beside a broken package reported with its file', async () => {
    expect(sluice.plugins.failures).toEqual([{ source: join(broken.dir, 'broken.mjs'), reason: 'cannot be imported: license check failed' }]);
    expect(sluice.plugins.loaded.map((p) => p.source)).toEqual([join(EXAMPLES, 'redis-sink')]);
    const plugins = await call('GET', '/connector-plugins');
    expect(plugins.body).toContainEqual({ class: 'com.example.redis.RedisSinkConnector', type: 'sink', version: '0.1.0' });
    const bad = await call('PUT', '/connector-plugins/RedisSink/config/validate', { name: 'redis', 'connector.class': 'RedisSink', topics: 't', 'redis.url': 'http://nope' });
    expect(bad.body).toMatchObject({ error_count: 1 });
  });

  it('writes produced records to Redis as JSON, deletes on a tombstone, and dead-letters a record without a key', async () => {
    // Prepare
    const topic = `p15path-redis-${randomUUID().slice(0, 8)}`;
    const dlq = `${topic}-dlq`;
    const config = {
      'connector.class': 'com.example.redis.RedisSinkConnector',
      topics: topic,
      'redis.url': 'redis://127.0.0.1:6379',
      'redis.key.prefix': PREFIX,
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': dlq,
      'errors.deadletterqueue.context.headers.enable': 'true',
    };
    // Act
    const created = await call('POST', '/connectors', { name: topic, config });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'a', value: JSON.stringify({ id: 1, name: 'first' }) },
        { key: 'b', value: JSON.stringify({ id: 2, name: 'second' }) },
        { key: null, value: JSON.stringify({ id: 3, name: 'keyless' }) },
        { key: 'a', value: null },
        { key: 'c', value: JSON.stringify({ id: 4, tags: ['x'] }) },
      ],
    });
    await producer.disconnect();
    // Assess
    expect(created.status).toBe(201);
    await waitFor(async () => (await redis.get(`${PREFIX}c`)) !== null, 60_000, () => `${PREFIX}c never appeared in Redis`);
    expect(JSON.parse((await redis.get(`${PREFIX}c`)) ?? 'null')).toEqual({ id: 4, tags: ['x'] });
    expect(JSON.parse((await redis.get(`${PREFIX}b`)) ?? 'null')).toEqual({ id: 2, name: 'second' });
    expect(await redis.exists(`${PREFIX}a`)).toBe(0);
    const consumer = kafka.consumer({ groupId: `${topic}-reader` });
    const dead: Array<{ value: string; headers: Record<string, string> }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: dlq, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        dead.push({ value: message.value?.toString() ?? '', headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) });
      },
    });
    await waitFor(async () => dead.length > 0, 30_000, 'no record reached the dead-letter topic').finally(() => consumer.disconnect());
    expect(dead.map((d) => JSON.parse(d.value))).toEqual([{ id: 3, name: 'keyless' }]);
    expect(dead[0]?.headers['__connect.errors.exception.message']).toMatch(/has no key: the Redis sink needs one/);
  });
});
