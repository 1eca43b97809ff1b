// Every endpoint of the Kafka Connect REST API, through the Lambda handler, against the real store on dynalite.
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, SEED, WORKER_ID, pgSink, pgSource, useApiHarness } from '../helpers/apiHarness.js';

const ctx = useApiHarness();
let api: ApiHarness;
beforeEach(() => {
  api = ctx.api();
});

/** Sluice's addition to status: the AWS names of a pgSink (topic orders) or of a source (runtime/awsNames.ts). */
const awsNames = (name: string, type = 'sink') =>
  type === 'sink' ? { lambda_alias: `p-${name}`, consumer_groups: { orders: `connect-${name}` } } : { schedule: `p-${name}` };

const unassigned = (name: string, type = 'sink') => ({
  name,
  connector: { state: 'RUNNING', worker_id: WORKER_ID },
  tasks: [{ id: 0, state: 'UNASSIGNED', worker_id: WORKER_ID }],
  type,
  aws_names: awsNames(name, type),
});

describe('seed pipeline', () => {
  it('accepts the seed JSON verbatim with 201 and reads it back unchanged', async () => {
    // Act
    const created = await api.call('POST', '/connectors', SEED);
    const config = await api.call('GET', '/connectors/my-first-pipeline/config');
    // Assess
    expect(created.status).toBe(201);
    expect(created.headers['Location']).toBe('/connectors/my-first-pipeline');
    expect(created.body).toEqual({ name: SEED.name, config: { ...SEED.config, name: SEED.name }, tasks: [{ connector: SEED.name, task: 0 }], type: 'sink' });
    expect(config.body).toEqual({ ...SEED.config, name: SEED.name });
  });

  it('gives a second pipeline on the same topic for the same JSON with another table', async () => {
    // Prepare
    await api.call('POST', '/connectors', SEED);
    // Act
    const second = await api.call('POST', '/connectors', { name: 'my-second-pipeline', config: { ...SEED.config, table: 'my-second-stream-table' } });
    const list = await api.call('GET', '/connectors');
    // Assess
    expect(second.status).toBe(201);
    expect(list.body).toEqual(['my-first-pipeline', 'my-second-pipeline']);
  });
});

describe('GET /', () => {
  it('returns ServerInfo', async () => {
    const r = await api.call('GET', '/');
    expect(r).toMatchObject({ status: 200, body: { version: expect.any(String), commit: expect.any(String), kafka_cluster_id: 'test-cluster' } });
  });
});

describe('connectors collection', () => {
  it('lists names, and with expand=status and expand=info the keyed shape', async () => {
    // Prepare
    await api.call('POST', '/connectors', pgSink('b-sink'));
    await api.call('POST', '/connectors', pgSource('a-source'));
    // Act
    const names = await api.call('GET', '/connectors');
    const status = await api.call('GET', '/connectors', undefined, { query: { expand: 'status' } });
    const both = await api.call('GET', '/connectors', undefined, { query: { expand: ['status', 'info', 'bogus'] } });
    // Assess
    expect(names.body).toEqual(['a-source', 'b-sink']);
    expect(status.body).toEqual({ 'a-source': { status: unassigned('a-source', 'source') }, 'b-sink': { status: unassigned('b-sink') } });
    expect(Object.keys((both.body as Record<string, object>)['b-sink']!)).toEqual(['status', 'info']);
    expect((both.body as Record<string, { info: { type: string } }>)['a-source']!.info.type).toBe('source');
  });

  it('creates in the initial_state given, case-insensitively', async () => {
    const r = await api.call('POST', '/connectors', { ...pgSink('paused-at-birth'), initial_state: 'paused' });
    const s = await api.call('GET', '/connectors/paused-at-birth/status');
    expect(r.status).toBe(201);
    // KIP-980: a connector created paused generates no task until it is resumed.
    expect(r.body).toMatchObject({ name: 'paused-at-birth', tasks: [] });
    expect(s.body).toEqual({ name: 'paused-at-birth', connector: { state: 'PAUSED', worker_id: WORKER_ID }, tasks: [], type: 'sink', aws_names: awsNames('paused-at-birth') });
  });

  it('answers 409 for a duplicate name', async () => {
    await api.call('POST', '/connectors', pgSink('dup'));
    const r = await api.call('POST', '/connectors', pgSink('dup'));
    expect(r).toMatchObject({ status: 409, body: { error_code: 409, message: 'Connector dup already exists' } });
  });
});

