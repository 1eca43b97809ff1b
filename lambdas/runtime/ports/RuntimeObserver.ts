// What the platform running a pipeline reports about it: the live event source mappings (AWS Lambda) and recent
// metrics (CloudWatch). GET /connectors/{name}/status merges it with the STATUS item.
import type { ConnectorType } from './PipelineStore.js';

export interface ObservedMapping {
  readonly topic: string;
  readonly uuid: string;
  /** Creating, Enabling, Enabled, Disabling, Disabled, Updating, Deleting. */
  readonly state: string;
  readonly stateTransitionReason?: string;
  /** "OK", "No records processed", or "PROBLEM: ..." as Lambda reports it. */
  readonly lastProcessingResult?: string;
}

/** A metric's recent values per period: [period start in epoch ms, value], oldest first, only periods with data. */
export type MetricSeries = ReadonlyArray<readonly [number, number]>;

export interface MetricsHistory {
  readonly periodSeconds: number;
  /** By metric name, each with the metric's statistic (metricSchema.ts metricStatistic: Sum, Average or Maximum). */
  readonly series: Readonly<Record<string, MetricSeries>>;
}

export interface ObservedRuntime {
  readonly mappings: readonly ObservedMapping[];
  /** Sums over the recent window, by metric name (RecordsWritten, RecordsFailed, ...). */
  readonly metrics: Readonly<Record<string, number>>;
  /** The window the metrics cover, in minutes. */
  readonly windowMinutes: number;
  /** The recent metrics per period, for charts. */
  readonly history?: MetricsHistory;
}

export interface RuntimeObserver {
  observe(name: string, type: ConnectorType, resources: Readonly<Record<string, string>>): Promise<ObservedRuntime>;
}
