// The seed's flow verbatim: the OracleSinkConnector JSON is accepted; with no Oracle reachable its task turns FAILED
// with a readable trace and the API keeps serving. The same JSON with a jdbc:postgresql URL writes PostgreSQL.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { SEED } from '../../helpers/apiHarness.js';
import { uniqueName, withPg } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let sluice: StandaloneHandle;
let kafka: Kafka;
const table = uniqueName('my_first_stream_table');

beforeAll(async () => {
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
  kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
});
afterAll(async () => {
  await sluice.stop();
  await withPg((c) => c.query(`DROP TABLE IF EXISTS "${table}"`));
});

async function produce(topic: string, messages: Array<{ key: string; value: string }>): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages });
  await producer.disconnect();
}

const postJson = (path: string, body: unknown) => fetch(`${sluice.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('the seed flow', () => {
  it('accepts the OracleSinkConnector JSON, then reports FAILED with a trace when Oracle is unreachable', async () => {
    // Act
    const created = await postJson('/connectors', SEED);
    await produce('my-test-topic', [{ key: '1', value: JSON.stringify({ schema: { type: 'struct', fields: [{ field: 'id', type: 'int32' }] }, payload: { id: 1 } }) }]);
    // Assess
    expect(created.status).toBe(201);
    const failed = await waitFor(
      async () => {
        const s = (await (await fetch(`${sluice.url}/connectors/${SEED.name}/status`)).json()) as { tasks: Array<{ state: string; trace?: string }> };
        return s.tasks[0]?.state === 'FAILED' ? s : undefined;
      },
      30_000,
      'the Oracle pipeline never reported FAILED',
    );
    expect(failed.tasks[0]!.trace).toMatch(/Oracle|NJS-|ORA-|connect/i);
    expect((await fetch(`${sluice.url}/connectors`)).status).toBe(200);
  });

  it('writes PostgreSQL with the same JSON and a jdbc:postgresql URL', async () => {
    const topic = uniqueName('my_test_topic');
    const body = { name: 'pg-from-seed', config: { ...SEED.config, 'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres', topics: topic, table, 'auto.create': 'true' } };
    const created = await postJson('/connectors', body);
    await produce(topic, [{ key: '1', value: JSON.stringify({ schema: { type: 'struct', fields: [{ field: 'id', type: 'int32' }, { field: 'note', type: 'string', optional: true }] }, payload: { id: 1, note: 'hello' } }) }]);
    expect(created.status).toBe(201);
    const rows = await waitFor(async () => (await withPg((c) => c.query(`SELECT id, note FROM "${table}"`)).catch(() => ({ rows: [] }))).rows.length > 0 ? (await withPg((c) => c.query(`SELECT id, note FROM "${table}"`))).rows : undefined, 30_000, 'no row arrived in PostgreSQL');
    expect(rows).toEqual([{ id: 1, note: 'hello' }]);
  });
});
