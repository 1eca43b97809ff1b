import { describe, expect, it } from 'vitest';
import { type EsmSpec, type Observed, type ObservedEsm, plan as reconcile } from '../../../lambdas/runtime/lifecycle/plan.js';

const spec = (topic: string, over: Partial<EsmSpec> = {}): EsmSpec => ({ topic, consumerGroup: 'connect-orders', startingPosition: 'TRIM_HORIZON', batchSize: 500, windowSeconds: 1, ...over });
const esm = (uuid: string, topic: string, over: Partial<ObservedEsm> = {}): ObservedEsm => ({ ...spec(topic), uuid, enabled: true, active: true, ...over });
const nothing: Observed = { esms: [] };
const sink = (esms: EsmSpec[], enabled = true) => ({ kind: 'sink' as const, alias: 'p-orders', enabled, esms });
const schedule = { name: 'p-jobs', rateMinutes: 1, intervalMs: 5000, input: '{"pipeline":"jobs"}' };

describe('reconcile: sink pipelines', () => {
  it('creates the alias before one ESM per topic', () => {
    // Act
    const actions = reconcile(sink([spec('a'), spec('b')]), nothing);
    // Assess
    expect(actions.map((a) => a.kind)).toEqual(['createAlias', 'createEsm', 'createEsm']);
    expect(actions[1]).toEqual({ kind: 'createEsm', alias: 'p-orders', esm: spec('a'), enabled: true });
  });

  it('does nothing when every resource matches', () => {
    expect(reconcile(sink([spec('a')]), { aliasVersion: '$LATEST', esms: [esm('u1', 'a')] })).toEqual([]);
  });

  it('repoints an alias that moved off $LATEST', () => {
    expect(reconcile(sink([]), { aliasVersion: '3', esms: [] })).toEqual([{ kind: 'updateAlias', alias: 'p-orders' }]);
  });

  it('disables the ESMs of a paused or failed pipeline and re-enables them', () => {
    const observed = { aliasVersion: '$LATEST', esms: [esm('u1', 'a')] };
    expect(reconcile(sink([spec('a')], false), observed)).toEqual([{ kind: 'updateEsm', uuid: 'u1', topic: 'a', changes: { enabled: false } }]);
    const disabled = { aliasVersion: '$LATEST', esms: [esm('u1', 'a', { enabled: false })] };
    expect(reconcile(sink([spec('a')]), disabled)).toEqual([{ kind: 'updateEsm', uuid: 'u1', topic: 'a', changes: { enabled: true } }]);
  });

  it('updates what UpdateEventSourceMapping can change in place', () => {
    const actions = reconcile(sink([spec('a', { batchSize: 100, windowSeconds: 5 })]), { aliasVersion: '$LATEST', esms: [esm('u1', 'a')] });
    expect(actions).toEqual([{ kind: 'updateEsm', uuid: 'u1', topic: 'a', changes: { batchSize: 100, windowSeconds: 5 } }]);
  });

  it('replaces an ESM whose create-only starting position or consumer group changed', () => {
    const observed = { aliasVersion: '$LATEST', esms: [esm('u1', 'a'), esm('u2', 'b')] };
    const actions = reconcile(sink([spec('a', { startingPosition: 'LATEST' }), spec('b', { consumerGroup: 'connect-orders-b' })]), observed);
    expect(actions.map((a) => a.kind)).toEqual(['deleteEsm', 'deleteEsm', 'createEsm', 'createEsm']);
  });

  it('deletes ESMs of removed topics and duplicates, and creates ESMs of added topics', () => {
    const observed = { aliasVersion: '$LATEST', esms: [esm('u1', 'a'), esm('u2', 'a'), esm('u3', 'old')] };
    const actions = reconcile(sink([spec('a'), spec('new')]), observed);
    expect(actions).toEqual([
      { kind: 'deleteEsm', uuid: 'u2', topic: 'a' },
      { kind: 'deleteEsm', uuid: 'u3', topic: 'old' },
      { kind: 'createEsm', alias: 'p-orders', esm: spec('new'), enabled: true },
    ]);
  });

  it('removes a schedule left from a source pipeline of the same name', () => {
    const actions = reconcile(sink([]), { aliasVersion: '$LATEST', esms: [], schedule: { name: 'p-orders', expression: 'rate(1 minute)', input: '{}', enabled: true } });
    expect(actions).toEqual([{ kind: 'deleteSchedule', name: 'p-orders' }]);
  });
});

describe('reconcile: source pipelines', () => {
  it('creates a schedule, enabled when running', () => {
    expect(reconcile({ kind: 'source', alias: 'p-jobs', enabled: true, schedule }, nothing)).toEqual([{ kind: 'createSchedule', schedule, enabled: true }]);
  });

  it('updates the schedule when its rate, input or state differ, and only then', () => {
    const current = { name: 'p-jobs', expression: 'rate(1 minute)', input: schedule.input, enabled: true };
    expect(reconcile({ kind: 'source', alias: 'p-jobs', enabled: true, schedule }, { esms: [], schedule: current })).toEqual([]);
    expect(reconcile({ kind: 'source', alias: 'p-jobs', enabled: false, schedule }, { esms: [], schedule: current })).toEqual([{ kind: 'updateSchedule', schedule, enabled: false }]);
    const every5 = { ...schedule, rateMinutes: 5 };
    expect(reconcile({ kind: 'source', alias: 'p-jobs', enabled: true, schedule: every5 }, { esms: [], schedule: current })).toEqual([{ kind: 'updateSchedule', schedule: every5, enabled: true }]);
  });
});

describe('reconcile: pipelines that changed type', () => {
  it('removes the ESMs and alias a sink of the same name left behind', () => {
    const actions = reconcile({ kind: 'source', alias: 'p-jobs', enabled: true, schedule }, { aliasVersion: '$LATEST', esms: [esm('u1', 'a')] });
    expect(actions.map((a) => a.kind)).toEqual(['deleteEsm', 'deleteAlias', 'createSchedule']);
  });
});

describe('reconcile: deleted pipelines', () => {
  it('deletes the ESMs before the alias, and the schedule', () => {
    const observed: Observed = { aliasVersion: '$LATEST', esms: [esm('u1', 'a')], schedule: { name: 'p-orders', expression: 'rate(1 minute)', input: '{}', enabled: true } };
    expect(reconcile({ kind: 'absent', alias: 'p-orders' }, observed)).toEqual([
      { kind: 'deleteEsm', uuid: 'u1', topic: 'a' },
      { kind: 'deleteAlias', alias: 'p-orders' },
      { kind: 'deleteSchedule', name: 'p-orders' },
    ]);
  });

  it('does nothing when nothing is left', () => {
    expect(reconcile({ kind: 'absent', alias: 'p-orders' }, nothing)).toEqual([]);
  });
});
