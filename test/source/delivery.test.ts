// Delivery guarantees of the source task: offsets saved only after the broker acknowledged (a crash in between
// re-sends, never skips), one invocation at a time (the lease), the poll loop under the scheduler's one-minute tick,
// and validate.non.null.
import { describe, expect, it } from 'vitest';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { PG_URL, payloads, soon, useHarness, uniqueName } from './harness.js';

const h = useHarness();

async function table(ddl: (name: string) => string, rows: number): Promise<string> {
  const name = uniqueName('dlv');
  h.dropAfter('pg', name);
  await h.pg.query(ddl(name));
  if (rows > 0) await h.pg.query(`INSERT INTO ${name} (v) SELECT g FROM generate_series(1, ${rows}) g`);
  return name;
}

const base = (t: string, extra: Record<string, string> = {}) => ({
  'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
  'connection.url': PG_URL,
  'table.whitelist': t,
  mode: 'incrementing',
  'incrementing.column.name': 'id',
  'topic.prefix': 'dlv-',
  'poll.interval.ms': '60000',
  ...extra,
});

const ids = (records: Array<{ value: unknown }>) => payloads(records).map((p) => p['id'] as number);

describe('at-least-once', () => {
  it('re-sends the unsaved batch after a failure between produce and offset save, and loses no row', async () => {
    // Prepare: the first offset save fails after its batch was acknowledged (as if the Lambda died there).
    const t = await table((n) => `CREATE TABLE ${n} (id serial PRIMARY KEY, v int NOT NULL)`, 5);
    const name = await h.createPipeline(base(t, { 'batch.max.rows': '2' }));
    let failures = 1;
    const crashing = new Proxy(h.store, {
      get(target, prop, receiver) {
        if (prop === 'putOffsetsFenced') {
          return async (...args: Parameters<PipelineStore['putOffsetsFenced']>) => {
            if (failures-- > 0) throw new Error('simulated crash after send');
            return target.putOffsetsFenced(...args);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });

    // Act
    const first = await (await h.task(name, { store: crashing })).runInvocation(soon());
    const second = await (await h.task(name)).runInvocation(soon());

    // Assess: the first batch (1, 2) went out twice, every row at least once, and the offset reached the end.
    expect(first.outcome).toBe('failed');
    expect(second.outcome).toBe('completed');
    expect(ids(await h.readTopic(`dlv-${t}`))).toEqual([1, 2, 1, 2, 3, 4, 5]);
    expect((await h.store.listOffsets(name))[0]!.offset).toEqual({ incrementing: 5 });
  });

  it('lets only one of two concurrent invocations produce (the lease), so no row is produced twice', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id serial PRIMARY KEY, v int NOT NULL)`, 50);
    const name = await h.createPipeline(base(t, { 'batch.max.rows': '10' }));
    const [a, b] = [await h.task(name, { owner: 'container-a' }), await h.task(name, { owner: 'container-b' })];

    const results = await Promise.all([a.runInvocation(soon()), b.runInvocation(soon())]);

    const produced = ids(await h.readTopic(`dlv-${t}`));
    expect(produced).toHaveLength(50);
    expect(new Set(produced).size).toBe(50);
    expect(results.reduce((n, r) => n + r.rows, 0)).toBe(50);
  });

  it('returns without producing while another live invocation holds the lease', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id serial PRIMARY KEY, v int NOT NULL)`, 3);
    const name = await h.createPipeline(base(t));
    await h.store.acquireLease(name, 'someone-else', 60_000, Date.now());

    const result = await (await h.task(name)).runInvocation(soon());

    expect(result.outcome).toBe('lease-held');
    expect(await h.readTopic(`dlv-${t}`)).toEqual([]);
  });
});

describe('the invocation loop', () => {
  it('polls repeatedly when poll.interval.ms is below a minute, and stops when the pipeline is paused', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id serial PRIMARY KEY, v int NOT NULL)`, 1);
    const name = await h.createPipeline(base(t, { 'poll.interval.ms': '200' }));
    const task = await h.task(name);

    const run = task.runInvocation(soon(15_000));
    await new Promise((r) => setTimeout(r, 500));
    await h.pg.query(`INSERT INTO ${t} (v) VALUES (2)`);
    await new Promise((r) => setTimeout(r, 500));
    const record = (await h.store.get(name))!;
    await h.store.update({ ...record, targetState: 'PAUSED', version: record.version + 1 }, record.version);
    const result = await run;

    expect(result.outcome).toBe('stopped');
    expect(result.polls).toBeGreaterThan(2);
    expect(ids(await h.readTopic(`dlv-${t}`))).toEqual([1, 2]);
    expect((await h.store.getStatus(name))?.tasks[0]?.state).toBe('RUNNING');
    expect((await h.store.getStatus(name))?.activeTopics).toEqual([`dlv-${t}`]);
  });
});

describe('validate.non.null', () => {
  it('fails at start with the trace in the task status when a tracking column is nullable', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id int, v int)`, 0);
    const name = await h.createPipeline(base(t));

    const result = await (await h.task(name)).runInvocation(soon());

    expect(result.outcome).toBe('failed');
    expect(result.trace).toMatch(/ConfigError: Cannot make incremental queries using incrementing column id .* because this column is nullable/);
    const status = await h.store.getStatus(name);
    expect(status?.tasks[0]).toMatchObject({ id: 0, state: 'FAILED' });
    expect(status?.tasks[0]?.trace).toContain('nullable');
  });

  it('skips rows whose tracking column is NULL when validate.non.null is false', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id int, ts timestamp, v int)`, 0);
    await h.pg.query(`INSERT INTO ${t} VALUES (1, '2024-01-01', 1), (2, NULL, 2), (3, '2024-01-02', 3)`);
    const name = await h.createPipeline(base(t, { mode: 'timestamp', 'timestamp.column.name': 'ts', 'validate.non.null': 'false' }));

    await (await h.task(name)).runInvocation(soon());

    expect(ids(await h.readTopic(`dlv-${t}`))).toEqual([1, 3]);
  });
});

describe('transforms', () => {
  it('runs SMTs before conversion and, with errors.tolerance=all, logs and skips a record a transform fails on', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id serial PRIMARY KEY, v int NOT NULL, label text)`, 0);
    await h.pg.query(`INSERT INTO ${t} (v, label) VALUES (1, '10'), (2, 'oops'), (3, '30')`);
    const name = await h.createPipeline(
      base(t, {
        transforms: 'cast,key',
        'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
        'transforms.cast.spec': 'label:int32',
        'transforms.key.type': 'org.apache.kafka.connect.transforms.ValueToKey',
        'transforms.key.fields': 'id',
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'false',
        'errors.tolerance': 'all',
      }),
    );

    const result = await (await h.task(name)).runInvocation(soon());

    const records = await h.readTopic(`dlv-${t}`);
    expect(result.outcome).toBe('completed');
    expect(records.map((r) => r.key)).toEqual(['{"id":1}', '{"id":3}']);
    expect(payloads(records).map((p) => p['label'])).toEqual([10, 30]);
    expect(h.logs.some((l) => l.includes("Executing stage 'TRANSFORMATION'"))).toBe(true);
    expect((await h.store.listOffsets(name))[0]!.offset).toEqual({ incrementing: 3 });
  });
});
