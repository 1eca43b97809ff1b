// GET /health (Kafka 3.9+, KIP-1017): 200 healthy once the worker has started, 503 while it starts, 500 when the
// worker cannot serve requests (here: the pipeline store does not answer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { apiHarness } from '../helpers/apiHarness.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

describe('GET /health', () => {
  it('answers 200 healthy when ready', async () => {
    const api = await apiHarness(dynamo, { ready: () => true });
    expect(await api.call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' } });
  });

  it('answers 503 starting until the worker has completed startup', async () => {
    const api = await apiHarness(dynamo, { ready: () => false });
    expect(await api.call('GET', '/health')).toMatchObject({ status: 503, body: { status: 'starting', message: 'Worker is still starting up.' } });
  });

  it('answers 500 unhealthy when the store does not answer', async () => {
    const healthy = await apiHarness(dynamo);
    const broken: PipelineStore = { ...healthy.store, get: async () => Promise.reject(new Error('connection refused')) } as PipelineStore;
    const api = await apiHarness(dynamo, { store: broken });
    expect(await api.call('GET', '/health')).toMatchObject({ status: 500, body: { status: 'unhealthy' } });
  });
});
