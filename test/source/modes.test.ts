// Each JDBC source mode against real PostgreSQL, the embedded broker and dynalite: exactly the new or changed rows
// per poll, offsets in Kafka Connect's shape in the store.
import { describe, expect, it } from 'vitest';
import { PG_URL, payloads, soon, useHarness, uniqueName } from './harness.js';

const h = useHarness();

async function table(ddl: (name: string) => string): Promise<string> {
  const name = uniqueName('src');
  h.dropAfter('pg', name);
  await h.pg.query(ddl(name));
  return name;
}

function config(tableName: string, extra: Record<string, string>): Record<string, string> {
  return {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
    'connection.url': PG_URL,
    'table.whitelist': tableName,
    'topic.prefix': 'pg-',
    'poll.interval.ms': '60000',
    ...extra,
  };
}

const ids = (records: Array<{ value: unknown }>) => payloads(records).map((p) => p['id']);

describe('incrementing mode', () => {
  it('produces only rows with a larger id on each poll and stores {"incrementing": n} per table partition', async () => {
    // Prepare
    const t = await table((n) => `CREATE TABLE ${n} (id serial PRIMARY KEY, name text NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} (name) VALUES ('a'), ('b'), ('c')`);
    const name = await h.createPipeline(config(t, { mode: 'incrementing', 'incrementing.column.name': 'id' }));
    const task = await h.task(name);

    // Act
    const first = await task.runInvocation(soon());
    await h.pg.query(`INSERT INTO ${t} (name) VALUES ('d'), ('e')`);
    const second = await task.runInvocation(soon());
    const third = await task.runInvocation(soon());

    // Assess
    expect([first.rows, second.rows, third.rows]).toEqual([3, 2, 0]);
    expect(ids(await h.readTopic(`pg-${t}`))).toEqual([1, 2, 3, 4, 5]);
    expect(await h.store.listOffsets(name)).toEqual([{ partition: { protocol: '1', table: `public.${t}` }, offset: { incrementing: 5 } }]);
  });

  it('keeps ids beyond 2^53 (snowflake ids) exact in the offset, so no row is skipped or read twice', async () => {
    // Prepare: ids one apart above 2^60, where a double cannot tell neighbours apart
    const t = await table((n) => `CREATE TABLE ${n} (id bigint PRIMARY KEY, name text NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1152921504606846977, 'a'), (1152921504606846978, 'b')`);
    const name = await h.createPipeline(config(t, { mode: 'incrementing', 'incrementing.column.name': 'id' }));
    const task = await h.task(name);
    // Act
    const first = await task.runInvocation(soon());
    await h.pg.query(`INSERT INTO ${t} VALUES (1152921504606846979, 'c')`);
    const second = await task.runInvocation(soon());
    // Assess
    expect([first.rows, second.rows]).toEqual([2, 1]);
    expect((await h.store.listOffsets(name))[0]!.offset).toEqual({ incrementing: 1152921504606846979n });
  });

  it('finds the auto-increment column when incrementing.column.name is empty, and reads full batches until caught up', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id bigserial PRIMARY KEY, v int NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} (v) SELECT g FROM generate_series(1, 7) g`);
    const name = await h.createPipeline(config(t, { mode: 'incrementing', 'batch.max.rows': '3' }));

    const result = await (await h.task(name)).runInvocation(soon());

    expect(result.rows).toBe(7);
    expect(ids(await h.readTopic(`pg-${t}`))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(h.metrics.snapshot(name).counts).toMatchObject({ RowsPolled: 7, RecordsProduced: 7, RowLag: 0 });
  });
});

describe('timestamp mode', () => {
  it('produces new and updated rows once, storing {"timestamp", "timestamp_nanos"} with microseconds kept', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id int PRIMARY KEY, updated_at timestamp(6) NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1, '2024-01-01 00:00:01.000001'), (2, '2024-01-01 00:00:02.000002'), (3, '2024-01-01 00:00:03.123456')`);
    const name = await h.createPipeline(config(t, { mode: 'timestamp', 'timestamp.column.name': 'updated_at' }));
    const task = await h.task(name);

    await task.runInvocation(soon());
    await h.pg.query(`UPDATE ${t} SET updated_at = '2024-01-01 00:00:04' WHERE id = 1`);
    await task.runInvocation(soon());
    await task.runInvocation(soon());

    expect(ids(await h.readTopic(`pg-${t}`))).toEqual([1, 2, 3, 1]);
    const [stored] = await h.store.listOffsets(name);
    expect(stored!.offset).toEqual({ timestamp: Date.UTC(2024, 0, 1, 0, 0, 4), timestamp_nanos: 0 });
  });

  it('reads a group of rows sharing one timestamp that is larger than batch.max.rows, once', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id int PRIMARY KEY, ts timestamp NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} SELECT g, '2024-02-01 10:00:00' FROM generate_series(1, 5) g`);
    await h.pg.query(`INSERT INTO ${t} VALUES (6, '2024-02-01 10:00:01')`);
    const name = await h.createPipeline(config(t, { mode: 'timestamp', 'timestamp.column.name': 'ts', 'batch.max.rows': '2' }));

    await (await h.task(name)).runInvocation(soon());

    expect(ids(await h.readTopic(`pg-${t}`)).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('misses a row committed late with an older timestamp, unless timestamp.delay.interval.ms covers it', async () => {
    // Prepare: the same late commit against two pipelines, one without and one with a 2 s delay.
    const t = await table((n) => `CREATE TABLE ${n} (id int PRIMARY KEY, ts timestamptz NOT NULL)`);
    const plain = await h.createPipeline(config(t, { mode: 'timestamp', 'timestamp.column.name': 'ts', 'topic.prefix': 'plain-' }));
    const delayed = await h.createPipeline(config(t, { mode: 'timestamp', 'timestamp.column.name': 'ts', 'topic.prefix': 'delayed-', 'timestamp.delay.interval.ms': '2000' }));
    const [a, b] = [await h.task(plain), await h.task(delayed)];
    await h.pg.query(`INSERT INTO ${t} VALUES (1, now() - interval '500 milliseconds')`);

    // Act: poll, then a transaction that started earlier commits a row with an older timestamp.
    await a.runInvocation(soon());
    await b.runInvocation(soon());
    await h.pg.query(`INSERT INTO ${t} VALUES (2, now() - interval '1 second')`);
    await new Promise((r) => setTimeout(r, 2_100));
    await a.runInvocation(soon());
    await b.runInvocation(soon());

    // Assess
    expect(ids(await h.readTopic(`plain-${t}`))).toEqual([1]);
    expect(ids(await h.readTopic(`delayed-${t}`))).toEqual([2, 1]);
  });
});

describe('timestamp+incrementing mode', () => {
  it('orders rows with equal timestamps by id and resumes after (ts, id) across batches and polls', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id serial PRIMARY KEY, ts timestamp NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} (ts) SELECT '2024-03-01 00:00:00' FROM generate_series(1, 5)`);
    const name = await h.createPipeline(
      config(t, { mode: 'timestamp+incrementing', 'timestamp.column.name': 'ts', 'incrementing.column.name': 'id', 'batch.max.rows': '2' }),
    );
    const task = await h.task(name);

    await task.runInvocation(soon());
    await h.pg.query(`INSERT INTO ${t} (ts) VALUES ('2024-03-01 00:00:00'), ('2024-02-01 00:00:00'), ('2024-03-02 00:00:00')`);
    await task.runInvocation(soon());

    // id 7 has an older timestamp than the stored offset: timestamp+incrementing skips it, as Kafka does.
    expect(ids(await h.readTopic(`pg-${t}`))).toEqual([1, 2, 3, 4, 5, 6, 8]);
    const [stored] = await h.store.listOffsets(name);
    expect(stored!.offset).toEqual({ incrementing: 8, timestamp: Date.UTC(2024, 2, 2), timestamp_nanos: 0 });
  });
});

