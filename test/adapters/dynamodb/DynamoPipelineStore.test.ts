// The DynamoDB store through the real AWS SDK, against dynalite over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPipelineStore } from '../../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { AlreadyExistsError, ConflictError, NotFoundError } from '../../../lambdas/connect-api/errors.js';
import { aliasForPipeline } from '../../../lambdas/runtime/pipelineAlias.js';
import type { PipelineRecord } from '../../../lambdas/runtime/ports/PipelineStore.js';
import { type TestDynamo, startTestDynamo } from '../../helpers/dynamo.js';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

const record = (name: string, version = 1): PipelineRecord => ({
  name,
  type: 'sink',
  config: { 'connector.class': 'JdbcSink', name },
  targetState: 'RUNNING',
  version,
  restartEpoch: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('DynamoPipelineStore', () => {
  it('creates, reads, lists, updates conditionally and deletes', async () => {
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    await store.create(record('a'));
    await store.create(record('b'));
    await expect(store.create(record('a'))).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await store.get('a')).toEqual(record('a'));
    expect((await store.list()).map((r) => r.name).sort()).toEqual(['a', 'b']);
    await store.update({ ...record('a', 2), targetState: 'PAUSED' }, 1);
    await expect(store.update(record('a', 2), 1)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.update(record('ghost', 2), 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.get('a'))!.targetState).toBe('PAUSED');
    await store.delete('a');
    await expect(store.delete('a')).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.get('a')).toBeUndefined();
  });

  it('keeps status beside the config and removes it with the pipeline, but keeps offsets', async () => {
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    await store.create(record('s'));
    await store.putStatus({ name: 's', connector: { state: 'RUNNING', workerId: 'w' }, tasks: [{ id: 0, state: 'FAILED', workerId: 'w', trace: 't' }], activeTopics: ['x'], resources: { esm: 'uuid' }, updatedAt: 'now' });
    await store.putOffsets('s', [{ partition: { table: 'b', protocol: '1' }, offset: { incrementing: 5 } }]);
    expect(await store.getStatus('s')).toEqual({ name: 's', connector: { state: 'RUNNING', workerId: 'w' }, tasks: [{ id: 0, state: 'FAILED', workerId: 'w', trace: 't' }], activeTopics: ['x'], resources: { esm: 'uuid' }, updatedAt: 'now' });
    await store.putAlias('h-s-123', 's');
    await store.putAlias(aliasForPipeline('s'), 's');
    await store.delete('s');
    expect(await store.getStatus('s')).toBeUndefined();
    expect(await store.getAliasPipeline(aliasForPipeline('s'))).toBeUndefined();
    expect(await store.listOffsets('s')).toEqual([{ partition: { table: 'b', protocol: '1' }, offset: { incrementing: 5 } }]);
  });

  it('keys offsets by partition regardless of key order, and deletes on a null offset', async () => {
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    await store.putOffsets('o', [{ partition: { protocol: '1', table: 't' }, offset: { incrementing: 1 } }]);
    await store.putOffsets('o', [{ partition: { table: 't', protocol: '1' }, offset: { incrementing: 2 } }]);
    expect(await store.listOffsets('o')).toEqual([{ partition: { table: 't', protocol: '1' }, offset: { incrementing: 2 } }]);
    await store.putOffsets('o', [{ partition: { table: 't', protocol: '1' }, offset: null }]);
    expect(await store.listOffsets('o')).toEqual([]);
  });

  it('lists past one page of results', async () => {
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    const big = 'v'.repeat(50_000);
    for (let i = 0; i < 30; i++) await store.create({ ...record(`p${i}`), config: { big } });
    expect(await store.list()).toHaveLength(30);
  });
});

describe('source leases and fenced offsets', () => {
  it('gives the lease to one owner at a time, with a higher epoch for each new holder', async () => {
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    const a = await store.acquireLease('src', 'a', 1000, 0);
    expect(a).toMatchObject({ owner: 'a', epoch: 1, expiresAt: 1000 });
    expect(await store.acquireLease('src', 'b', 1000, 500)).toBeUndefined();
    expect(await store.acquireLease('src', 'a', 1000, 500)).toMatchObject({ owner: 'a', epoch: 1, expiresAt: 1500 });
    const b = await store.acquireLease('src', 'b', 1000, 2000);
    expect(b).toMatchObject({ owner: 'b', epoch: 2 });
    expect(await store.renewLease(a!, 1000, 2100)).toBeUndefined();
    expect(await store.renewLease(b!, 1000, 2100)).toMatchObject({ expiresAt: 3100 });
    await store.releaseLease(b!);
    expect(await store.acquireLease('src', 'c', 1000, 2200)).toMatchObject({ owner: 'c', epoch: 3 });
  });

  it('lets only one of two concurrent acquirers win', async () => {
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.acquireLease('race', `o${i}`, 60_000, 0)));
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('refuses offsets from a stale lease holder once a later holder wrote', async () => {
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    const partition = { protocol: '1', table: 'orders' };
    await store.putOffsetsFenced('src', [{ partition, offset: { incrementing: 10 } }], 1);
    await store.putOffsetsFenced('src', [{ partition, offset: { incrementing: 20 } }], 2);
    await expect(store.putOffsetsFenced('src', [{ partition, offset: { incrementing: 15 } }], 1)).rejects.toBeInstanceOf(ConflictError);
    expect(await store.listOffsets('src')).toEqual([{ partition, offset: { incrementing: 20 } }]);
  });
});
