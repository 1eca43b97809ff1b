// Table filters against real PostgreSQL and MariaDB: a schema-qualified table.whitelist without schema.pattern looks
// in every schema (Confluent's TableMonitorThread.applyLegacyFiltering matches the unquoted qualified name of tables
// listed by getTables with no schema pattern), and table.include.list / table.exclude.list are whole-name regexes
// (TableCollectionUtils.filterTables), derived from PostgresLiteralIncludeListIT (a literal two-part include list
// finds the table; a three-part one finds none and the task fails) and TableMonitorThreadTestWithIncludeList.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, MYSQL_URL, PG_URL, payloads, soon, startHarness, uniqueName } from './harness.js';

let h: Harness;
const pgSchemas: string[] = [];
const myTables: string[] = [];

beforeAll(async () => {
  h = await startHarness();
}, 60_000);

afterAll(async () => {
  for (const s of pgSchemas) await h.pg.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  for (const t of myTables) await h.my.query(`DROP TABLE IF EXISTS ${t}`);
  await h.stop();
});

/** A new schema (outside the search path) holding `tables`, each with ids 1..n. */
async function pgSchema(tables: Record<string, number>): Promise<string> {
  const schema = uniqueName('app');
  pgSchemas.push(schema);
  await h.pg.query(`CREATE SCHEMA ${schema}`);
  for (const [t, n] of Object.entries(tables)) {
    await h.pg.query(`CREATE TABLE ${schema}.${t} (id serial PRIMARY KEY, name text NOT NULL)`);
    await h.pg.query(`INSERT INTO ${schema}.${t} (name) SELECT 'r' || g FROM generate_series(1, ${n}) g`);
  }
  return schema;
}

function source(url: string, prefix: string, extra: Record<string, string>): Record<string, string> {
  return { 'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector', 'connection.url': url, mode: 'incrementing', 'topic.prefix': prefix, 'poll.interval.ms': '60000', ...extra };
}

const ids = (records: Array<{ value: unknown }>) => payloads(records).map((p) => p['id']);

describe('table filters', () => {
  it('PostgreSQL: table.whitelist=<schema>.<table> without schema.pattern finds the table in its schema', async () => {
    // Prepare
    const schema = await pgSchema({ customers: 3 });
    const prefix = `${uniqueName('wl')}-`;
    const task = await h.task(await h.createPipeline(source(PG_URL, prefix, { 'table.whitelist': `${schema}.customers`, 'incrementing.column.name': 'id' })));

    // Act
    const result = await task.runInvocation(soon());

    // Assess
    expect(result).toMatchObject({ outcome: expect.not.stringMatching('failed'), rows: 3 });
    expect(ids(await h.readTopic(`${prefix}customers`))).toEqual([1, 2, 3]);
  });

  it('PostgreSQL: shouldDiscoverTableWithLiteralTwoPartIncludeList, with table.exclude.list and incrementing.column.mapping', async () => {
    // Prepare
    const schema = await pgSchema({ customers: 3, customers_tmp: 2, orders: 1 });
    const prefix = `${uniqueName('inc')}-`;
    const config = source(PG_URL, prefix, {
      'table.include.list': `${schema}\\.customers.*,${schema}\\.orders`,
      'table.exclude.list': '.*_tmp',
      'incrementing.column.mapping': `${schema}\\..*:id`,
    });
    const name = await h.createPipeline(config);
    const task = await h.task(name);

    // Act
    const result = await task.runInvocation(soon());

    // Assess
    expect(result.rows).toBe(4);
    expect(ids(await h.readTopic(`${prefix}customers`))).toEqual([1, 2, 3]);
    expect(ids(await h.readTopic(`${prefix}orders`))).toEqual([1]);
    expect((await h.store.listOffsets(name)).map((o) => o.partition['table']).sort()).toEqual([`${schema}.customers`, `${schema}.orders`]);
  });

  it('PostgreSQL: shouldFailWithThreePartIncludeList: <db>.<schema>.<table> matches no table and the task fails', async () => {
    // Prepare
    const schema = await pgSchema({ customers: 1 });
    const task = await h.task(await h.createPipeline(source(PG_URL, `${uniqueName('three')}-`, { 'table.include.list': `test\\.${schema}\\.customers` })));

    // Act
    const result = await task.runInvocation(soon());

    // Assess
    expect(result.outcome).toBe('failed');
    expect(result.trace).toMatch(/table\.include\.list matches no table/);
  });

  it('MariaDB: table.include.list matches <db>.<table>, timestamp.columns.mapping gives the table its timestamp column', async () => {
    // Prepare
    const t = uniqueName('incmy');
    myTables.push(t);
    await h.my.query(`CREATE TABLE ${t} (id int PRIMARY KEY, changed DATETIME(3) NOT NULL)`);
    await h.my.query(`INSERT INTO ${t} VALUES (1, '2024-01-01 00:00:01'), (2, '2024-01-01 00:00:02')`);
    const prefix = `${uniqueName('my')}-`;
    const task = await h.task(await h.createPipeline(source(MYSQL_URL, prefix, { mode: 'timestamp', 'table.include.list': `test\\.${t}`, 'timestamp.columns.mapping': `.*:[changed]` })));

    // Act
    const result = await task.runInvocation(soon());

    // Assess
    expect(result.rows).toBe(2);
    expect(ids(await h.readTopic(`${prefix}${t}`))).toEqual([1, 2]);
  });
});
