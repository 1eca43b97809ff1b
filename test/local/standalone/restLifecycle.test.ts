// The lifecycle through the real REST API of `npm start`, with kafkajs as the Kafka client: each request behaves as in
// Kafka Connect 4.1, whether or not records flow (the lifecycle reconciler, not the arrival of a record, completes
// a state change).
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { PG_URL, uniqueName, withPg } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }] };
const tables: string[] = [];
/** Reconciles every 200 ms, as `npm start` does every 500 ms. */
let live: StandaloneHandle;
/** Reconciles only when the test says so (controller.reconcile()), to look at a state change half-way. */
let manual: StandaloneHandle;

beforeAll(async () => {
  live = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
  manual = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 3_600_000 });
});
afterAll(async () => {
  await live.stop();
  await manual.stop();
  await withPg(async (c) => {
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS "${t}"`);
  });
});

interface Status {
  connector: { state: string };
  tasks: Array<{ id: number; state: string }>;
}

async function call(sluice: StandaloneHandle, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${sluice.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const statusOf = async (sluice: StandaloneHandle, name: string) => (await call(sluice, 'GET', `/connectors/${name}/status`)).body as Status;
const states = (s: Status) => [s.connector.state, ...s.tasks.map((t) => t.state)].join(',');

function sinkConfig(topic: string): Record<string, string> {
  const table = uniqueName('lc_tbl');
  tables.push(table);
  return { 'connector.class': 'JdbcSink', 'connection.url': PG_URL, 'connection.user': 'postgres', topics: topic, 'table.name.format': table, 'auto.create': 'true', 'sluice.esm.batching.window.ms': '0' };
}

async function groupMembers(sluice: StandaloneHandle, group: string): Promise<number> {
  const admin = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.describeGroups([group])).groups[0]!.members.length;
  } finally {
    await admin.disconnect();
  }
}

describe('restart', () => {
  it('completes on an idle topic, and a pause sent meanwhile wins', async () => {
    // Prepare: a sink on a topic that never gets a record
    const name = uniqueName('idle');
    await call(live, 'POST', '/connectors', { name, config: sinkConfig(uniqueName('idle_topic')) });
    await waitFor(async () => states(await statusOf(live, name)) === 'RUNNING,RUNNING', 10_000, 'the new pipeline never showed RUNNING');
    // Act
    const restarted = await call(live, 'POST', `/connectors/${name}/restart?includeTasks=true`);
    const completed = await waitFor(async () => {
      const s = await statusOf(live, name);
      return states(s) === 'RUNNING,RUNNING' ? s : undefined;
    }, 5_000, 'the restart of an idle pipeline never completed');
    await call(live, 'POST', `/connectors/${name}/restart?includeTasks=true`);
    const pause = await call(live, 'PUT', `/connectors/${name}/pause`);
    const pausedAtOnce = await statusOf(live, name);
    await waitFor(async () => (await groupMembers(live, `connect-${name}`)) === 0, 10_000, 'the paused pipeline kept its consumer');
    const pausedLater = await statusOf(live, name);
    // Assess
    expect(restarted.status).toBe(202);
    expect(states(restarted.body as Status)).toBe('RESTARTING,RESTARTING');
    expect(completed.tasks).toHaveLength(1);
    expect(pause.status).toBe(202);
    expect(states(pausedAtOnce)).toBe('PAUSED,PAUSED');
    expect(states(pausedLater)).toBe('PAUSED,PAUSED');
  });

  it('with onlyFailed restarts only what FAILED: a RUNNING connector and task are left alone', async () => {
    const name = uniqueName('healthy');
    await call(live, 'POST', '/connectors', { name, config: sinkConfig(uniqueName('healthy_topic')) });
    const before = await waitFor(async () => {
      const s = await statusOf(live, name);
      return states(s) === 'RUNNING,RUNNING' && JSON.stringify(s).includes('"state":"Enabled"') ? s : undefined;
    }, 10_000, 'the new pipeline never showed RUNNING with its mapping enabled');
    // Act
    const r = await call(live, 'POST', `/connectors/${name}/restart?onlyFailed=true&includeTasks=true`);
    const after = await statusOf(live, name);
    // Assess
    expect(r.status).toBe(202);
    expect(states(r.body as Status)).toBe('RUNNING,RUNNING');
    expect(states(after)).toBe('RUNNING,RUNNING');
    expect(after).toEqual(before);
  });
});

describe('stop and offsets', () => {
  it('answers 409 while the consumer is still in its group, never 500, and STOPPED only once it has left', async () => {
    // Prepare: a sink that has consumed and committed records
    const name = uniqueName('stopper');
    const topic = uniqueName('stopper_topic');
    await call(manual, 'POST', '/connectors', { name, config: sinkConfig(topic) });
    await manual.controller.reconcile();
    const producer = new Kafka({ brokers: [manual.kafkaBootstrap], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic, messages: [1, 2].map((id) => ({ value: JSON.stringify({ schema, payload: { id } }) })) });
    await producer.disconnect();
    await waitFor(async () => JSON.stringify((await call(manual, 'GET', `/connectors/${name}/offsets`)).body).includes('"kafka_offset":2'), 30_000, 'the offsets never reached 2');
    // Act: stop; the reconciler has not run yet
    const stop = await call(manual, 'PUT', `/connectors/${name}/stop`);
    const stopping = await statusOf(manual, name);
    const membersWhileStopping = await groupMembers(manual, `connect-${name}`);
    const early = await call(manual, 'DELETE', `/connectors/${name}/offsets`);
    const earlyAlter = await call(manual, 'PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 0 } }] });
    await manual.controller.reconcile();
    const stopped = await statusOf(manual, name);
    const membersWhenStopped = await groupMembers(manual, `connect-${name}`);
    const reset = await call(manual, 'DELETE', `/connectors/${name}/offsets`);
    const afterReset = await call(manual, 'GET', `/connectors/${name}/offsets`);
    // Assess
    expect(stop.status).toBe(204);
    expect(stopping.connector.state).toBe('RUNNING');
    expect(membersWhileStopping).toBe(1);
    for (const r of [early, earlyAlter]) {
      expect(r.status).toBe(409);
      expect((r.body as { message: string }).message).toMatch(/is stopping .*consumer group still has members/);
    }
    expect(stopped).toMatchObject({ connector: { state: 'STOPPED' }, tasks: [] });
    expect(membersWhenStopped).toBe(0);
    expect(reset.status).toBe(200);
    expect(afterReset.body).toEqual({ offsets: [] });
  });
});

describe('initial_state PAUSED', () => {
  it('creates the connector with no task until it is resumed', async () => {
    const name = uniqueName('born_paused');
    // Act
    const created = await call(live, 'POST', '/connectors', { name, config: sinkConfig(uniqueName('born_topic')), initial_state: 'PAUSED' });
    await live.controller.reconcile();
    const info = await call(live, 'GET', `/connectors/${name}`);
    const tasks = await call(live, 'GET', `/connectors/${name}/tasks`);
    const paused = await statusOf(live, name);
    const pollingWhilePaused = live.esm.active.includes(name);
    const resume = await call(live, 'PUT', `/connectors/${name}/resume`);
    const resumed = await waitFor(async () => {
      const s = await statusOf(live, name);
      return states(s) === 'RUNNING,RUNNING' ? s : undefined;
    }, 10_000, 'the resumed connector never ran its task');
    const tasksAfter = await call(live, 'GET', `/connectors/${name}/tasks`);
    // Assess
    expect(created.status).toBe(201);
    expect((created.body as { tasks: unknown[] }).tasks).toEqual([]);
    expect((info.body as { tasks: unknown[] }).tasks).toEqual([]);
    expect(tasks.body).toEqual([]);
    expect(paused).toMatchObject({ connector: { state: 'PAUSED' }, tasks: [] });
    expect(pollingWhilePaused).toBe(false);
    expect(resume.status).toBe(202);
    expect(resumed.tasks).toHaveLength(1);
    expect(tasksAfter.body).toEqual([{ id: { connector: name, task: 0 }, config: expect.objectContaining({ topics: expect.any(String) }) }]);
  });
});

describe('Kafka Connect 4.1 worker endpoints', () => {
  it('answers GET /health as KIP-1017 says once the worker has started', async () => {
    const r = await call(live, 'GET', '/health');
    expect(r).toEqual({ status: 200, body: { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' } });
  });

  it('reports version 4.1 and no longer serves tasks-config (removed in 4.0, KIP-970)', async () => {
    const name = uniqueName('v41');
    await call(live, 'POST', '/connectors', { name, config: sinkConfig(uniqueName('v41_topic')) });
    const root = await call(live, 'GET', '/');
    const tasksConfig = await call(live, 'GET', `/connectors/${name}/tasks-config`);
    expect((root.body as { version: string }).version).toMatch(/^4\.1\./);
    expect(tasksConfig.status).toBe(404);
  });
});
