// A sink pipeline's view of the metrics sink at its `sluice.metrics.level` (runtime/metricSchema.ts): the metrics the
// level leaves out are never recorded, so they are neither published as EMF (no custom metric to pay for) nor kept in
// standalone's history; the dashboard, alarms and status read the same names and simply find no data for them.
import { type MetricsLevel, SINK_METRICS, sinkMetricsAt } from '../metricSchema.js';
import type { CountMetric, MetricsSink, TimingMetric } from '../ports/MetricsSink.js';

export class LeveledMetricsSink implements MetricsSink {
  /** The sink metrics the level leaves out (any other name passes: it is not the level's to filter). */
  private readonly dropped: ReadonlySet<string>;

  constructor(
    private readonly inner: MetricsSink,
    level: MetricsLevel,
  ) {
    const kept = new Set<string>(sinkMetricsAt(level));
    this.dropped = new Set(SINK_METRICS.filter((m) => !kept.has(m)));
  }

  count(pipeline: string, name: CountMetric, value: number): void {
    if (!this.dropped.has(name)) this.inner.count(pipeline, name, value);
  }

  timing(pipeline: string, name: TimingMetric, milliseconds: number): void {
    if (!this.dropped.has(name)) this.inner.timing(pipeline, name, milliseconds);
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }
}
