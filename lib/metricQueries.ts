// The CloudWatch queries of the dashboard and the alarms, written from runtime/metricSchema.ts so that they name the
// namespace and the full dimension set the tasks' EMF carries (CloudWatch matches a metric on all its dimensions).
import { METRIC_DIMENSIONS, METRICS_NAMESPACE } from '../lambdas/runtime/metricSchema.js';

/** Lambda's event source mapping metrics (OffsetLag with KafkaMetrics on) are per mapping: dimension EventSourceMappingUUID. */
export const ESM_NAMESPACE = 'AWS/Lambda';
export const ESM_DIMENSION = 'EventSourceMappingUUID';

/** `SEARCH('{Sluice,service,Pipeline} MetricName="X"', 'Sum', 300)`: one line per pipeline. */
export function searchPerPipeline(metricName: string, stat: string, periodSeconds: number): string {
  return `SEARCH('{${[METRICS_NAMESPACE, ...METRIC_DIMENSIONS].join(',')}} MetricName="${metricName}"', '${stat}', ${periodSeconds})`;
}

/** A Metrics Insights query (alarms cannot evaluate SEARCH) summing the metric over every pipeline. */
export function sumOverPipelines(metricName: string): string {
  return `SELECT SUM(${metricName}) FROM SCHEMA("${METRICS_NAMESPACE}", ${METRIC_DIMENSIONS.join(', ')})`;
}

/** One line per event source mapping on the dashboard. */
export function searchPerEsm(metricName: string, stat: string, periodSeconds: number): string {
  return `SEARCH('{${ESM_NAMESPACE},${ESM_DIMENSION}} MetricName="${metricName}"', '${stat}', ${periodSeconds})`;
}

/** A multi-time-series Metrics Insights query: each mapping is its own contributor to the alarm. */
export function maxPerEsm(metricName: string): string {
  return `SELECT MAX(${metricName}) FROM SCHEMA("${ESM_NAMESPACE}", ${ESM_DIMENSION}) GROUP BY ${ESM_DIMENSION} ORDER BY MAX() DESC`;
}

/**
 * One line per alias of a function: Lambda's own (free) metrics carry the alias as `Resource` (`<function>:<alias>`),
 * and each pipeline has its alias, so this is per pipeline. Duration stands in for the sink's BatchLatency, which only
 * `sluice.metrics.level=detailed` publishes.
 */
export function searchPerAlias(functionName: string, metricName: string, stat: string, periodSeconds: number): string {
  return `SEARCH('{${ESM_NAMESPACE},FunctionName,Resource} MetricName="${metricName}" FunctionName="${functionName}"', '${stat}', ${periodSeconds})`;
}
