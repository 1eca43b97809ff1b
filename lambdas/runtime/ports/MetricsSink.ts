// Per-pipeline metrics; the Lambda adapter publishes CloudWatch EMF with the namespace and dimensions of metricSchema.ts.

export type CountMetric =
  | 'RecordsReceived'
  | 'RecordsWritten'
  | 'RecordsFiltered'
  | 'RecordsFailed'
  | 'RecordsDeadLettered'
  | 'RowsPolled'
  | 'RecordsProduced'
  | 'RowLag';

export type TimingMetric = 'BatchLatency' | 'WriteLatency' | 'PollLatency';

export interface MetricsSink {
  count(pipeline: string, name: CountMetric, value: number): void;
  timing(pipeline: string, name: TimingMetric, milliseconds: number): void;
  /** Publishes what was recorded since the last flush. */
  flush(): Promise<void>;
}
