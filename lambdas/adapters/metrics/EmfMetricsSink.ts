// MetricsSink publishing CloudWatch embedded metric format through Powertools Metrics: namespace Sluice,
// dimension Pipeline. The task flushes once per invocation.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CountMetric, MetricsSink, TimingMetric } from '../../runtime/ports/MetricsSink.js';

export const METRICS_NAMESPACE = 'Sluice';

export class EmfMetricsSink implements MetricsSink {
  private readonly byPipeline = new Map<string, Metrics>();

  constructor(private readonly serviceName: string) {}

  count(pipeline: string, name: CountMetric, value: number): void {
    this.metrics(pipeline).addMetric(name, MetricUnit.Count, value);
  }

  timing(pipeline: string, name: TimingMetric, milliseconds: number): void {
    this.metrics(pipeline).addMetric(name, MetricUnit.Milliseconds, milliseconds);
  }

  async flush(): Promise<void> {
    for (const m of this.byPipeline.values()) if (m.hasStoredMetrics()) m.publishStoredMetrics();
  }

  private metrics(pipeline: string): Metrics {
    let m = this.byPipeline.get(pipeline);
    if (!m) {
      m = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: this.serviceName, defaultDimensions: { Pipeline: pipeline } });
      this.byPipeline.set(pipeline, m);
    }
    return m;
  }
}
