// RuntimeObserver on AWS: the pipeline's event source mappings (GetEventSourceMapping, by the UUIDs the controller
// recorded in STATUS.resources) and its metrics per minute over the last minutes (CloudWatch GetMetricData, with the
// namespace, the full dimension set and each metric's statistic from runtime/metricSchema.ts).
import { type CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetEventSourceMappingCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { ConnectorType } from '../../runtime/ports/PipelineStore.js';
import type { MetricsHistory, ObservedMapping, ObservedRuntime, RuntimeObserver } from '../../runtime/ports/RuntimeObserver.js';
import { METRICS_NAMESPACE, metricStatistic, pipelineDimensions, publishedAtEveryLevel, SINK_METRICS, SOURCE_METRICS } from '../../runtime/metricSchema.js';

const MINUTE = 60_000;
/** The shortest period of a standard-resolution metric (GetMetricData: "a period can be as short as one minute"). */
const PERIOD_SECONDS = 60;
/** At most 7 series of 15 points: one page (up to 100,800 data points) holds them; a few pages in case CloudWatch splits them. */
const MAX_PAGES = 5;

export class AwsRuntimeObserver implements RuntimeObserver {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly cloudwatch: CloudWatchClient,
    private readonly windowMinutes = 15,
    private readonly now: () => number = Date.now,
  ) {}

  async observe(name: string, type: ConnectorType, resources: Readonly<Record<string, string>>): Promise<ObservedRuntime> {
    const [mappings, metrics] = await Promise.all([this.mappings(resources), this.metrics(name, type)]);
    return { mappings, metrics: metrics.totals, windowMinutes: this.windowMinutes, history: metrics.history };
  }

  private async mappings(resources: Readonly<Record<string, string>>): Promise<ObservedMapping[]> {
    const esms = Object.entries(resources).filter(([k]) => k.startsWith('esm:'));
    return Promise.all(
      esms.map(async ([key, uuid]) => {
        const topic = key.slice('esm:'.length);
        try {
          const m = await this.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
          return {
            topic,
            uuid,
            state: m.State ?? 'Unknown',
            ...(m.StateTransitionReason ? { stateTransitionReason: m.StateTransitionReason } : {}),
            ...(m.LastProcessingResult ? { lastProcessingResult: m.LastProcessingResult } : {}),
          };
        } catch (e) {
          return { topic, uuid, state: 'Unknown', stateTransitionReason: `GetEventSourceMapping failed: ${(e as Error).message}` };
        }
      }),
    );
  }

  /**
   * One GetMetricData call: each of the type's metrics per minute over the window, with its own statistic. Metrics
   * are published at standard resolution (EMF without StorageResolution), so a minute is the shortest period
   * CloudWatch has for them. The window's totals (`metrics`) are the sums of the Sum-statistic series.
   */
  private async metrics(name: string, type: ConnectorType): Promise<{ totals: Record<string, number>; history: MetricsHistory }> {
    const names = type === 'sink' ? SINK_METRICS : SOURCE_METRICS;
    // Whole minutes, the window ending with the current (partial) minute: CloudWatch rounds a start time down to
    // the minute anyway, and aligned times are its recommendation.
    const end = Math.ceil(this.now() / MINUTE) * MINUTE;
    const points = new Map<string, Array<[number, number]>>();
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await this.cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(end - this.windowMinutes * MINUTE),
          EndTime: new Date(end),
          ScanBy: 'TimestampAscending',
          MetricDataQueries: names.map((metric, i) => ({
            Id: `m${i}`,
            Label: metric,
            ReturnData: true,
            MetricStat: { Metric: { Namespace: METRICS_NAMESPACE, MetricName: metric, Dimensions: pipelineDimensions(type, name) }, Period: PERIOD_SECONDS, Stat: metricStatistic(metric) },
          })),
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      );
      for (const result of r.MetricDataResults ?? []) {
        const metric = names[Number((result.Id ?? '').slice(1))] ?? result.Label ?? result.Id ?? '';
        const list = points.get(metric) ?? [];
        const times = result.Timestamps ?? [];
        (result.Values ?? []).forEach((value, i) => {
          const at = times[i];
          if (at !== undefined) list.push([at.getTime(), value]);
        });
        points.set(metric, list);
      }
      nextToken = r.NextToken;
      if (!nextToken) break;
    }
    const totals: Record<string, number> = {};
    const series: Record<string, Array<[number, number]>> = {};
    for (const metric of names) {
      const list = (points.get(metric) ?? []).sort((a, b) => a[0] - b[0]);
      // A detailed-level metric with no data is one the pipeline does not publish (sluice.metrics.level=basic): left
      // out, as standalone's history leaves it out, rather than shown as 0 beside the records written.
      if (metricStatistic(metric) === 'Sum' && (list.length > 0 || publishedAtEveryLevel(metric))) totals[metric] = list.reduce((sum, [, v]) => sum + v, 0);
      if (list.length > 0) series[metric] = list;
    }
    return { totals, history: { periodSeconds: PERIOD_SECONDS, series } };
  }
}
