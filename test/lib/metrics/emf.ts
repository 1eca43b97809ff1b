// The data points a task's EMF lines define (CloudWatch embedded metric format specification: each
// CloudWatchMetrics directive names a namespace, dimension sets and metrics; the values are top-level members).
import type { MetricSelection } from './queries.js';

interface Directive {
  readonly Namespace: string;
  readonly Dimensions: string[][];
  readonly Metrics: { Name: string }[];
}

export function emfDataPoints(lines: readonly string[]): MetricSelection[] {
  const out: MetricSelection[] = [];
  for (const line of lines.flatMap((l) => l.split('\n')).filter((l) => l.includes('"_aws"'))) {
    const doc = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: Directive[] } };
    for (const d of doc._aws.CloudWatchMetrics) {
      for (const set of d.Dimensions) {
        const values = Object.fromEntries(set.map((n) => [n, String(doc[n])]));
        for (const m of d.Metrics) out.push({ where: 'EMF', namespace: d.Namespace, dimensions: [...set].sort(), metricName: m.Name, values });
      }
    }
  }
  return out;
}
