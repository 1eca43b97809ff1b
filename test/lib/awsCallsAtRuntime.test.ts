// The controller's AWS calls as it really sends them: AwsResources and MskCluster driven through every action under
// aws-sdk-client-mock (Lambda, Scheduler and MSK have no local stand-in), each command sent mapped to its IAM action
// and found in lib/awsCalls.ts; and each of the table's Lambda, Scheduler and MSK rows for the controller is sent.
// The static check (awsCallsInCode.test.ts) covers every function; this one shows it matches what runs. The same for
// the cleanup function (every call it can make, on a stack with a pipeline alias, its ESM and a schedule) and for the
// KMS config cipher (sealing sends the api's KMS row, opening the task functions').
import { DescribeClusterV2Command, KafkaClient, ListTopicsCommand } from '@aws-sdk/client-kafka';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetAliasCommand, LambdaClient, ListAliasesCommand, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { GetScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { AwsResources } from '../../lambdas/adapters/aws/AwsResources.js';
import { KmsConfigOpener } from '../../lambdas/adapters/aws/KmsConfigOpener.js';
import { KmsConfigSealer } from '../../lambdas/adapters/aws/KmsConfigSealer.js';
import { MskCluster } from '../../lambdas/adapters/aws/MskCluster.js';
import { cleanup } from '../../lambdas/cleanup/cleanup.js';
import { sealContext } from '../../lambdas/runtime/config/sealing.js';
import type { Action } from '../../lambdas/runtime/lifecycle/plan.js';
import { AWS_CALLS, type CallerRole } from '../../lib/awsCalls.js';

const SERVICE: Record<string, string> = { LambdaClient: 'lambda', SchedulerClient: 'scheduler', KafkaClient: 'kafka', KMSClient: 'kms' };
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';

/** `service:Action` of every command the mocked clients received. */
const sentBy = (mocks: Record<string, { calls(): { args: unknown[] }[] }>) =>
  [...new Set(Object.entries(mocks).flatMap(([client, mock]) => mock.calls().map((c) => `${SERVICE[client]}:${(c.args[0] as object).constructor.name.replace(/Command$/, '')}`)))].sort();
const sdkRows = (role: CallerRole, service: RegExp) => [...new Set(AWS_CALLS.filter((c) => c.role === role && c.via === 'sdk' && service.test(c.action)).map((c) => c.action))].sort();
const CLUSTER = 'arn:aws:kafka:eu-west-1:123456789012:cluster/demo/abcd-1234-1';
const SINK = 'arn:aws:lambda:eu-west-1:123456789012:function:sink';

describe('the controller’s calls at run time', () => {
  it('sends only calls the table lists, and every Lambda, Scheduler and MSK call the table lists', async () => {
    // Prepare
    const mocks = { LambdaClient: mockClient(LambdaClient), SchedulerClient: mockClient(SchedulerClient), KafkaClient: mockClient(KafkaClient) };
    mocks.LambdaClient.onAnyCommand().resolves({});
    mocks.LambdaClient.on(GetAliasCommand).resolves({ FunctionVersion: '$LATEST' });
    mocks.LambdaClient.on(ListEventSourceMappingsCommand).resolves({ EventSourceMappings: [{ UUID: 'u-1', Topics: ['orders'], State: 'Enabled' }] });
    mocks.SchedulerClient.onAnyCommand().resolves({});
    mocks.SchedulerClient.on(GetScheduleCommand).resolves({ ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    mocks.KafkaClient.on(DescribeClusterV2Command).resolves({ ClusterInfo: { State: 'ACTIVE' } });
    mocks.KafkaClient.on(ListTopicsCommand).resolves({ Topics: [{ TopicName: 'orders' }] });
    const resources = new AwsResources({
      lambda: new LambdaClient({ region: 'eu-west-1' }),
      scheduler: new SchedulerClient({ region: 'eu-west-1' }),
      sinkFunctionArn: SINK,
      sourceFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:source',
      schedulerRoleArn: 'arn:aws:iam::123456789012:role/scheduler',
      scheduleGroup: 'Test-pipelines',
      kafka: { kind: 'msk', clusterArn: CLUSTER, auth: 'iam' },
    });
    const esm = { topic: 'orders', consumerGroup: 'connect-orders', startingPosition: 'TRIM_HORIZON' as const, batchSize: 100, windowSeconds: 1 };
    const schedule = { name: 's-orders', rateMinutes: 1, intervalMs: 60_000, input: '{"pipeline":"orders"}' };
    const actions: Action[] = [
      { kind: 'createAlias', alias: 'p-orders' },
      { kind: 'updateAlias', alias: 'p-orders' },
      { kind: 'createEsm', alias: 'p-orders', esm, enabled: true },
      { kind: 'updateEsm', uuid: 'u-1', topic: 'orders', changes: { enabled: false } },
      { kind: 'deleteEsm', uuid: 'u-1', topic: 'orders' },
      { kind: 'deleteAlias', alias: 'p-orders' },
      { kind: 'createSchedule', schedule, enabled: true },
      { kind: 'updateSchedule', schedule, enabled: false },
      { kind: 'deleteSchedule', name: 's-orders' },
    ];
    // Act
    await resources.observe({ alias: 'p-orders', scheduleName: 's-orders' });
    for (const a of actions) await resources.apply(a);
    const cluster = new MskCluster(new KafkaClient({ region: 'eu-west-1' }), CLUSTER);
    await cluster.problem();
    await cluster.listTopics();
    // Assess
    const sent = sentBy(mocks);
    for (const m of Object.values(mocks)) m.restore();
    expect(sent).toEqual(sdkRows('controller', /^(lambda|scheduler|kafka):/));
  });
});

describe('the cleanup function’s calls at run time', () => {
  it('sends exactly the calls the table lists for the cleanup role', async () => {
    // Prepare
    const mocks = { LambdaClient: mockClient(LambdaClient), SchedulerClient: mockClient(SchedulerClient) };
    mocks.LambdaClient.onAnyCommand().resolves({});
    mocks.LambdaClient.on(ListAliasesCommand).resolves({ Aliases: [{ Name: 'p-orders' }, { Name: 'live' }] });
    mocks.LambdaClient.on(ListEventSourceMappingsCommand, { FunctionName: `${SINK}:p-orders` }).resolves({ EventSourceMappings: [{ UUID: 'u-1' }] });
    mocks.SchedulerClient.onAnyCommand().resolves({});
    mocks.SchedulerClient.on(ListSchedulesCommand).resolves({ Schedules: [{ Name: 's-orders' }] });
    // Act
    const report = await cleanup({ lambda: new LambdaClient({ region: 'eu-west-1' }), scheduler: new SchedulerClient({ region: 'eu-west-1' }) }, { sinkFunctionArn: SINK, scheduleGroup: 'Test-pipelines' });
    // Assess
    const sent = sentBy(mocks);
    for (const m of Object.values(mocks)) m.restore();
    expect(report).toEqual({ eventSourceMappings: ['u-1'], aliases: ['p-orders'], schedules: ['s-orders'] });
    expect(sent).toEqual(sdkRows('cleanup', /./));
  });
});

describe('the KMS config sealer’s and opener’s calls at run time', () => {
  it('seals with the call the api row lists and opens with the call the task rows list', async () => {
    // Prepare
    const kms = mockClient(KMSClient);
    kms.on(EncryptCommand).resolves({ CiphertextBlob: Buffer.from('sealed') });
    kms.on(DecryptCommand).resolves({ Plaintext: Buffer.from('secret') });
    const client = new KMSClient({ region: 'eu-west-1' });
    // Act
    await new KmsConfigSealer(client, KEY).seal('secret', sealContext('orders'));
    const sealed = sentBy({ KMSClient: kms });
    kms.resetHistory();
    await new KmsConfigOpener(client, KEY).open('c2VhbGVk', sealContext('orders'));
    const opened = sentBy({ KMSClient: kms });
    const keys = kms.calls().map((c) => (c.args[0].input as { KeyId?: string }).KeyId);
    kms.restore();
    // Assess
    expect(sealed).toEqual(sdkRows('api', /^kms:/));
    expect(opened).toEqual(sdkRows('sink', /^kms:/));
    expect(opened).toEqual(sdkRows('source', /^kms:/));
    expect(keys).toEqual([KEY]);
  });
});