describe('one connector', () => {
  beforeEach(async () => {
    await api.call('POST', '/connectors', pgSink('orders-sink'));
  });

  it('GET /connectors/{name} returns ConnectorInfo with the password masked', async () => {
    const r = await api.call('GET', '/connectors/orders-sink');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ name: 'orders-sink', config: { ...pgSink('orders-sink').config, 'connection.password': '[hidden]', name: 'orders-sink' }, tasks: [{ connector: 'orders-sink', task: 0 }], type: 'sink' });
  });

  it('masks password keys in GET /connectors/{name}/config and tasks', async () => {
    const config = await api.call('GET', '/connectors/orders-sink/config');
    const tasks = await api.call('GET', '/connectors/orders-sink/tasks');
    expect((config.body as Record<string, string>)['connection.password']).toBe('[hidden]');
    expect(tasks.body).toEqual([{ id: { connector: 'orders-sink', task: 0 }, config: expect.objectContaining({ 'connection.password': '[hidden]', 'task.class': expect.any(String) }) }]);
    expect(JSON.stringify([config.body, tasks.body])).not.toContain('s3cret');
  });

  it('keeps the stored password when a PUT sends back "[hidden]"', async () => {
    // Prepare
    const current = (await api.call('GET', '/connectors/orders-sink/config')).body as Record<string, string>;
    // Act
    const r = await api.call('PUT', '/connectors/orders-sink/config', { ...current, 'batch.size': '500' });
    // Assess
    expect(r.status).toBe(200);
    expect((await api.store.get('orders-sink'))!.config['connection.password']).toBe('s3cret');
    expect((await api.store.get('orders-sink'))!.config['batch.size']).toBe('500');
  });

  it('PUT config creates with 201 and Location when absent, replaces with 200 when present', async () => {
    const created = await api.call('PUT', '/connectors/new-one/config', pgSink('new-one').config);
    const replaced = await api.call('PUT', '/connectors/new-one/config', { ...pgSink('new-one').config, topics: 'other' });
    expect(created.status).toBe(201);
    expect(created.headers['Location']).toBe('/connectors/new-one');
    expect(replaced.status).toBe(200);
    expect((replaced.body as { config: Record<string, string> }).config.topics).toBe('other');
    expect((await api.store.get('new-one'))!.version).toBe(2);
  });

  it('PATCH config overwrites non-null keys and removes null keys', async () => {
    const r = await api.call('PATCH', '/connectors/orders-sink/config', { 'batch.size': 100, 'insert.mode': null, 'pk.mode': null });
    expect(r.status).toBe(200);
    const stored = (await api.store.get('orders-sink'))!.config;
    expect(stored['batch.size']).toBe('100');
    expect(stored['insert.mode']).toBeUndefined();
    expect(stored['pk.mode']).toBeUndefined();
  });

  it('status, task list and task status report the desired state with an UNASSIGNED task', async () => {
    expect((await api.call('GET', '/connectors/orders-sink/status')).body).toEqual(unassigned('orders-sink'));
    expect(await api.call('GET', '/connectors/orders-sink/tasks/0/status')).toMatchObject({ status: 200, body: { id: 0, state: 'UNASSIGNED', worker_id: WORKER_ID } });
    expect(await api.call('GET', '/connectors/orders-sink/tasks/1/status')).toMatchObject({ status: 404, body: { error_code: 404, message: 'No status found for task orders-sink-1' } });
  });

  it('pause and resume answer 202 with no body; stop answers 204 and empties the task list', async () => {
    const pause = await api.call('PUT', '/connectors/orders-sink/pause');
    const paused = await api.call('GET', '/connectors/orders-sink/status');
    const stop = await api.call('PUT', '/connectors/orders-sink/stop');
    const stopped = await api.call('GET', '/connectors/orders-sink/status');
    const tasks = await api.call('GET', '/connectors/orders-sink/tasks');
    const resume = await api.call('PUT', '/connectors/orders-sink/resume');
    const resumed = await api.call('GET', '/connectors/orders-sink/status');
    expect([pause.status, pause.raw]).toEqual([202, '']);
    expect((paused.body as { connector: { state: string } }).connector.state).toBe('PAUSED');
    expect([stop.status, stop.raw]).toEqual([204, '']);
    expect(stopped.body).toEqual({ name: 'orders-sink', connector: { state: 'STOPPED', worker_id: WORKER_ID }, tasks: [], type: 'sink', aws_names: awsNames('orders-sink') });
    expect(tasks.body).toEqual([]);
    expect(resume.status).toBe(202);
    expect(resumed.body).toEqual(unassigned('orders-sink'));
  });

  it.each<{ query: Record<string, string>; status: number; connector: string | undefined; task: string | undefined }>([
    { query: {}, status: 204, connector: undefined, task: undefined },
    { query: { onlyFailed: 'true' }, status: 202, connector: 'RUNNING', task: 'UNASSIGNED' },
    { query: { includeTasks: 'true' }, status: 202, connector: 'RESTARTING', task: 'RESTARTING' },
    { query: { includeTasks: 'true', onlyFailed: 'true' }, status: 202, connector: 'RUNNING', task: 'UNASSIGNED' },
  ])('restart with $query answers $status', async ({ query, status, connector, task }) => {
    const r = await api.call('POST', '/connectors/orders-sink/restart', undefined, { query });
    expect(r.status).toBe(status);
    if (connector) {
      expect(r.body).toEqual({ name: 'orders-sink', connector: { state: connector, worker_id: WORKER_ID }, tasks: [{ id: 0, state: task, worker_id: WORKER_ID }], type: 'sink' });
    } else {
      expect(r.raw).toBe('');
    }
  });

  it('restart with onlyFailed restarts exactly the FAILED task and bumps the restart epoch', async () => {
    // Prepare: a runtime reported the task FAILED
    await api.store.putStatus({ name: 'orders-sink', tasks: [{ id: 0, state: 'FAILED', workerId: 'w', trace: 'boom' }], activeTopics: [], resources: {}, updatedAt: new Date().toISOString() });
    const failed = await api.call('GET', '/connectors/orders-sink/status');
    // Act
    const r = await api.call('POST', '/connectors/orders-sink/restart', undefined, { query: { includeTasks: 'true', onlyFailed: 'true' } });
    // Assess
    expect((failed.body as { tasks: object[] }).tasks).toEqual([{ id: 0, state: 'FAILED', worker_id: 'w', trace: 'boom' }]);
    expect(r.body).toEqual({ name: 'orders-sink', connector: { state: 'RUNNING', worker_id: WORKER_ID }, tasks: [{ id: 0, state: 'RESTARTING', worker_id: 'w' }], type: 'sink' });
    expect((await api.store.get('orders-sink'))!.restartEpoch).toBe(1);
  });

  it('task restart answers 204, and 404 for an unknown task', async () => {
    expect((await api.call('POST', '/connectors/orders-sink/tasks/0/restart')).status).toBe(204);
    expect(await api.call('POST', '/connectors/orders-sink/tasks/7/restart')).toMatchObject({ status: 404, body: { error_code: 404, message: 'Unknown task: orders-sink-7' } });
  });

  it('topics: GET reports the tracked topics, reset answers 202, unknown connector gets an empty list', async () => {
    await api.store.putStatus({ name: 'orders-sink', tasks: [], activeTopics: ['orders'], resources: {}, updatedAt: new Date().toISOString() });
    expect((await api.call('GET', '/connectors/orders-sink/topics')).body).toEqual({ 'orders-sink': { topics: ['orders'] } });
    expect((await api.call('PUT', '/connectors/orders-sink/topics/reset')).status).toBe(202);
    expect((await api.call('GET', '/connectors/orders-sink/topics')).body).toEqual({ 'orders-sink': { topics: [] } });
    expect(await api.call('GET', '/connectors/nobody/topics')).toMatchObject({ status: 200, body: { nobody: { topics: [] } } });
  });

  it('DELETE answers 204 and the connector is gone', async () => {
    expect((await api.call('DELETE', '/connectors/orders-sink')).status).toBe(204);
    expect(await api.call('GET', '/connectors/orders-sink')).toMatchObject({ status: 404, body: { error_code: 404, message: 'Connector orders-sink not found' } });
    expect(await api.call('DELETE', '/connectors/orders-sink')).toMatchObject({ status: 404 });
  });
});

