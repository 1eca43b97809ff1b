// The sink Lambda handler with a captured MSK event: the pipeline from the alias, the real store on dynalite, the
// real JDBC writer into PostgreSQL, and the status it reports.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { InMemoryMetricsSink } from '../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { ConnectorService } from '../../lambdas/runtime/connector/ConnectorService.js';
import { RetriableError } from '../../lambdas/connect-api/errors.js';
import { aliasForPipeline, pipelineOfPlainAlias } from '../../lambdas/runtime/pipelineAlias.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import type { RecordProducer } from '../../lambdas/runtime/ports/RecordProducer.js';
import type { MskEvent } from '../../lambdas/runtime/sink/mskEvent.js';
import { createSinkHandler } from '../../lambdas/sink/createSinkHandler.js';
import { SinkPipelines, type SinkRuntime } from '../../lambdas/sink/SinkPipelines.js';
import { localContext } from '../../local/httpAdapter.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';
import { FakeClock } from '../helpers/fakeClock.js';
import { ordersSinkConfig } from '../helpers/ordersSinkConfig.js';
import { uniqueName, withPg } from '../helpers/pg.js';
import { waitFor } from '../helpers/waitFor.js';

const event = JSON.parse(readFileSync(new URL('../fixtures/msk/orders-envelope.json', import.meta.url), 'utf8')) as MskEvent;
const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:sluice-sink';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dynamo: TestDynamo;
const tables: string[] = [];

beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo.stop();
  await withPg(async (c) => {
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS "${t}"`);
  });
});

async function setup(name: string, extra: Record<string, string> = {}, admissionTtlMs = 0) {
  const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
  const registry = builtinPlugins();
  const service = new ConnectorService({ store, registry, clock: new FakeClock(), workerId: 'api' });
  const table = uniqueName('orders');
  tables.push(table);
  await service.createConnector(name, ordersSinkConfig(table, extra));
  // A long name gets a hashed alias, which the controller registers when it creates the alias.
  if (pipelineOfPlainAlias(aliasForPipeline(name)) === undefined) await store.putAlias(aliasForPipeline(name), name);
  const noDlq: RecordProducer | undefined = undefined;
  const clock = new FakeClock(Date.now());
  const runtime: SinkRuntime = { store, registry, metrics: new InMemoryMetricsSink(), clock, logger: quiet, producer: () => noDlq };
  const pipelines = new SinkPipelines(runtime);
  const handler = createSinkHandler(runtime, pipelines, 'lambda:sink', admissionTtlMs);
  const invoke = (e: MskEvent = event, alias = aliasForPipeline(name)) => handler(e, localContext('sluice-sink', `${FN}:${alias}`));
  return { store, service, table, invoke, pipelines, clock };
}

describe('sink handler', () => {
  it('writes the batch of the pipeline its alias names and reports the task RUNNING', async () => {
    // Prepare
    const { store, table, invoke, pipelines } = await setup('orders-pg');
    // Act
    const result = await invoke();
    await invoke(); // the ESM redelivers: the upsert leaves no duplicate
    // Assess
    expect(result).toMatchObject({ received: 3, written: 3, failed: 0 });
    const rows = await withPg((c) => c.query(`SELECT id, price::text AS price, updated_at FROM "${table}" ORDER BY id`));
    expect(rows.rows.map((r) => Number(r.id))).toEqual([42, 43, 44]);
    expect(rows.rows.map((r) => r.price)).toEqual(expect.arrayContaining(['2.55']));
    for (const r of rows.rows) expect(r.price).toMatch(/^\d+\.\d{2}$/);
    expect(await store.getStatus('orders-pg')).toMatchObject({ tasks: [{ id: 0, state: 'RUNNING', workerId: 'lambda:sink' }], activeTopics: ['orders'] });
    await pipelines.close();
  });

  it('resolves a hashed alias through the store', async () => {
    const name = 'orders pg/2';
    const { store, invoke, pipelines } = await setup('orders.pg.2');
    await store.putAlias(aliasForPipeline(name), 'orders.pg.2');
    const result = await invoke(event, aliasForPipeline(name));
    expect(result.written).toBe(3);
    await pipelines.close();
  });

  it('refuses a batch while the pipeline is paused, without committing it', async () => {
    const { service, invoke, pipelines } = await setup('paused-pg');
    await service.setTargetState('paused-pg', 'PAUSED');
    await expect(invoke()).rejects.toBeInstanceOf(RetriableError);
    await pipelines.close();
  });

  it('with an admission TTL, a warm container reads CONFIG and STATUS once per TTL; a pause takes effect when it ends', async () => {
    const { store, service, invoke, pipelines, clock } = await setup('cached-pg', {}, 5_000);
    const reads = { get: 0, status: 0 };
    const get = store.get.bind(store);
    const getStatus = store.getStatus.bind(store);
    store.get = (n) => {
      reads.get++;
      return get(n);
    };
    store.getStatus = (n) => {
      reads.status++;
      return getStatus(n);
    };
    await invoke();
    await invoke();
    await invoke();
    expect(reads).toEqual({ get: 1, status: 1 });
    await service.setTargetState('cached-pg', 'PAUSED'); // (the service reads through the same store)
    Object.assign(reads, { get: 0, status: 0 });
    expect((await invoke()).written).toBe(3); // within the TTL: the pause is not seen yet
    clock.now = () => Date.now() + 10_000_000; // past the TTL
    await expect(invoke()).rejects.toBeInstanceOf(RetriableError);
    await expect(invoke()).rejects.toBeInstanceOf(RetriableError); // a refusal is never kept: every batch reads again
    expect(reads).toEqual({ get: 2, status: 2 });
    await service.setTargetState('cached-pg', 'RUNNING');
    expect((await invoke()).written).toBe(3); // a resume takes effect at once
    await pipelines.close();
  });

  it('marks the task FAILED with the trace, refuses batches until a restart, then runs again', async () => {
    // Prepare: a value the pipeline's converter cannot read, with errors.tolerance=none
    const { store, service, invoke, pipelines } = await setup('failing-pg', { 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' });
    // Act
    await expect(invoke()).rejects.toThrow(/Tolerance exceeded in error handler/);
    const failed = await service.status('failing-pg');
    await expect(invoke()).rejects.toThrow(/is FAILED; restart it/);
    await service.patchConfig('failing-pg', { 'value.converter': null });
    await service.restart('failing-pg', true, true);
    const result = await invoke();
    // Assess
    expect(failed.tasks[0]).toMatchObject({ state: 'FAILED', trace: expect.stringMatching(/Tolerance exceeded[\s\S]*Caused by/) });
    expect(result.written).toBe(3);
    expect((await store.getStatus('failing-pg'))!.tasks[0]!.state).toBe('RUNNING');
    await pipelines.close();
  });

  it('rejects an invocation that is not through a pipeline alias', async () => {
    const { invoke, pipelines } = await setup('no-alias');
    const handlerArn = `${FN}`;
    await expect(invoke(event, handlerArn.split(':').pop()!)).rejects.toThrow(/No pipeline is registered for the Lambda alias/);
    await pipelines.close();
  });
});

describe('sink handler and database sessions', () => {
  const sessions = (name: string) => withPg(async (c) => Number((await c.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [`sluice:${name}`])).rows[0].n));
  /** A backend leaves pg_stat_activity shortly after its client disconnects: wait for the count, do not sample it. */
  const expectSessions = (name: string, n: number, when: string) => waitFor(async () => (await sessions(name)) === n, 10_000, `${when}: sessions of ${name} never became ${n}`);

  it("closes the pipeline's session when a batch arrives for a pipeline that was stopped or deleted", async () => {
    // Prepare: a pipeline whose first batch opened its (named) session
    const name = uniqueName('rel-sink');
    const { service, invoke, pipelines } = await setup(name);
    await invoke();
    await expectSessions(name, 1, 'running');
    // Act / Assess: stopped, then deleted, each followed by one more (in-flight) batch
    await service.setTargetState(name, 'STOPPED');
    await expect(invoke()).rejects.toThrow(/STOPPED/);
    await expectSessions(name, 0, 'stopped');
    await service.setTargetState(name, 'RUNNING');
    await invoke();
    await expectSessions(name, 1, 'resumed');
    await service.deleteConnector(name);
    await expect(invoke()).rejects.toThrow(/does not exist/);
    await expectSessions(name, 0, 'deleted');
    expect(pipelines.cache.held).toEqual([]);
  });
});
