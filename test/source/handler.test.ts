// The scheduled handler: {"pipeline": name} → one invocation; status RUNNING with active topics; FAILED and
// non-RUNNING pipelines are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSourceHandler } from '../../lambdas/source/createSourceHandler.js';
import { SourcePipelines } from '../../lambdas/source/SourcePipelines.js';
import { type Harness, PG_URL, startHarness, uniqueName } from './harness.js';

let h: Harness;
let pipelines: SourcePipelines;
const dropped: string[] = [];
const context = { getRemainingTimeInMillis: () => 30_000 };

beforeAll(async () => {
  h = await startHarness();
  pipelines = new SourcePipelines(h.runtime(), 'handler-test');
}, 60_000);

afterAll(async () => {
  await pipelines.close();
  for (const t of dropped) await h.pg.query(`DROP TABLE IF EXISTS ${t}`);
  await h.stop();
});

describe('createSourceHandler', () => {
  it('polls the named pipeline, then records task 0 RUNNING and its topic', async () => {
    const t = uniqueName('hnd');
    dropped.push(t);
    await h.pg.query(`CREATE TABLE ${t} (id serial PRIMARY KEY, v int NOT NULL)`);
    await h.pg.query(`INSERT INTO ${t} (v) VALUES (1), (2)`);
    const name = await h.createPipeline({
      'connector.class': 'JdbcSource',
      'connection.url': PG_URL,
      'table.whitelist': t,
      mode: 'incrementing',
      'topic.prefix': 'hnd-',
      'poll.interval.ms': '60000',
    });
    const handler = createSourceHandler(h.runtime(), pipelines, 'worker-1');

    const result = await handler({ pipeline: name }, context);

    expect(result).toMatchObject({ outcome: 'completed', rows: 2, produced: 2 });
    const status = await h.store.getStatus(name);
    expect(status?.tasks).toEqual([{ id: 0, state: 'RUNNING', workerId: 'worker-1' }]);
    expect(status?.activeTopics).toEqual([`hnd-${t}`]);
  });

  it('records FAILED with the trace for a config that cannot start, and skips the pipeline afterwards', async () => {
    const name = await h.createPipeline({ 'connector.class': 'JdbcSource', 'connection.url': PG_URL, mode: 'incrementing', 'table.whitelist': 'x', transforms: 'nope' });
    const handler = createSourceHandler(h.runtime(), pipelines, 'worker-1');

    const first = await handler({ pipeline: name }, context);
    const second = await handler({ pipeline: name }, context);

    expect(first.outcome).toBe('failed');
    expect((await h.store.getStatus(name))?.tasks[0]).toMatchObject({ state: 'FAILED', trace: expect.stringContaining('ConfigError') });
    expect(second).toEqual({ outcome: 'failed', polls: 0, rows: 0, produced: 0 });
  });

  it('does nothing for a missing or paused pipeline', async () => {
    const handler = createSourceHandler(h.runtime(), pipelines, 'worker-1');
    expect((await handler({ pipeline: 'no-such-pipeline' }, context)).outcome).toBe('stopped');
  });
});
