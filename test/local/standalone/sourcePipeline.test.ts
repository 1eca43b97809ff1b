// Standalone mode runs source pipelines: the scheduler emulator fires the source handler, whose rows a kafkajs
// consumer reads back; a paused pipeline produces nothing until resumed.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { PG_URL, uniqueName, withPg } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let sluice: StandaloneHandle;
let kafka: Kafka;
const table = uniqueName('customers');

beforeAll(async () => {
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
  kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
  await withPg(async (c) => {
    await c.query(`CREATE TABLE "${table}" (id SERIAL PRIMARY KEY, name TEXT NOT NULL)`);
    await c.query(`INSERT INTO "${table}" (name) VALUES ('a'), ('b'), ('c')`);
  });
});
afterAll(async () => {
  await sluice.stop();
  await withPg((c) => c.query(`DROP TABLE IF EXISTS "${table}"`));
});

describe('standalone source pipeline', () => {
  it('produces a table’s rows, and new rows, to a topic; nothing while paused', async () => {
    // Prepare: a consumer on the pipeline's topic
    const seen: number[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: `pg-${table}`, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push((JSON.parse(message.value!.toString()) as { payload: { id: number } }).payload.id) });
    // Act
    const created = await fetch(`${sluice.url}/connectors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'customers-src', config: { 'connector.class': 'JdbcSource', 'connection.url': `${PG_URL}?user=postgres`, mode: 'incrementing', 'incrementing.column.name': 'id', 'table.whitelist': table, 'topic.prefix': 'pg-', 'poll.interval.ms': '200' } }),
    });
    await waitFor(async () => seen.length >= 3, 30_000, () => `only ${seen.length} of 3 rows arrived`);
    await withPg((c) => c.query(`INSERT INTO "${table}" (name) VALUES ('d')`));
    await waitFor(async () => seen.length >= 4, 30_000, 'the new row never arrived');
    await fetch(`${sluice.url}/connectors/customers-src/pause`, { method: 'PUT' });
    await waitFor(async () => !sluice.scheduler.active.includes('customers-src'), 10_000, 'the schedule is still active after the pause');
    await withPg((c) => c.query(`INSERT INTO "${table}" (name) VALUES ('e')`));
    await sluice.controller.reconcile();
    const whilePaused = seen.length;
    await fetch(`${sluice.url}/connectors/customers-src/resume`, { method: 'PUT' });
    await waitFor(async () => seen.length >= 5, 30_000, 'the row inserted while paused never arrived after resume');
    const offsets = (await (await fetch(`${sluice.url}/connectors/customers-src/offsets`)).json()) as { offsets: Array<{ offset: { incrementing: number } }> };
    await consumer.disconnect();
    // Assess
    expect(created.status).toBe(201);
    expect(whilePaused).toBe(4);
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(offsets.offsets[0]!.offset).toEqual({ incrementing: 5 });
  });
});
