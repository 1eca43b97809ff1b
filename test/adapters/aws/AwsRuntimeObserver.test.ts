// Lambda and CloudWatch have no local stand-in: their SDK clients are mocked at the boundary.
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AwsRuntimeObserver } from '../../../lambdas/adapters/aws/AwsRuntimeObserver.js';
import { withRuntime } from '../../../lambdas/runtime/connector/statusView.js';

const lambda = mockClient(LambdaClient);
const cloudwatch = mockClient(CloudWatchClient);
beforeEach(() => {
  lambda.reset();
  cloudwatch.reset();
});

const NOW = 1_700_000_012_345;
/** The window ends with the minute under way. */
const END = Math.ceil(NOW / 60_000) * 60_000;
const minute = (n: number) => new Date(END + n * 60_000);
const observer = () => new AwsRuntimeObserver(new LambdaClient({ region: 'eu-west-1' }), new CloudWatchClient({ region: 'eu-west-1' }), 15, () => NOW);

describe('AwsRuntimeObserver', () => {
  it('reads each recorded event source mapping and the pipeline’s metric sums', async () => {
    // Prepare
    lambda.on(GetEventSourceMappingCommand, { UUID: 'u-1' }).resolves({ UUID: 'u-1', State: 'Enabled', StateTransitionReason: 'USER_INITIATED', LastProcessingResult: 'OK' });
    cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        { Id: 'm0', Label: 'RecordsReceived', Timestamps: [minute(-2), minute(-1)], Values: [10, 5] },
        { Id: 'm1', Label: 'RecordsWritten', Timestamps: [minute(-1)], Values: [15] },
      ],
    });
    // Act
    const seen = await observer().observe('orders', 'sink', { alias: 'arn:...:p-orders', 'esm:orders': 'u-1' });
    // Assess
    expect(seen).toMatchObject({
      mappings: [{ topic: 'orders', uuid: 'u-1', state: 'Enabled', stateTransitionReason: 'USER_INITIATED', lastProcessingResult: 'OK' }],
      metrics: { RecordsReceived: 15, RecordsWritten: 15, RecordsFailed: 0, RecordsDeadLettered: 0 },
      windowMinutes: 15,
    });
    // RecordsFiltered (sluice.metrics.level=detailed only) had no data: not published, so not shown as 0.
    expect((seen as { metrics: Record<string, number> }).metrics).not.toHaveProperty('RecordsFiltered');
    const query = cloudwatch.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(query.MetricDataQueries![0]!.MetricStat).toMatchObject({ Metric: { Namespace: 'Sluice', MetricName: 'RecordsReceived', Dimensions: [{ Name: 'service', Value: 'sluice-sink' }, { Name: 'Pipeline', Value: 'orders' }] }, Stat: 'Sum' });
    expect(query.EndTime).toEqual(new Date(END));
    expect(query.StartTime).toEqual(new Date(END - 15 * 60_000));
  });

  it('reports each metric per minute as runtime.metrics_history, with the metric’s statistic, oldest first', async () => {
    // Prepare: CloudWatch may split the results over pages (NextToken) and give them in any order
    cloudwatch
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'm0', Label: 'RecordsReceived', Timestamps: [minute(-1), minute(-3)], Values: [4, 6] },
          { Id: 'm5', Label: 'BatchLatency', Timestamps: [minute(-3)], Values: [12.5] },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({ MetricDataResults: [{ Id: 'm5', Label: 'BatchLatency', Timestamps: [minute(-1)], Values: [20] }] });
    // Act
    const seen = await observer().observe('orders', 'sink', {});
    const status = withRuntime({ name: 'orders', connector: { state: 'RUNNING', worker_id: 'w' }, tasks: [], type: 'sink' }, seen);
    // Assess
    expect(status.runtime!.metrics_history).toEqual({
      period_seconds: 60,
      series: {
        RecordsReceived: [
          [minute(-3).getTime(), 6],
          [minute(-1).getTime(), 4],
        ],
        BatchLatency: [
          [minute(-3).getTime(), 12.5],
          [minute(-1).getTime(), 20],
        ],
      },
    });
    expect(status.runtime!.metrics).toMatchObject({ RecordsReceived: 10 });
    expect(status.runtime!.metrics).not.toHaveProperty('BatchLatency');
    const calls = cloudwatch.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.NextToken)).toEqual([undefined, 'page-2']);
    const stats = Object.fromEntries(calls[0]!.MetricDataQueries!.map((q) => [q.MetricStat!.Metric!.MetricName, q.MetricStat!.Stat]));
    expect(stats).toEqual({ RecordsReceived: 'Sum', RecordsWritten: 'Sum', RecordsFiltered: 'Sum', RecordsFailed: 'Sum', RecordsDeadLettered: 'Sum', BatchLatency: 'Average', WriteLatency: 'Average' });
  });

  it('stays within GetMetricData’s limits for standard-resolution metrics', async () => {
    // Amazon CloudWatch API Reference, GetMetricData (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html):
    // "as many as 500 different metrics in a single request, with a total of as many as 100,800 data points";
    // MetricStat.Period: "For metrics with regular resolution, a period can be as short as one minute (60 seconds)
    // and must be a multiple of 60" (periods under 60 s exist only for StorageResolution 1 metrics, kept 3 hours);
    // StartTime under 15 days ago is rounded down to the whole minute, so the window is given in whole minutes.
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    for (const type of ['sink', 'source'] as const) await observer().observe('orders', type, {});
    for (const call of cloudwatch.commandCalls(GetMetricDataCommand)) {
      const input = call.args[0].input;
      const queries = input.MetricDataQueries!;
      const minutes = (input.EndTime!.getTime() - input.StartTime!.getTime()) / 60_000;
      expect(queries.length).toBeLessThanOrEqual(500);
      for (const q of queries) expect(q.MetricStat!.Period! % 60).toBe(0);
      expect(queries.reduce((n, q) => n + (minutes * 60) / q.MetricStat!.Period!, 0)).toBeLessThanOrEqual(100_800);
      expect(input.StartTime!.getTime() % 60_000).toBe(0);
      expect(input.ScanBy).toBe('TimestampAscending');
    }
  });

  it('shows a mapping with a PROBLEM as a FAILED task with the problem as its trace', async () => {
    lambda.on(GetEventSourceMappingCommand).resolves({ State: 'Enabled', LastProcessingResult: 'PROBLEM: Connection error. Please check your event source connection configuration.' });
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const seen = await observer().observe('orders', 'sink', { 'esm:orders': 'u-2' });
    const merged = withRuntime({ name: 'orders', connector: { state: 'RUNNING', worker_id: 'w' }, tasks: [{ id: 0, state: 'RUNNING', worker_id: 'w' }], type: 'sink' }, seen);
    expect(merged.tasks[0]).toEqual({ id: 0, state: 'FAILED', worker_id: 'w', trace: 'Event source mapping u-2 (topic orders): PROBLEM: Connection error. Please check your event source connection configuration.' });
    expect(merged.runtime!.event_source_mappings).toEqual([{ topic: 'orders', uuid: 'u-2', state: 'Enabled', last_processing_result: 'PROBLEM: Connection error. Please check your event source connection configuration.' }]);
  });

  it('reports a mapping it cannot read instead of failing the status call', async () => {
    lambda.on(GetEventSourceMappingCommand).rejects(new Error('ResourceNotFoundException'));
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const seen = await observer().observe('gone', 'sink', { 'esm:t': 'u-3' });
    expect(seen.mappings).toEqual([{ topic: 't', uuid: 'u-3', state: 'Unknown', stateTransitionReason: 'GetEventSourceMapping failed: ResourceNotFoundException' }]);
  });
});
