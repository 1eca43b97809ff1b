// The source partition of a table is Confluent's protocol-1 form, and offsets stored in an older form are read, so
// offsets moved between Confluent's connector and Sluice are understood. Derived from Confluent's
// JdbcSourceTaskUpdateTest (testManualIncrementingRestoreVersionOneOffset, testManualIncrementingRestoreNoVersionOffset,
// testManualIncrementingRestoreOffsetsWithMultipleProtocol) and OffsetProtocols.sourcePartitionForProtocolV1 (the
// TableId pgJDBC reports has no catalog: `<schema>.<table>`; MySQL's is `<db>.<table>`).
import { describe, expect, it } from 'vitest';
import { MYSQL_URL, PG_URL, payloads, soon, useHarness, uniqueName } from './harness.js';

const h = useHarness();

/** A table with ids 1..5, and an incrementing pipeline on it. */
async function fiveRows(db: 'pg' | 'my'): Promise<{ table: string; name: string }> {
  const table = uniqueName('offp');
  if (db === 'pg') {
    h.dropAfter('pg', table);
    await h.pg.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text NOT NULL)`);
    await h.pg.query(`INSERT INTO ${table} SELECT g, 'r' || g FROM generate_series(1, 5) g`);
  } else {
    h.dropAfter('my', table);
    await h.my.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text NOT NULL)`);
    await h.my.query(`INSERT INTO ${table} VALUES (1,'r1'),(2,'r2'),(3,'r3'),(4,'r4'),(5,'r5')`);
  }
  const name = await h.createPipeline({
    'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
    'connection.url': db === 'pg' ? PG_URL : MYSQL_URL,
    'table.whitelist': table,
    mode: 'incrementing',
    'incrementing.column.name': 'id',
    'topic.prefix': `${db}-`,
    'poll.interval.ms': '60000',
  });
  return { table, name };
}

const ids = (records: Array<{ value: unknown }>) => payloads(records).map((p) => p['id']);

describe('source offset partitions', () => {
  it.each([
    ["Confluent's protocol 1 (<schema>.<table>)", (t: string) => ({ protocol: '1', table: `public.${t}` })],
    ['the three-part name of Sluice before and Confluent 10.9.4', (t: string) => ({ protocol: '1', table: `test.public.${t}` })],
    ["Confluent's protocol 0 ({table})", (t: string) => ({ table: t })],
  ])('PostgreSQL: resumes from an offset stored under %s and saves under {"protocol":"1","table":"<schema>.<table>"}', async (_, partition) => {
    // Prepare
    const { table, name } = await fiveRows('pg');
    await h.store.putOffsets(name, [{ partition: partition(table), offset: { incrementing: 3 } }]);
    const task = await h.task(name);

    // Act
    const result = await task.runInvocation(soon());

    // Assess
    expect(result.rows).toBe(2);
    expect(ids(await h.readTopic(`pg-${table}`))).toEqual([4, 5]);
    expect(await h.store.listOffsets(name)).toContainEqual({ partition: { protocol: '1', table: `public.${table}` }, offset: { incrementing: 5 } });
  });

  it('MariaDB: the partition is {"protocol":"1","table":"<db>.<table>"}, and an offset stored there is resumed', async () => {
    // Prepare
    const { table, name } = await fiveRows('my');
    await h.store.putOffsets(name, [{ partition: { protocol: '1', table: `test.${table}` }, offset: { incrementing: 4 } }]);
    const task = await h.task(name);

    // Act
    const result = await task.runInvocation(soon());

    // Assess
    expect(result.rows).toBe(1);
    expect(ids(await h.readTopic(`my-${table}`))).toEqual([5]);
    expect(await h.store.listOffsets(name)).toEqual([{ partition: { protocol: '1', table: `test.${table}` }, offset: { incrementing: 5 } }]);
  });
});
