// MetricsSink publishing CloudWatch embedded metric format through Powertools Metrics, as runtime/metricSchema.ts
// says: namespace Sluice, dimensions service (Powertools' own, the task's service name) and Pipeline. The task flushes
// once per invocation.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC_SERVICE, METRICS_NAMESPACE, PIPELINE_DIMENSION } from '../../runtime/metricSchema.js';
import type { CountMetric, MetricsSink, TimingMetric } from '../../runtime/ports/MetricsSink.js';
import type { ConnectorType } from '../../runtime/ports/PipelineStore.js';

export class EmfMetricsSink implements MetricsSink {
  private readonly byPipeline = new Map<string, Metrics>();

  private readonly serviceName: string;

  constructor(type: ConnectorType) {
    this.serviceName = METRIC_SERVICE[type];
  }

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
      m = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: this.serviceName, defaultDimensions: { [PIPELINE_DIMENSION]: pipeline } });
      this.byPipeline.set(pipeline, m);
    }
    return m;
  }
}
