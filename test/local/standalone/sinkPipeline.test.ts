// Standalone mode end to end: a sink pipeline created over HTTP consumes the embedded broker through the ESM emulator
// and writes PostgreSQL through the real JDBC writer.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { uniqueName, withPg } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';
import { upsertSinkConfig } from '../../helpers/upsertSinkConfig.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let sluice: StandaloneHandle;
let kafka: Kafka;
const tables: string[] = [];

beforeAll(async () => {
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, kafkaPartitions: 3, logger: quiet, pollIntervalMs: 200 });
  kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
});
afterAll(async () => {
  await sluice.stop();
  await withPg(async (c) => {
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS "${t}"`);
  });
});

const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }, { field: 'name', type: 'string', optional: true }] };
const envelope = (id: number, name: string) => JSON.stringify({ schema, payload: { id, name } });

async function post(path: string, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(`${sluice.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function produce(topic: string, from: number, count: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  for (let start = from; start < from + count; start += 1000) {
    const n = Math.min(1000, from + count - start);
    await producer.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ key: String(start + i), value: envelope(start + i, `name-${start + i}`) })) });
  }
  await producer.disconnect();
}

const rowCount = (table: string) => withPg(async (c) => Number((await c.query(`SELECT count(*) AS n, count(DISTINCT id) AS d FROM "${table}"`)).rows[0].n));

describe('standalone sink pipeline', () => {
  it('writes 10k produced records to PostgreSQL, each row exactly once', async () => {
    // Prepare
    const topic = uniqueName('orders');
    const table = uniqueName('orders_tbl');
    tables.push(table);
    // Act
    const created = await post('/connectors', { name: `sink-${topic}`, config: upsertSinkConfig(topic, table) });
    await produce(topic, 0, 10_000);
    // Assess
    expect(created.status).toBe(201);
    await waitFor(async () => (await rowCount(table).catch(() => 0)) === 10_000, 60_000, () => `rows of ${table} did not reach 10000`);
    const distinct = await withPg(async (c) => (await c.query(`SELECT count(DISTINCT id)::int AS d, min(name) AS first FROM "${table}"`)).rows[0]);
    expect(distinct.d).toBe(10_000);
    const status = (await (await fetch(`${sluice.url}/connectors/sink-${topic}/status`)).json()) as { tasks: Array<{ state: string }> };
    expect(status.tasks[0].state).toBe('RUNNING');
    expect(sluice.metrics.snapshot(`sink-${topic}`).counts.RecordsWritten).toBeGreaterThanOrEqual(10_000);
  });

  it('writes nothing while PAUSED, and catches up on resume', async () => {
    const topic = uniqueName('paused');
    const table = uniqueName('paused_tbl');
    tables.push(table);
    const name = `sink-${topic}`;
    await post('/connectors', { name, config: upsertSinkConfig(topic, table) });
    await produce(topic, 0, 10);
    await waitFor(async () => (await rowCount(table).catch(() => 0)) === 10, 30_000, 'first 10 rows');
    // Act: pause, produce, and give the emulator time to have acted on the pause
    expect((await post(`/connectors/${name}/pause`, undefined, 'PUT')).status).toBe(202);
    await waitFor(async () => !sluice.esm.active.includes(name), 5_000, 'the mapping stops within the poll interval');
    await produce(topic, 10, 10);
    await sluice.controller.reconcile();
    // Assess
    expect(await rowCount(table)).toBe(10);
    expect((await post(`/connectors/${name}/resume`, undefined, 'PUT')).status).toBe(202);
    await waitFor(async () => (await rowCount(table)) === 20, 30_000, 'rows produced while paused arrive after resume');
  });
});

describe('standalone status', () => {
  it('includes the pipeline’s mapping, metrics and metrics history under runtime', async () => {
    const topic = uniqueName('observed');
    const table = uniqueName('observed_tbl');
    tables.push(table);
    const name = `sink-${topic}`;
    // detailed: the latencies are in the history too (the default, basic, has the written/failed/dead-lettered counts).
    await post('/connectors', { name, config: { ...upsertSinkConfig(topic, table), 'sluice.metrics.level': 'detailed' } });
    await produce(topic, 0, 5);
    const status = await waitFor(async () => {
      const s = (await (await fetch(`${sluice.url}/connectors/${name}/status`)).json()) as {
        runtime?: { metrics: Record<string, number>; event_source_mappings: unknown[]; metrics_history: { period_seconds: number; series: Record<string, [number, number][]> } };
      };
      return (s.runtime?.metrics['RecordsWritten'] ?? 0) >= 5 ? s : undefined;
    }, 30_000, 'RecordsWritten never reached 5 in the status');
    // A mapping UUID, as ListEventSourceMappings gives one per mapping.
    expect(status.runtime!.event_source_mappings).toEqual([{ topic, uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/), state: 'Enabled', last_processing_result: 'OK' }]);
    // The history per 10 s period: the counts' buckets add up to the totals, latencies are there, oldest first.
    const history = status.runtime!.metrics_history;
    expect(history.period_seconds).toBe(10);
    const written = history.series['RecordsWritten'] ?? [];
    expect(written.reduce((sum, [, v]) => sum + v, 0)).toBe(status.runtime!.metrics['RecordsWritten']);
    for (const points of Object.values(history.series)) {
      expect(points.every(([t], i) => t % 10_000 === 0 && (i === 0 || t > points[i - 1]![0]))).toBe(true);
    }
    expect(history.series['BatchLatency']?.length).toBeGreaterThan(0);
  });
});