describe('source offsets', () => {
  beforeEach(async () => {
    await api.call('POST', '/connectors', pgSource('src'));
  });

  it('GET returns stored offsets in Connect shape', async () => {
    await api.store.putOffsets('src', [{ partition: { protocol: '1', table: 'public.orders' }, offset: { incrementing: 42 } }]);
    const r = await api.call('GET', '/connectors/src/offsets');
    expect(r).toMatchObject({ status: 200, body: { offsets: [{ partition: { protocol: '1', table: 'public.orders' }, offset: { incrementing: 42 } }] } });
  });

  it('PATCH and DELETE are refused unless the connector is STOPPED', async () => {
    const patch = await api.call('PATCH', '/connectors/src/offsets', { offsets: [{ partition: { table: 'x' }, offset: { incrementing: 1 } }] });
    const del = await api.call('DELETE', '/connectors/src/offsets');
    for (const r of [patch, del]) {
      expect(r.status).toBe(400);
      expect((r.body as { message: string }).message).toMatch(/^Connectors must be in the STOPPED state before their offsets can be modified\./);
    }
  });

  it('PATCH alters and DELETE resets offsets once STOPPED', async () => {
    await api.call('PUT', '/connectors/src/stop');
    const patch = await api.call('PATCH', '/connectors/src/offsets', { offsets: [{ partition: { table: 'x' }, offset: { incrementing: 7 } }] });
    const after = await api.call('GET', '/connectors/src/offsets');
    const reset = await api.call('DELETE', '/connectors/src/offsets');
    const empty = await api.call('GET', '/connectors/src/offsets');
    expect(patch.status).toBe(200);
    expect((patch.body as { message: string }).message).toMatch(/have been altered successfully/);
    expect(after.body).toEqual({ offsets: [{ partition: { table: 'x' }, offset: { incrementing: 7 } }] });
    expect(reset.status).toBe(200);
    expect((reset.body as { message: string }).message).toMatch(/have been reset successfully/);
    expect(empty.body).toEqual({ offsets: [] });
  });

  it('PATCH without offsets is a 400 with Kafka’s message', async () => {
    await api.call('PUT', '/connectors/src/stop');
    const r = await api.call('PATCH', '/connectors/src/offsets', { offsets: [] });
    expect(r).toMatchObject({ status: 400, body: { error_code: 400, message: 'Partitions / offsets need to be provided for an alter offsets request' } });
  });
});

