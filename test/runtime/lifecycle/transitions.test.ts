// Every cell of the lifecycle table (lambdas/runtime/lifecycle/transitions.ts), for a sink and a source: the pipeline
// is brought into the `from` state through the REST API and the reconciler, the request is made through the REST API
// (or, for `task fails`, through the task gate), and the reconciler runs; then the state, the task list, the
// resources and the consumer group must be what the table says. Kafka Connect's own rules are checked by name below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineReconciler } from '../../../lambdas/runtime/lifecycle/PipelineReconciler.js';
import { stateOf } from '../../../lambdas/runtime/lifecycle/state.js';
import { admitTask } from '../../../lambdas/runtime/lifecycle/TaskGate.js';
import { type From, REQUESTS, RESOURCES, type Request, TRANSITIONS, transition } from '../../../lambdas/runtime/lifecycle/transitions.js';
import type { ConsumerGroupOffsets } from '../../../lambdas/runtime/ports/ConsumerGroupOffsets.js';
import { type ApiHarness, apiHarness, pgSink, pgSource } from '../../helpers/apiHarness.js';
import { type TestDynamo, startTestDynamo } from '../../helpers/dynamo.js';
import { MemoryResources } from './memoryResources.js';

let dynamo: TestDynamo;
let api: ApiHarness;
let resources: MemoryResources;
let reconciler: PipelineReconciler;
const deletedGroups: string[] = [];
const groups: ConsumerGroupOffsets = {
  fetch: async () => [],
  alter: async () => undefined,
  deleteGroup: async (g) => void deletedGroups.push(g),
  partitionCounts: async (topics) => new Map(topics.map((t) => [t, 1])),
};

beforeAll(async () => {
  dynamo = await startTestDynamo();
  api = await apiHarness(dynamo, { groupOffsets: groups });
  resources = new MemoryResources();
  reconciler = new PipelineReconciler({ store: api.store, resources, workerId: 'reconciler' });
});
afterAll(async () => {
  await dynamo.stop();
});

type Kind = 'sink' | 'source';
let n = 0;
const bodyOf = (kind: Kind, name: string) => (kind === 'sink' ? pgSink(name, { topics: `t-${name}` }) : pgSource(name));
const failTask = async (name: string, kind: Kind) => {
  const admission = await admitTask(api.store, name, kind, 'task');
  if (admission.admitted) await admission.gate.failed('boom');
};

/** Brings a new pipeline into `from`, with the resources lagging as an ESM does while Disabling. */
async function arrange(kind: Kind, from: From): Promise<string> {
  const name = `p${++n}-${kind}-${from.toLowerCase()}`;
  resources.settle();
  if (from === 'ABSENT') return name;
  await api.call('POST', '/connectors', bodyOf(kind, name));
  await reconciler.reconcile(name);
  if (from === 'PAUSED') await api.call('PUT', `/connectors/${name}/pause`);
  if (from === 'STOPPED' || from === 'STOPPING') await api.call('PUT', `/connectors/${name}/stop`);
  if (from === 'FAILED') await failTask(name, kind);
  resources.lagging = from === 'STOPPING';
  await reconciler.reconcile(name);
  resources.lagging = true;
  return name;
}

async function act(kind: Kind, name: string, request: Request): Promise<number> {
  const paths: Record<Request, () => Promise<{ status: number }>> = {
    create: () => api.call('POST', '/connectors', bodyOf(kind, name)),
    'create PAUSED': () => api.call('POST', '/connectors', { ...bodyOf(kind, name), initial_state: 'PAUSED' }),
    'create STOPPED': () => api.call('POST', '/connectors', { ...bodyOf(kind, name), initial_state: 'STOPPED' }),
    pause: () => api.call('PUT', `/connectors/${name}/pause`),
    resume: () => api.call('PUT', `/connectors/${name}/resume`),
    stop: () => api.call('PUT', `/connectors/${name}/stop`),
    restart: () => api.call('POST', `/connectors/${name}/restart`, undefined, { query: { includeTasks: 'true' } }),
    'restart onlyFailed': () => api.call('POST', `/connectors/${name}/restart`, undefined, { query: { includeTasks: 'true', onlyFailed: 'true' } }),
    config: () => api.call('PUT', `/connectors/${name}/config`, { ...bodyOf(kind, name).config, 'sluice.esm.batch.size': '100', 'poll.interval.ms': '7000' }),
    'task fails': async () => {
      await failTask(name, kind);
      return { status: 200 };
    },
    offsets: () => api.call('DELETE', `/connectors/${name}/offsets`),
    delete: () => api.call('DELETE', `/connectors/${name}`),
  };
  return (await paths[request]()).status;
}

