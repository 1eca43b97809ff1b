// Standalone mode's short metrics history: each pipeline's data points summed into fixed periods (10 s over the last
// 15 minutes by default), read with each metric's CloudWatch statistic, so the console draws the same charts from
// standalone as from CloudWatch. Memory is bounded: a metric keeps at most retain/period buckets.
import { metricStatistic } from '../../runtime/metricSchema.js';
import type { MetricSeries, MetricsHistory } from '../../runtime/ports/RuntimeObserver.js';

export interface MetricsHistoryOptions {
  /** @default 10 */
  readonly periodSeconds?: number;
  /** @default 900 (15 minutes) */
  readonly retainSeconds?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

interface Bucket {
  readonly start: number;
  sum: number;
  count: number;
  max: number;
}

export class MetricsHistoryBuffer {
  readonly periodSeconds: number;
  private readonly periodMs: number;
  private readonly retainMs: number;
  private readonly now: () => number;
  private readonly data = new Map<string, Map<string, Bucket[]>>();

  constructor(options: MetricsHistoryOptions = {}) {
    this.periodSeconds = options.periodSeconds ?? 10;
    this.periodMs = this.periodSeconds * 1000;
    this.retainMs = (options.retainSeconds ?? 900) * 1000;
    this.now = options.now ?? Date.now;
  }

  record(pipeline: string, metric: string, value: number): void {
    let metrics = this.data.get(pipeline);
    if (!metrics) {
      metrics = new Map();
      this.data.set(pipeline, metrics);
    }
    let buckets = metrics.get(metric);
    if (!buckets) {
      buckets = [];
      metrics.set(metric, buckets);
    }
    const start = this.bucketOf(this.now());
    const last = buckets[buckets.length - 1];
    if (last !== undefined && last.start === start) {
      last.sum += value;
      last.count += 1;
      last.max = Math.max(last.max, value);
    } else {
      buckets.push({ start, sum: value, count: 1, max: value });
      this.prune(buckets);
    }
  }

  history(pipeline: string): MetricsHistory {
    const series: Record<string, MetricSeries> = {};
    for (const [metric, buckets] of this.data.get(pipeline) ?? []) {
      this.prune(buckets);
      if (buckets.length === 0) continue;
      const statistic = metricStatistic(metric);
      series[metric] = buckets.map((b) => [b.start, statistic === 'Sum' ? b.sum : statistic === 'Maximum' ? b.max : b.sum / b.count] as const);
    }
    return { periodSeconds: this.periodSeconds, series };
  }

  private bucketOf(at: number): number {
    return Math.floor(at / this.periodMs) * this.periodMs;
  }

  /** Drops the buckets older than the retained window (the current period and the ones before it, retain/period in all). */
  private prune(buckets: Bucket[]): void {
    const oldest = this.bucketOf(this.now()) - this.retainMs + this.periodMs;
    let drop = 0;
    while (drop < buckets.length && buckets[drop]!.start < oldest) drop++;
    if (drop > 0) buckets.splice(0, drop);
  }
}