describe('connector plugins', () => {
  it('lists the connectors, and everything with connectorsOnly=false', async () => {
    const connectors = await api.call('GET', '/connector-plugins');
    const all = await api.call('GET', '/connector-plugins', undefined, { query: { connectorsOnly: 'false' } });
    expect(connectors.body).toEqual([
      { class: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector', type: 'sink', version: expect.any(String) },
      { class: 'io.confluent.connect.jdbc.JdbcSinkConnector', type: 'sink', version: expect.any(String) },
      { class: 'io.confluent.connect.jdbc.JdbcSourceConnector', type: 'source', version: expect.any(String) },
    ]);
    expect((all.body as unknown[]).length).toBeGreaterThanOrEqual(2);
  });

  it('describes a plugin’s config by class name or alias, 404 for an unknown plugin', async () => {
    const byClass = await api.call('GET', '/connector-plugins/io.confluent.connect.jdbc.JdbcSinkConnector/config');
    const byAlias = await api.call('GET', '/connector-plugins/JdbcSink/config');
    const unknown = await api.call('GET', '/connector-plugins/NoSuchThing/config');
    expect(byClass.status).toBe(200);
    expect(byAlias.body).toEqual(byClass.body);
    const password = (byClass.body as Array<{ name: string }>).find((k) => k.name === 'connection.password');
    expect(password).toEqual({ name: 'connection.password', type: 'PASSWORD', required: false, default_value: null, importance: 'HIGH', documentation: expect.any(String), group: 'Connection', width: 'MEDIUM', display_name: 'JDBC Password', dependents: [], order: 3 });
    expect(unknown).toMatchObject({ status: 404, body: { error_code: 404, message: 'Unknown plugin NoSuchThing.' } });
  });

  it('validate answers 200 with every error and the password hidden', async () => {
    const r = await api.call('PUT', '/connector-plugins/JdbcSinkConnector/config/validate', {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': 'jdbc:postgresql://h/db',
      'connection.password': 'pw',
      'tasks.max': '0',
      'pk.mode': 'foo',
    });
    const body = r.body as { name: string; error_count: number; groups: string[]; configs: Array<{ value: { name: string; value: string | null; errors: string[] } }> };
    const value = (k: string) => body.configs.find((c) => c.value.name === k)!.value;
    expect(r.status).toBe(200);
    expect(body.name).toBe('io.confluent.connect.jdbc.JdbcSinkConnector');
    expect(body.groups).toEqual(expect.arrayContaining(['Common', 'Error Handling', 'Connection', 'Writes']));
    expect(value('connection.password').value).toBe('[hidden]');
    expect(value('tasks.max').errors).toEqual(['Invalid value 0 for configuration tasks.max: Value must be at least 1']);
    expect(value('pk.mode').errors).toEqual(['Invalid value foo for configuration pk.mode: String must be one of (case insensitive): none, kafka, record_key, record_value']);
    expect(value('topics').errors).toEqual(['Must configure one of topics or topics.regex']);
    expect(value('name').errors).toEqual(['Missing required configuration "name" which has no default value.']);
    expect(body.error_count).toBe(5);
  });

  it('validate rejects a body whose class does not match the path', async () => {
    const r = await api.call('PUT', '/connector-plugins/JdbcSourceConnector/config/validate', { 'connector.class': 'JdbcSinkConnector' });
    expect(r).toMatchObject({ status: 400, body: { error_code: 400, message: 'Included connector type JdbcSinkConnector does not match request type JdbcSourceConnector' } });
  });
});

describe('credentials inside connection.url', () => {
  it('hides the password of a URL in responses and keeps it on a PUT of the masked form', async () => {
    // Prepare
    await api.call('POST', '/connectors', pgSink('url-creds', { 'connection.url': 'postgres://app:pw1@db:5432/shop?password=pw2&sslmode=require' }));
    // Act
    const shown = (await api.call('GET', '/connectors/url-creds/config')).body as Record<string, string>;
    const put = await api.call('PUT', '/connectors/url-creds/config', { ...shown, 'batch.size': '7' });
    const patched = await api.call('PATCH', '/connectors/url-creds/config', { 'connection.url': shown['connection.url'], 'batch.size': '8' });
    // Assess
    expect(shown['connection.url']).toBe('postgres://app:[hidden]@db:5432/shop?password=[hidden]&sslmode=require');
    expect([put.status, patched.status]).toEqual([200, 200]);
    expect((await api.store.get('url-creds'))!.config['connection.url']).toBe('postgres://app:pw1@db:5432/shop?password=pw2&sslmode=require');
  });
});

describe('offsets beyond 2^53', () => {
  it('keeps an incrementing offset of a snowflake id exact through PATCH, the store and GET', async () => {
    // Prepare
    await api.call('POST', '/connectors', pgSource('big-src'));
    await api.call('PUT', '/connectors/big-src/stop');
    const body = '{"offsets":[{"partition":{"protocol":"1","table":"public.orders"},"offset":{"incrementing":1729382256910270465}}]}';
    // Act
    const patched = await api.call('PATCH', '/connectors/big-src/offsets', undefined, { rawBody: body });
    const read = await api.call('GET', '/connectors/big-src/offsets');
    // Assess
    expect(patched.status).toBe(200);
    expect(read.raw).toBe('{"offsets":[{"partition":{"protocol":"1","table":"public.orders"},"offset":{"incrementing":1729382256910270465}}]}');
    expect((await api.store.listOffsets('big-src'))[0]!.offset).toEqual({ incrementing: 1729382256910270465n });
  });
});
