// RuntimeObserver on AWS: the pipeline's event source mappings (GetEventSourceMapping, by the UUIDs the controller
// recorded in STATUS.resources) and its metrics over the last minutes (CloudWatch GetMetricData, with the namespace
// and the full dimension set of runtime/metricSchema.ts).
import { type CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetEventSourceMappingCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { ConnectorType } from '../../runtime/ports/PipelineStore.js';
import type { ObservedMapping, ObservedRuntime, RuntimeObserver } from '../../runtime/ports/RuntimeObserver.js';
import { METRICS_NAMESPACE, pipelineDimensions } from '../../runtime/metricSchema.js';

const SINK_METRICS = ['RecordsReceived', 'RecordsWritten', 'RecordsFailed', 'RecordsDeadLettered'] as const;
const SOURCE_METRICS = ['RowsPolled', 'RecordsProduced'] as const;

export class AwsRuntimeObserver implements RuntimeObserver {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly cloudwatch: CloudWatchClient,
    private readonly windowMinutes = 15,
    private readonly now: () => number = Date.now,
  ) {}

  async observe(name: string, type: ConnectorType, resources: Readonly<Record<string, string>>): Promise<ObservedRuntime> {
    const [mappings, metrics] = await Promise.all([this.mappings(resources), this.metrics(name, type)]);
    return { mappings, metrics, windowMinutes: this.windowMinutes };
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

  private async metrics(name: string, type: ConnectorType): Promise<Record<string, number>> {
    const names = type === 'sink' ? SINK_METRICS : SOURCE_METRICS;
    const end = new Date(this.now());
    const start = new Date(end.getTime() - this.windowMinutes * 60_000);
    const r = await this.cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: start,
        EndTime: end,
        MetricDataQueries: names.map((metric, i) => ({
          Id: `m${i}`,
          Label: metric,
          ReturnData: true,
          MetricStat: { Metric: { Namespace: METRICS_NAMESPACE, MetricName: metric, Dimensions: pipelineDimensions(type, name) }, Period: this.windowMinutes * 60, Stat: 'Sum' },
        })),
      }),
    );
    const out: Record<string, number> = {};
    for (const result of r.MetricDataResults ?? []) {
      const label = result.Label ?? result.Id ?? '';
      out[label] = (result.Values ?? []).reduce((a, b) => a + b, 0);
    }
    return out;
  }
}