async function observe(name: string) {
  const [record, status] = await Promise.all([api.store.get(name), api.store.getStatus(name)]);
  const res = await resources.observe({ alias: `p-${name}`, scheduleName: `p-${name}` });
  const switches = [...res.esms.map((e) => e.enabled), ...(res.schedule ? [res.schedule.enabled] : [])];
  const tasks = await api.call('GET', `/connectors/${name}/tasks`);
  return {
    state: stateOf(record, status),
    resources: switches.length === 0 ? 'deleted' : switches.every((s) => s) ? 'enabled' : 'disabled',
    polling: [...res.esms.map((e) => e.active), ...(res.schedule ? [res.schedule.active ?? false] : [])].some((a) => a),
    tasks: tasks.status === 404 ? undefined : (tasks.body as unknown[]).length,
  };
}

const cells = (Object.keys(TRANSITIONS) as From[]).flatMap((from) => REQUESTS.map((request) => ({ from, request })));

describe.each<Kind>(['sink', 'source'])('every cell of the lifecycle table, %s', (kind) => {
  it.each(cells)('$from × $request', async ({ from, request }) => {
    // Prepare
    const name = await arrange(kind, from);
    const before = await observe(name);
    const cell = transition(from, request);
    // Act
    const status = await act(kind, name, request);
    await reconciler.reconcile(name);
    const after = await observe(name);
    resources.settle();
    await reconciler.reconcile(name);
    const settled = await observe(name);
    // Assess
    expect(before.state).toBe(from);
    if (cell.refused) expect(status).toBe(cell.refused.status);
    else expect(status).toBeLessThan(300);
    expect(after.state).toBe(cell.to);
    expect(after.resources).toBe(kind === 'sink' ? RESOURCES[cell.to].mappings : RESOURCES[cell.to].schedule);
    const tasks = cell.tasks === 'generated' ? 1 : cell.tasks === 'cleared' ? 0 : before.tasks;
    expect(after.tasks).toBe(cell.to === 'ABSENT' ? undefined : tasks);
    // Once the resources settle, the consumer group has a member exactly when the table says so; STOPPING ends STOPPED.
    expect(settled.state).toBe(cell.to === 'STOPPING' ? 'STOPPED' : cell.to);
    expect(settled.polling).toBe(RESOURCES[settled.state].groupMember);
  });
});

describe("Kafka Connect's rules, as the table holds them", () => {
  it('creates a paused or stopped connector with no task (KIP-980)', () => {
    expect([transition('ABSENT', 'create PAUSED').tasks, transition('ABSENT', 'create STOPPED').tasks]).toEqual(['cleared', 'cleared']);
  });

  it('restarts a paused connector paused, and restarts nothing in a stopped one', () => {
    expect(transition('PAUSED', 'restart')).toMatchObject({ to: 'PAUSED', restarts: 'all' });
    expect(transition('STOPPED', 'restart').restarts).toBe('none');
  });

  it('lets offsets change only once STOPPED, answering 409 while the consumers are still leaving', () => {
    const refusals = (['RUNNING', 'PAUSED', 'FAILED', 'STOPPING', 'STOPPED'] as const).map((s) => transition(s, 'offsets').refused?.status);
    expect(refusals).toEqual([400, 400, 400, 409, undefined]);
  });

  it('keeps a failed task failed across pause and resume; a restart or a new config restarts it', () => {
    expect([transition('FAILED', 'pause').to, transition('FAILED', 'resume').to]).toEqual(['FAILED', 'FAILED']);
    expect([transition('FAILED', 'restart').to, transition('FAILED', 'config').to]).toEqual(['RUNNING', 'RUNNING']);
  });

  it('leaves the consumer group only in states where no task runs', () => {
    expect(Object.entries(RESOURCES).filter(([, r]) => r.groupMember).map(([s]) => s)).toEqual(['RUNNING', 'STOPPING']);
  });
});
