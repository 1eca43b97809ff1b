// MetricsSink for standalone mode and tests: running totals per pipeline and a short history per period, readable
// through the API's status.
import type { CountMetric, MetricsSink, TimingMetric } from '../../runtime/ports/MetricsSink.js';
import type { MetricsHistory } from '../../runtime/ports/RuntimeObserver.js';
import { MetricsHistoryBuffer, type MetricsHistoryOptions } from './MetricsHistoryBuffer.js';

export interface PipelineMetrics {
  counts: Partial<Record<CountMetric, number>>;
  /** Last observed value of each timing, in ms. */
  timings: Partial<Record<TimingMetric, number>>;
}

export class InMemoryMetricsSink implements MetricsSink {
  private readonly data = new Map<string, PipelineMetrics>();
  private readonly recent: MetricsHistoryBuffer;

  constructor(history: MetricsHistoryOptions = {}) {
    this.recent = new MetricsHistoryBuffer(history);
  }

  count(pipeline: string, name: CountMetric, value: number): void {
    const m = this.of(pipeline);
    m.counts[name] = (m.counts[name] ?? 0) + value;
    this.recent.record(pipeline, name, value);
  }

  timing(pipeline: string, name: TimingMetric, milliseconds: number): void {
    this.of(pipeline).timings[name] = milliseconds;
    this.recent.record(pipeline, name, milliseconds);
  }

  /** The pipeline's metrics per period over the last minutes. */
  history(pipeline: string): MetricsHistory {
    return this.recent.history(pipeline);
  }

  async flush(): Promise<void> {}

  snapshot(pipeline: string): PipelineMetrics {
    const m = this.data.get(pipeline);
    return { counts: { ...m?.counts }, timings: { ...m?.timings } };
  }

  private of(pipeline: string): PipelineMetrics {
    let m = this.data.get(pipeline);
    if (!m) {
      m = { counts: {}, timings: {} };
      this.data.set(pipeline, m);
    }
    return m;
  }
}
