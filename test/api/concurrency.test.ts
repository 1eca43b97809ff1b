// Optimistic concurrency: of two PUTs that read the same version, one wins and the other gets 409; nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import type { PipelineRecord, PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { apiHarness, pgSink } from '../helpers/apiHarness.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

/** The real store, with reads held until `parties` readers have read: both writers see the same version. */
function barrierOnGet(store: PipelineStore, parties: number): PipelineStore {
  let waiting: Array<() => void> = [];
  let armed = false;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'arm') return () => (armed = true);
      if (prop !== 'get') return Reflect.get(target, prop, receiver);
      return async (name: string): Promise<PipelineRecord | undefined> => {
        const r = await target.get(name);
        if (!armed) return r;
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === parties) {
            for (const w of waiting) w();
            waiting = [];
            armed = false;
          }
        });
        return r;
      };
    },
  });
}

describe('concurrent writes', () => {
  it('of two concurrent PUTs on one connector, one wins and the other gets 409', async () => {
    // Prepare
    const store = barrierOnGet(new DynamoPipelineStore(dynamo.client, await dynamo.newTable()), 2);
    const api = await apiHarness(dynamo, { store });
    await api.call('POST', '/connectors', pgSink('race'));
    (store as unknown as { arm(): void }).arm();
    // Act
    const [a, b] = await Promise.all([
      api.call('PUT', '/connectors/race/config', { ...pgSink('race').config, 'batch.size': '111' }),
      api.call('PUT', '/connectors/race/config', { ...pgSink('race').config, 'batch.size': '222' }),
    ]);
    // Assess
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body).toEqual({ error_code: 409, message: expect.stringMatching(/concurrent config change/) });
    const stored = await store.get('race');
    expect(stored!.version).toBe(2);
    expect(stored!.config['batch.size']).toBe((winner.body as { config: Record<string, string> }).config['batch.size']);
  });

  it('loses no update under many concurrent PATCHes retried on 409', async () => {
    // Prepare
    const api = await apiHarness(dynamo);
    await api.call('POST', '/connectors', pgSink('many'));
    // Act: 20 writers each add their own key, retrying on 409 as a client would
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        for (;;) {
          const r = await api.call('PATCH', '/connectors/many/config', { [`sluice.test.k${i}`]: 'x' });
          if (r.status === 200) return;
          expect(r.status).toBe(409);
        }
      }),
    );
    // Assess
    const stored = await api.store.get('many');
    for (let i = 0; i < 20; i++) expect(stored!.config[`sluice.test.k${i}`]).toBe('x');
    expect(stored!.version).toBe(21);
  });

  it('two concurrent creates of one name give one 201 and one 409', async () => {
    const api = await apiHarness(dynamo);
    const results = await Promise.all([api.call('POST', '/connectors', pgSink('twin')), api.call('POST', '/connectors', pgSink('twin'))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
