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

const observer = () => new AwsRuntimeObserver(new LambdaClient({ region: 'eu-west-1' }), new CloudWatchClient({ region: 'eu-west-1' }), 15, () => 1_700_000_000_000);

describe('AwsRuntimeObserver', () => {
  it('reads each recorded event source mapping and the pipeline’s metric sums', async () => {
    // Prepare
    lambda.on(GetEventSourceMappingCommand, { UUID: 'u-1' }).resolves({ UUID: 'u-1', State: 'Enabled', StateTransitionReason: 'USER_INITIATED', LastProcessingResult: 'OK' });
    cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'm0', Label: 'RecordsReceived', Values: [10, 5] }, { Id: 'm1', Label: 'RecordsWritten', Values: [15] }] });
    // Act
    const seen = await observer().observe('orders', 'sink', { alias: 'arn:...:p-orders', 'esm:orders': 'u-1' });
    // Assess
    expect(seen).toEqual({ mappings: [{ topic: 'orders', uuid: 'u-1', state: 'Enabled', stateTransitionReason: 'USER_INITIATED', lastProcessingResult: 'OK' }], metrics: { RecordsReceived: 15, RecordsWritten: 15 }, windowMinutes: 15 });
    const query = cloudwatch.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(query.MetricDataQueries![0]!.MetricStat).toMatchObject({ Metric: { Namespace: 'Sluice', MetricName: 'RecordsReceived', Dimensions: [{ Name: 'service', Value: 'sluice-sink' }, { Name: 'Pipeline', Value: 'orders' }] }, Stat: 'Sum' });
    expect(query.StartTime).toEqual(new Date(1_700_000_000_000 - 15 * 60_000));
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