describe('bulk mode', () => {
  it('produces the whole table on every poll and stores no offset', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id int PRIMARY KEY)`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1), (2)`);
    const name = await h.createPipeline(config(t, { mode: 'bulk' }));
    const task = await h.task(name);

    await task.runInvocation(soon());
    await task.runInvocation(soon());

    expect(ids(await h.readTopic(`pg-${t}`))).toEqual([1, 2, 1, 2]);
    expect(await h.store.listOffsets(name)).toEqual([]);
  });
});

describe('query mode', () => {
  it('appends the mode clause to the query, produces to topic.prefix and uses the {"query":"query"} partition', async () => {
    const t = await table((n) => `CREATE TABLE ${n} (id int PRIMARY KEY, v text NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} VALUES (1, 'x'), (2, 'y')`);
    const topic = uniqueName('q');
    const name = await h.createPipeline({
      'connector.class': 'JdbcSourceConnector',
      'connection.url': PG_URL,
      mode: 'incrementing',
      query: `SELECT id, upper(v) AS v FROM ${t}`,
      'incrementing.column.name': 'id',
      'topic.prefix': topic,
      'poll.interval.ms': '60000',
    });

    await (await h.task(name)).runInvocation(soon());

    expect(payloads(await h.readTopic(topic))).toEqual([
      { id: 1, v: 'X' },
      { id: 2, v: 'Y' },
    ]);
    expect(await h.store.listOffsets(name)).toEqual([{ partition: { query: 'query' }, offset: { incrementing: 2 } }]);
  });
});
