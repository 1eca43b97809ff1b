import { describe, expect, it } from 'vitest';
import { desiredOf, esmSpecs, pollRateMinutes, scheduleNameFor } from '../../../lambdas/runtime/lifecycle/desired.js';
import { consumerGroupFor, sinkTopics } from '../../../lambdas/runtime/sinkGroups.js';
import type { PipelineRecord } from '../../../lambdas/runtime/ports/PipelineStore.js';

const record = (over: Partial<PipelineRecord>): PipelineRecord => ({
  name: 'orders',
  type: 'sink',
  config: { topics: 'orders' },
  targetState: 'RUNNING',
  version: 1,
  restartEpoch: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...over,
});

describe('desired state', () => {
  it('maps the sluice.esm.* keys, rounding the batching window up to whole seconds', () => {
    const [esm] = esmSpecs('orders', { 'sluice.esm.batch.size': '100', 'sluice.esm.batching.window.ms': '1500', 'sluice.esm.starting.position': 'LATEST' }, ['orders']);
    expect(esm).toEqual({ topic: 'orders', consumerGroup: 'connect-orders', startingPosition: 'LATEST', batchSize: 100, windowSeconds: 2 });
  });

  it('uses the framework defaults when the keys are absent', () => {
    expect(esmSpecs('o', {}, ['t'])[0]).toMatchObject({ startingPosition: 'TRIM_HORIZON', batchSize: 2000, windowSeconds: 2 });
  });

  it('gives one-topic pipelines connect-<name> and each ESM of a several-topic pipeline its own group', () => {
    expect(consumerGroupFor('orders', 'a', 1)).toBe('connect-orders');
    expect(consumerGroupFor('orders', 'a', 2)).toBe('connect-orders-a');
  });

  it('expands topics.regex in full against the cluster topics, leaving out the DLQ and internal topics', () => {
    const config = { 'topics.regex': 'orders-.*', 'errors.deadletterqueue.topic.name': 'orders-dlq' };
    expect(sinkTopics(config, ['orders-eu', 'orders-dlq', 'x-orders-us', '__consumer_offsets', 'orders-us'])).toEqual(['orders-eu', 'orders-us']);
  });

  it('polls every max(1, ceil(poll.interval.ms / 60000)) minutes', () => {
    expect(pollRateMinutes({})).toBe(1);
    expect(pollRateMinutes({ 'poll.interval.ms': '60001' })).toBe(2);
  });

  it('keeps schedule names within 64 characters', () => {
    expect(scheduleNameFor('jobs')).toBe('p-jobs');
    const long = scheduleNameFor('x'.repeat(90));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).not.toBe(scheduleNameFor('x'.repeat(91)));
  });

  it('enables the resources of a RUNNING pipeline only, and deletes those of an absent one', () => {
    expect(desiredOf('orders', record({}), { state: 'RUNNING' })).toMatchObject({ kind: 'sink', enabled: true });
    expect(desiredOf('orders', record({ targetState: 'PAUSED' }), { state: 'PAUSED' })).toMatchObject({ kind: 'sink', enabled: false });
    expect(desiredOf('orders', record({}), { state: 'FAILED' })).toMatchObject({ kind: 'sink', enabled: false });
    expect(desiredOf('jobs', record({ type: 'source', targetState: 'STOPPED' }), { state: 'STOPPING' })).toMatchObject({ kind: 'source', enabled: false });
    expect(desiredOf('gone', undefined, { state: 'ABSENT' })).toEqual({ kind: 'absent', alias: 'p-gone' });
  });

  it('gives a source schedule both the Scheduler rate and the poll interval the local scheduler fires at', () => {
    const desired = desiredOf('jobs', record({ type: 'source', config: { 'poll.interval.ms': '90000' } }), { state: 'RUNNING' });
    expect(desired).toMatchObject({ kind: 'source', enabled: true, schedule: { name: 'p-jobs', rateMinutes: 2, intervalMs: 90000, input: '{"pipeline":"jobs"}' } });
  });
});
