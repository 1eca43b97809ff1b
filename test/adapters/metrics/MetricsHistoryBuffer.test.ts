// Standalone's metrics history: data points per fixed period, read with each metric's CloudWatch statistic, for the
// last minutes only. Time comes from a clock the test moves.
import { describe, expect, it } from 'vitest';
import { InMemoryMetricsSink } from '../../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { MetricsHistoryBuffer } from '../../../lambdas/adapters/metrics/MetricsHistoryBuffer.js';

const T0 = 1_700_000_000_000; // a multiple of 10 s

function clock() {
  let now = T0;
  return { now: () => now, at: (ms: number) => (now = T0 + ms) };
}

describe('MetricsHistoryBuffer', () => {
  it('sums counts, averages latencies and keeps the maximum of RowLag per period, oldest first, only periods with data', () => {
    // Prepare
    const c = clock();
    const history = new MetricsHistoryBuffer({ periodSeconds: 10, now: c.now });
    // Act
    c.at(1_000);
    history.record('p', 'RecordsWritten', 5);
    history.record('p', 'WriteLatency', 10);
    history.record('p', 'RowLag', 7);
    c.at(9_999);
    history.record('p', 'RecordsWritten', 3);
    history.record('p', 'WriteLatency', 30);
    history.record('p', 'RowLag', 2);
    c.at(30_000);
    history.record('p', 'RecordsWritten', 1);
    history.record('other', 'RecordsWritten', 100);
    // Assess
    expect(history.history('p')).toEqual({
      periodSeconds: 10,
      series: {
        RecordsWritten: [
          [T0, 8],
          [T0 + 30_000, 1],
        ],
        WriteLatency: [[T0, 20]],
        RowLag: [[T0, 7]],
      },
    });
    expect(history.history('other').series).toEqual({ RecordsWritten: [[T0 + 30_000, 100]] });
    expect(history.history('never')).toEqual({ periodSeconds: 10, series: {} });
  });

  it('keeps the last 15 minutes (90 periods of 10 s) and drops what is older, also when nothing new arrives', () => {
    // Prepare
    const c = clock();
    const history = new MetricsHistoryBuffer({ now: c.now });
    for (let s = 0; s < 1_000; s += 10) {
      c.at(s * 1000);
      history.record('p', 'RecordsReceived', 1);
    }
    // Act
    const full = history.history('p').series['RecordsReceived']!;
    c.at(990_000 + 890_000);
    const lastOne = history.history('p').series['RecordsReceived']!;
    c.at(990_000 + 900_000);
    const none = history.history('p').series;
    // Assess
    expect(full.length).toBe(90);
    expect(full[0]![0]).toBe(T0 + 100_000);
    expect(full[89]![0]).toBe(T0 + 990_000);
    expect(lastOne).toEqual([[T0 + 990_000, 1]]);
    expect(none).toEqual({});
  });
});

describe('InMemoryMetricsSink', () => {
  it('records counts and timings into both the totals and the history', () => {
    const c = clock();
    const sink = new InMemoryMetricsSink({ now: c.now });
    sink.count('orders', 'RecordsReceived', 4);
    sink.timing('orders', 'BatchLatency', 12);
    c.at(10_000);
    sink.count('orders', 'RecordsReceived', 6);
    sink.timing('orders', 'BatchLatency', 20);
    expect(sink.snapshot('orders')).toEqual({ counts: { RecordsReceived: 10 }, timings: { BatchLatency: 20 } });
    expect(sink.history('orders')).toEqual({
      periodSeconds: 10,
      series: {
        RecordsReceived: [
          [T0, 4],
          [T0 + 10_000, 6],
        ],
        BatchLatency: [
          [T0, 12],
          [T0 + 10_000, 20],
        ],
      },
    });
  });
});
