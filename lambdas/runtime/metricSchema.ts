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
/**
 * What `sluice.metrics.level` publishes for a sink pipeline. Each metric name × dimension set is one CloudWatch custom
 * metric ($0.30 a month each, per pipeline), so `basic` (the default) keeps the ones nothing free replaces: records
 * written, failed and dead-lettered (the DeadLettered alarm reads the last). `detailed` adds RecordsReceived
 * (= written + filtered + failed), RecordsFiltered, BatchLatency (≈ Lambda's free Duration of the pipeline's alias, its
 * `Resource` dimension) and WriteLatency.
 */
export type MetricsLevel = 'basic' | 'detailed';
export const METRICS_LEVELS = ['basic', 'detailed'] as const satisfies readonly MetricsLevel[];
export const METRICS_LEVEL_KEY = 'sluice.metrics.level';
export const DEFAULT_METRICS_LEVEL: MetricsLevel = 'basic';
export const SINK_BASIC_METRICS = ['RecordsWritten', 'RecordsFailed', 'RecordsDeadLettered'] as const satisfies readonly (typeof SINK_METRICS)[number][];

/** The sink metrics a pipeline at `level` publishes (every consumer of metrics reads this: EMF, standalone's history, the cost bench). */
export function sinkMetricsAt(level: MetricsLevel): readonly (typeof SINK_METRICS)[number][] {
  return level === 'detailed' ? SINK_METRICS : SINK_BASIC_METRICS;
}

/** Whether every pipeline publishes `name` (a source metric, or a sink one of the basic level): a status shows 0 for it when no data came. */
export function publishedAtEveryLevel(name: string): boolean {
  return !(SINK_METRICS as readonly string[]).includes(name) || (SINK_BASIC_METRICS as readonly string[]).includes(name);
}

/** The level a pipeline's config asks for (validated by the ConfigDef; anything else reads as the default). */
export function metricsLevelOf(config: Readonly<Record<string, string>>): MetricsLevel {
  const v = (config[METRICS_LEVEL_KEY] ?? '').trim().toLowerCase();
  return v === 'detailed' ? 'detailed' : v === 'basic' ? 'basic' : DEFAULT_METRICS_LEVEL;
}

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
