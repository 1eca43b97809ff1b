// The EMF adapter writes CloudWatch embedded-metric-format lines with namespace Sluice and dimensions service and Pipeline.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmfMetricsSink } from '../../../lambdas/adapters/metrics/EmfMetricsSink.js';

afterEach(() => vi.restoreAllMocks());

describe('EmfMetricsSink', () => {
  it('publishes one EMF document per pipeline with its counts and timings', async () => {
    // Prepare
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const sink = new EmfMetricsSink('sink');
    // Act
    sink.count('orders', 'RecordsReceived', 10);
    sink.count('orders', 'RecordsWritten', 9);
    sink.timing('orders', 'BatchLatency', 42);
    sink.count('billing', 'RecordsReceived', 1);
    await sink.flush();
    // Assess
    const docs = lines.flatMap((l) => l.split('\n')).filter((l) => l.includes('_aws')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const orders = docs.find((d) => d['Pipeline'] === 'orders')!;
    const meta = (orders['_aws'] as { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> }).CloudWatchMetrics[0]!;
    expect(meta.Namespace).toBe('Sluice');
    expect([...meta.Dimensions[0]!].sort()).toEqual(['Pipeline', 'service']);
    expect(orders['service']).toBe('sluice-sink');
    expect(meta.Metrics).toEqual(expect.arrayContaining([{ Name: 'RecordsReceived', Unit: 'Count' }, { Name: 'BatchLatency', Unit: 'Milliseconds' }]));
    expect([orders['RecordsReceived'], orders['RecordsWritten'], orders['BatchLatency']]).toEqual([10, 9, 42]);
    expect(docs.find((d) => d['Pipeline'] === 'billing')!['RecordsReceived']).toBe(1);
  });
});
