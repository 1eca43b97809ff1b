// A canary password sent through every endpoint and error path of the REST API never comes back: not in a response
// body or header, not in an error message, not in a line the API logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { type ApiHarness, type ApiResponse, apiHarness, pgSink } from '../helpers/apiHarness.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';

const CANARY = 'Canary7q3xZ';
/** A password with JSON- and map-significant characters, to catch escaped and half-masked echoes. */
const TRICKY = 'Tr1cky,"pw}=x';
const URL_WITH_CANARY = `jdbc:postgresql://postgres:${CANARY}@127.0.0.1:5432/test?sslmode=disable&sslpassword=${CANARY}`;

let dynamo: TestDynamo;
let api: ApiHarness;
const logged: string[] = [];
const answers: Array<{ what: string; r: ApiResponse }> = [];

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
  // A store whose status read fails with a message carrying the canary: the unexpected-error (500) path.
  const failing: PipelineStore = Object.assign(Object.create(store) as PipelineStore, {
    getStatus: async (name: string) => {
      if (name === 'explodes') throw new Error(`driver said: connect ${URL_WITH_CANARY} failed for password ${CANARY}`);
      return store.getStatus(name);
    },
  });
  api = await apiHarness(dynamo, { store: failing }, { error: (m, d) => logged.push(`${m} ${String(d)}`) });
});
afterAll(async () => {
  await dynamo.stop();
});

async function call(what: string, method: string, path: string, body?: unknown, rawBody?: string): Promise<ApiResponse> {
  const r = await api.call(method, path, body, rawBody === undefined ? {} : { rawBody });
  answers.push({ what, r });
  return r;
}

function expectNoCanary(): void {
  for (const { what, r } of answers) {
    const text = `${r.raw} ${JSON.stringify(r.headers)}`;
    expect(text, `${what} answered ${r.status}: ${r.raw}`).not.toContain(CANARY);
    expect(text, `${what} answered ${r.status}: ${r.raw}`).not.toContain(TRICKY);
    expect(text, what).not.toContain(JSON.stringify(TRICKY).slice(1, -1));
  }
  for (const line of logged) expect(line).not.toContain(CANARY);
}

describe('a canary password', () => {
  const secretSink = (name: string, extra: Record<string, string> = {}) => pgSink(name, { 'connection.url': URL_WITH_CANARY, 'connection.password': TRICKY, ...extra });

  it('never appears in the answers of the connector endpoints', async () => {
    const { name, config } = secretSink('canary');
    expect((await call('create', 'POST', '/connectors', { name, config })).status).toBe(201);
    await call('get', 'GET', '/connectors/canary');
    await call('config', 'GET', '/connectors/canary/config');
    await call('list expanded', 'GET', '/connectors', undefined);
    await call('tasks', 'GET', '/connectors/canary/tasks');
    await call('tasks-config', 'GET', '/connectors/canary/tasks-config');
    expect((await call('put', 'PUT', '/connectors/canary/config', { ...config, 'batch.size': '10' })).status).toBe(200);
    expect((await call('patch', 'PATCH', '/connectors/canary/config', { 'batch.size': '20' })).status).toBe(200);
    await call('status', 'GET', '/connectors/canary/status');
    await call('task status', 'GET', '/connectors/canary/tasks/0/status');
    await call('restart', 'POST', '/connectors/canary/restart?includeTasks=true');
    await call('task restart', 'POST', '/connectors/canary/tasks/0/restart');
    await call('pause', 'PUT', '/connectors/canary/pause');
    await call('resume', 'PUT', '/connectors/canary/resume');
    await call('offsets while running', 'PATCH', '/connectors/canary/offsets', { offsets: [] });
    await call('stop', 'PUT', '/connectors/canary/stop');
    await call('offsets', 'GET', '/connectors/canary/offsets');
    await call('alter offsets', 'PATCH', '/connectors/canary/offsets', { offsets: [{ partition: { kafka_topic: 'orders', kafka_partition: 0 }, offset: { kafka_offset: 1 } }] });
    await call('reset offsets', 'DELETE', '/connectors/canary/offsets');
    await call('validate', 'PUT', '/connector-plugins/JdbcSinkConnector/config/validate', config);
    expectNoCanary();
  });

  it('never appears in error messages, including those that render the stored config', async () => {
    const { name, config } = secretSink('stored');
    await call('create', 'POST', '/connectors', { name, config });
    const patched = await call('patch without class', 'PATCH', '/connectors/stored/config', { 'connector.class': null });
    expect(patched.status).toBe(400);
    expect((patched.body as { message: string }).message).toMatch(/contains no connector type/);
    expect((patched.body as { message: string }).message).toContain('connection.password=[hidden]');
    const noClass = { ...config, 'connector.class': undefined };
    expect((await call('create without class', 'POST', '/connectors', { name: 'x', config: noClass })).status).toBe(400);
    expect((await call('put without class', 'PUT', '/connectors/y/config', noClass)).status).toBe(400);
    expect((await call('validate without class', 'PUT', '/connector-plugins/JdbcSinkConnector/config/validate', noClass)).status).toBe(400);
    const badUrl = `jdbc:sqlserver://sa:${CANARY}@h:1433;password=${CANARY}`;
    expect((await call('create with a bad url', 'POST', '/connectors', secretSink('bad', { 'connection.url': badUrl }))).status).toBe(400);
    expect((await call('put with a bad url', 'PUT', '/connectors/stored/config', { ...config, 'connection.url': badUrl })).status).toBe(400);
    expect((await call('patch with a bad value', 'PATCH', '/connectors/stored/config', { 'batch.size': 'x', 'connection.url': badUrl })).status).toBe(400);
    expect((await call('create invalid', 'POST', '/connectors', secretSink('bad', { 'pk.mode': 'nope' }))).status).toBe(400);
    expect((await call('oracle credentials form', 'POST', '/connectors', secretSink('bad', { 'connection.url': `jdbc:oracle:thin:scott/${CANARY}@db:1521/SVC` }))).status).toBe(400);
    expect((await call('create again', 'POST', '/connectors', { name, config })).status).toBe(409);
    expect((await call('not json', 'POST', '/connectors', undefined, `{"name":"j","config":{"connection.password":"${CANARY}"`)).status).toBe(400);
    expect((await call('validate with a bad url', 'PUT', '/connector-plugins/JdbcSinkConnector/config/validate', { ...config, 'connection.url': badUrl })).status).toBe(200);
    expectNoCanary();
  });

  it('never appears in an unexpected (500) error or the line it logs', async () => {
    await call('create', 'POST', '/connectors', secretSink('explodes'));
    const r = await call('status that fails', 'GET', '/connectors/explodes/status');
    expect(r.status).toBe(500);
    expect(logged.some((l) => l.includes('driver said'))).toBe(true);
    expectNoCanary();
  });

  it('shows passwords inside URLs masked in GET, sslpassword included, and keeps them on PUT [hidden] round-trips', async () => {
    await call('create', 'POST', '/connectors', secretSink('roundtrip'));
    const got = await call('config', 'GET', '/connectors/roundtrip/config');
    const url = (got.body as Record<string, string>)['connection.url'];
    expect(url).toBe('jdbc:postgresql://postgres:[hidden]@127.0.0.1:5432/test?sslmode=disable&sslpassword=[hidden]');
    const put = await call('put back', 'PUT', '/connectors/roundtrip/config', got.body);
    expect(put.status).toBe(200);
    expect((await api.store.get('roundtrip'))?.config['connection.url']).toBe(URL_WITH_CANARY);
    expectNoCanary();
  });
});
