// Sluice's metrics as CloudWatch stores them, in one place: the namespace and the exact dimension set of every data
// point. The tasks' EMF (adapters/metrics/EmfMetricsSink.ts), the dashboard and alarms (lib/Monitoring.ts) and the
// status endpoint's GetMetricData (adapters/aws/AwsRuntimeObserver.ts) all read it, so a query always names the
// dimensions the data carries: CloudWatch matches a metric only on its full dimension set.
import type { CountMetric, TimingMetric } from './ports/MetricsSink.js';
import type { ConnectorType } from './ports/PipelineStore.js';

export const METRICS_NAMESPACE = 'Sluice';

/** Powertools Metrics adds `service` (its service name) to every data point; Sluice adds the pipeline. */
export const SERVICE_DIMENSION = 'service';
export const PIPELINE_DIMENSION = 'Pipeline';
export const METRIC_DIMENSIONS = [SERVICE_DIMENSION, PIPELINE_DIMENSION] as const;

/** The `service` dimension's value, per task function. */
export const METRIC_SERVICE: Readonly<Record<ConnectorType, string>> = { sink: 'sluice-sink', source: 'sluice-source' };

export const SINK_METRICS = ['RecordsReceived', 'RecordsWritten', 'RecordsFiltered', 'RecordsFailed', 'RecordsDeadLettered', 'BatchLatency', 'WriteLatency'] as const satisfies readonly (CountMetric | TimingMetric)[];
export const SOURCE_METRICS = ['RowsPolled', 'RecordsProduced', 'RowLag', 'PollLatency'] as const satisfies readonly (CountMetric | TimingMetric)[];

/** How a metric's data points combine over a period, as CloudWatch's statistic names say it. */
export type MetricStatistic = 'Sum' | 'Average' | 'Maximum';

/** Latencies average, RowLag (rows not yet read) is a level, counts add up: the dashboard, the status and standalone's history. */
export function metricStatistic(name: string): MetricStatistic {
  return name.endsWith('Latency') ? 'Average' : name === 'RowLag' ? 'Maximum' : 'Sum';
}

/** The dimensions of one pipeline's data points. */
export function pipelineDimensions(type: ConnectorType, pipeline: string): { Name: string; Value: string }[] {
  return [
    { Name: SERVICE_DIMENSION, Value: METRIC_SERVICE[type] },
    { Name: PIPELINE_DIMENSION, Value: pipeline },
  ];
}
