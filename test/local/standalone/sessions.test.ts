// No pipeline leaks a database session: delete, stop, pause, reconfigure and restart close the pipeline's
// connections. Counted the way a DBA sees them: pg_stat_activity rows whose application_name is sluice:<pipeline>.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { PG_URL, uniqueName, withPg } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }] };
let sluice: StandaloneHandle;
let kafka: Kafka;
const sinkTable = uniqueName('sess_sink');
const sourceTable = uniqueName('sess_src');
const topic = uniqueName('sess_topic');
// Unique per run, so sessions of other runs on the shared server are never counted.
const sinkName = uniqueName('sess-sink');
const sourceName = uniqueName('sess-src');

beforeAll(async () => {
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
  kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
  await withPg(async (c) => {
    await c.query(`CREATE TABLE "${sourceTable}" (id SERIAL PRIMARY KEY, name TEXT NOT NULL)`);
    await c.query(`INSERT INTO "${sourceTable}" (name) VALUES ('a')`);
  });
});
afterAll(async () => {
  await sluice.stop();
  await withPg(async (c) => {
    await c.query(`DROP TABLE IF EXISTS "${sinkTable}"`);
    await c.query(`DROP TABLE IF EXISTS "${sourceTable}"`);
  });
});

const call = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(`${sluice.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(r.status, `${method} ${path}: ${await r.clone().text()}`).toBeLessThan(300);
};
const sessions = (pipeline: string) => withPg(async (c) => Number((await c.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [`sluice:${pipeline}`])).rows[0].n));
const waitSessions = (pipeline: string, n: number, after: string) => waitFor(async () => (await sessions(pipeline)) === n, 15_000, `${after}: sessions of ${pipeline} never became ${n}`);
const rows = () => withPg(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "${sinkTable}"`)).rows[0].n)).catch(() => 0);

async function produce(id: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: JSON.stringify({ schema, payload: { id } }) }] });
  await producer.disconnect();
}

describe('database sessions of pipelines in standalone mode', () => {
  it('a sink holds one named session while it runs, and none once reconfigured, restarted, stopped, paused or deleted', async () => {
    const config = { 'connector.class': 'JdbcSink', 'connection.url': PG_URL, 'connection.user': 'postgres', topics: topic, 'table.name.format': sinkTable, 'auto.create': 'true', 'sluice.esm.batching.window.ms': '0' };
    await call('POST', '/connectors', { name: sinkName, config });
    /** Writes record `id` and waits until it is a row and the pipeline holds exactly one session. */
    const flows = async (id: number, when: string) => {
      await produce(id);
      await waitFor(async () => (await rows()) === id, 30_000, `the row ${when}`);
      await waitSessions(sinkName, 1, when);
    };
    await flows(1, 'running');

    // Each change closes the session at once (with no traffic); the next batch opens one again.
    const changes: Array<[string, () => Promise<void>, (() => Promise<void>) | undefined]> = [
      ['reconfigured', () => call('PUT', `/connectors/${sinkName}/config`, { ...config, 'batch.size': '100' }), undefined],
      ['restarted', () => call('POST', `/connectors/${sinkName}/restart?includeTasks=true`), undefined],
      ['paused', () => call('PUT', `/connectors/${sinkName}/pause`), () => call('PUT', `/connectors/${sinkName}/resume`)],
      ['stopped', () => call('PUT', `/connectors/${sinkName}/stop`), () => call('PUT', `/connectors/${sinkName}/resume`)],
    ];
    let id = 1;
    for (const [what, change, undo] of changes) {
      await change();
      await waitSessions(sinkName, 0, what);
      await undo?.();
      await flows(++id, `after being ${what}`);
    }

    await call('DELETE', `/connectors/${sinkName}`);
    await waitSessions(sinkName, 0, 'deleted');
  });

  it('a source holds one named session while it runs, and none once stopped or deleted', async () => {
    await call('POST', '/connectors', { name: sourceName, config: { 'connector.class': 'JdbcSource', 'connection.url': `${PG_URL}?user=postgres`, mode: 'incrementing', 'incrementing.column.name': 'id', 'table.whitelist': sourceTable, 'topic.prefix': 'sess-', 'poll.interval.ms': '200' } });
    await waitSessions(sourceName, 1, 'running');
    await call('PUT', `/connectors/${sourceName}/stop`);
    await waitSessions(sourceName, 0, 'stopped');
    await call('PUT', `/connectors/${sourceName}/resume`);
    await waitSessions(sourceName, 1, 'resumed');
    await call('DELETE', `/connectors/${sourceName}`);
    await waitSessions(sourceName, 0, 'deleted');
  });
});
