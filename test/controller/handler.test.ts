import { CreateEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsResources } from '../../lambdas/adapters/aws/AwsResources.js';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { createControllerHandler } from '../../lambdas/controller/createControllerHandler.js';
import { PipelineReconciler } from '../../lambdas/runtime/lifecycle/PipelineReconciler.js';
import { aliasForPipeline } from '../../lambdas/runtime/pipelineAlias.js';
import type { PipelineRecord } from '../../lambdas/runtime/ports/PipelineStore.js';
import { startTestDynamo, type TestDynamo } from '../helpers/dynamo.js';
import { CLUSTER_ARN, type FakeAws, fakeAws, SINK_ARN, SOURCE_ARN } from './fakeAws.js';

let dynamo: TestDynamo;
let aws: FakeAws;
let store: DynamoPipelineStore;
let handle: ReturnType<typeof createControllerHandler>;
let clusterTopics: string[];
let clusterProblem: string | undefined;

const now = '2024-01-01T00:00:00.000Z';
const sink = (name: string, config: Record<string, string>): PipelineRecord => ({ name, type: 'sink', config, targetState: 'RUNNING', version: 1, restartEpoch: 0, createdAt: now, updatedAt: now });

/** A stream record as DynamoDB sends it; only keys and the version are read. */
function configRecord(r: PipelineRecord, eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'MODIFY'): DynamoDBRecord {
  const Keys = { PK: { S: `PIPELINE#${r.name}` }, SK: { S: 'CONFIG' } };
  const image = { ...Keys, version: { N: String(r.version) } };
  return { eventName, dynamodb: { Keys, ...(eventName === 'REMOVE' ? { OldImage: image } : { NewImage: image }) } };
}

function statusRecord(name: string, state: string): DynamoDBRecord {
  const Keys = { PK: { S: `PIPELINE#${name}` }, SK: { S: 'STATUS' } };
  return { eventName: 'MODIFY', dynamodb: { Keys, OldImage: Keys, NewImage: { ...Keys, tasks: { L: [{ M: { state: { S: state } } }] } } } };
}

const send = (...records: DynamoDBRecord[]) => handle({ Records: records });

async function write(r: PipelineRecord, changes: Partial<PipelineRecord>): Promise<PipelineRecord> {
  const next = { ...r, ...changes, version: r.version + 1 };
  await store.update(next, r.version);
  return next;
}

const esmsOf = (name: string) => [...aws.esms.values()].filter((e) => e.FunctionArn === `${SINK_ARN}:${aliasForPipeline(name)}`);
const createCalls = () => aws.lambda.commandCalls(CreateEventSourceMappingCommand).length;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  aws = fakeAws();
});
afterAll(async () => {
  aws.lambda.restore();
  aws.scheduler.restore();
  await dynamo.stop();
});
beforeEach(async () => {
  aws.reset();
  clusterTopics = [];
  clusterProblem = undefined;
  store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
  const resources = new AwsResources({
    lambda: new LambdaClient({ region: 'eu-west-1' }),
    scheduler: new SchedulerClient({ region: 'eu-west-1' }),
    sinkFunctionArn: SINK_ARN,
    sourceFunctionArn: SOURCE_ARN,
    schedulerRoleArn: 'arn:aws:iam::123456789012:role/scheduler',
    scheduleGroup: 'sluice',
    kafka: { kind: 'msk', clusterArn: CLUSTER_ARN, auth: 'iam' },
  });
  const reconciler = new PipelineReconciler({
    store,
    resources,
    workerId: 'controller:test',
    topics: { listTopics: async () => clusterTopics },
    cluster: { problem: async () => clusterProblem },
  });
  handle = createControllerHandler(reconciler, store);
});

describe('controller handler: sink pipelines', () => {
  it('creates the alias on $LATEST and one ESM with group connect-<name>, and records them in STATUS', async () => {
    // Prepare
    const r = sink('orders', { topics: 'orders', 'sluice.esm.batch.size': '200', 'sluice.esm.batching.window.ms': '1500' });
    await store.create(r);
    // Act
    await send(configRecord(r, 'INSERT'));
    // Assess
    expect(aws.aliases.get('p-orders')).toBe('$LATEST');
    const [esm] = esmsOf('orders');
    expect(esm).toMatchObject({
      EventSourceArn: CLUSTER_ARN,
      Topics: ['orders'],
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 200,
      MaximumBatchingWindowInSeconds: 2,
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-orders' },
      State: 'Enabled',
    });
    const status = await store.getStatus('orders');
    expect(status?.resources).toEqual({ alias: `${SINK_ARN}:p-orders`, 'esm:orders': esm?.UUID, appliedVersion: '1', appliedRestartEpoch: '0' });
  });

  it('pauses and resumes by disabling and enabling the ESMs', async () => {
    const v1 = sink('orders', { topics: 'a,b' });
    await store.create(v1);
    await send(configRecord(v1, 'INSERT'));
    const v2 = await write(v1, { targetState: 'PAUSED' });
    await send(configRecord(v2));
    expect(esmsOf('orders').map((e) => e.State)).toEqual(['Disabled', 'Disabled']);
    const v3 = await write(v2, { targetState: 'RUNNING' });
    await send(configRecord(v3));
    expect(esmsOf('orders').map((e) => e.State)).toEqual(['Enabled', 'Enabled']);
  });

  it('says STOPPED only once every ESM is Disabled, failing the batch (so Lambda retries it) while one is Disabling', async () => {
    // Lambda API reference, EventSourceMappingConfiguration.State: Creating, Enabling, Enabled, Disabling, Disabled,
    // Updating, Deleting; a Disabling mapping's pollers may still be in the consumer group.
    const v1 = sink('orders', { topics: 'orders' });
    await store.create(v1);
    await send(configRecord(v1, 'INSERT'));
    aws.lagDisabling = true;
    const v2 = await write(v1, { targetState: 'STOPPED' });
    // Act
    const pending = await send(configRecord(v2)).then(() => 'ok', (e: Error) => e.message);
    const whileDisabling = await store.getStatus('orders');
    aws.finishDisabling();
    await send(configRecord(v2));
    const stopped = await store.getStatus('orders');
    // Assess
    expect(pending).toMatch(/orders/);
    expect(esmsOf('orders').map((e) => e.State)).toEqual(['Disabled']);
    expect(whileDisabling?.connector?.state).toBe('RUNNING');
    expect(stopped).toMatchObject({ connector: { state: 'STOPPED' }, tasks: [] });
  });

  it('updates batch settings in place and replaces an ESM whose starting position changed, keeping the group', async () => {
    const v1 = sink('orders', { topics: 'orders' });
    await store.create(v1);
    await send(configRecord(v1, 'INSERT'));
    const [first] = esmsOf('orders');
    const v2 = await write(v1, { config: { topics: 'orders', 'sluice.esm.batch.size': '50' } });
    await send(configRecord(v2));
    expect(esmsOf('orders')).toEqual([expect.objectContaining({ UUID: first?.UUID, BatchSize: 50 })]);
    const v3 = await write(v2, { config: { topics: 'orders', 'sluice.esm.starting.position': 'LATEST' } });
    await send(configRecord(v3));
    const [replaced] = esmsOf('orders');
    expect(replaced?.UUID).not.toBe(first?.UUID);
    expect(replaced).toMatchObject({ StartingPosition: 'LATEST', AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-orders' } });
  });

  it('deletes the ESMs and the alias when the pipeline is deleted, without recreating STATUS', async () => {
    const v1 = sink('orders', { topics: 'a,b' });
    await store.create(v1);
    await send(configRecord(v1, 'INSERT'));
    await store.delete('orders');
    await send(configRecord(v1, 'REMOVE'));
    expect(esmsOf('orders')).toEqual([]);
    expect(aws.aliases.has('p-orders')).toBe(false);
    expect(await store.getStatus('orders')).toBeUndefined();
  });

  it('ignores a replayed record and an out-of-order older image', async () => {
    const v1 = sink('orders', { topics: 'orders' });
    await store.create(v1);
    const v2 = await write(v1, { targetState: 'PAUSED' });
    // Act: v2's record arrives first, then v1's, then v2's again (replay)
    await send(configRecord(v2));
    const calls = createCalls();
    await send(configRecord(v1, 'INSERT'));
    await send(configRecord(v2));
    // Assess: still paused (v1's image was never acted on), and nothing was created twice
    expect(createCalls()).toBe(calls);
    expect(esmsOf('orders').map((e) => e.State)).toEqual(['Disabled']);
    expect((await store.getStatus('orders'))?.resources['appliedVersion']).toBe('2');
  });

  it('disables a FAILED task and re-enables it on restart, setting STATUS back to RUNNING', async () => {
    const v1 = sink('orders', { topics: 'orders' });
    await store.create(v1);
    await send(configRecord(v1, 'INSERT'));
    await store.patchStatus('orders', { tasks: [{ id: 0, state: 'FAILED', workerId: 'sink', trace: 'boom' }] });
    await send(statusRecord('orders', 'FAILED'));
    expect(esmsOf('orders').map((e) => e.State)).toEqual(['Disabled']);
    const v2 = await write(v1, { restartEpoch: 1 });
    await send(configRecord(v2));
    expect(esmsOf('orders').map((e) => e.State)).toEqual(['Enabled']);
    const status = await store.getStatus('orders');
    expect(status?.connector?.state).toBe('RUNNING');
    expect(status?.tasks).toEqual([{ id: 0, state: 'RUNNING', workerId: 'controller:test' }]);
  });

  it('records the pipeline of a hashed alias in the store', async () => {
    const name = 'orders.eu/v2';
    const r = sink(name, { topics: 'orders' });
    await store.create(r);
    await send(configRecord(r, 'INSERT'));
    const alias = aliasForPipeline(name);
    expect(alias.startsWith('h-')).toBe(true);
    expect(await store.getAliasPipeline(alias)).toBe(name);
  });

  it('expands topics.regex and picks up new topics on resync', async () => {
    clusterTopics = ['orders-eu', 'payments'];
    const r = sink('orders', { 'topics.regex': 'orders-.*' });
    await store.create(r);
    await send(configRecord(r, 'INSERT'));
    expect(esmsOf('orders').map((e) => e.Topics?.[0])).toEqual(['orders-eu']);
    clusterTopics = ['orders-eu', 'orders-us', 'payments'];
    await handle({ sluice: 'resync' });
    expect(esmsOf('orders').map((e) => e.Topics?.[0]).sort()).toEqual(['orders-eu', 'orders-us']);
    expect(esmsOf('orders').map((e) => e.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId).sort()).toEqual(['connect-orders-orders-eu', 'connect-orders-orders-us']);
  });

  it('reports a missing cluster in STATUS and creates nothing', async () => {
    clusterProblem = `MSK cluster ${CLUSTER_ARN} does not exist`;
    const r = sink('orders', { topics: 'orders' });
    await store.create(r);
    await send(configRecord(r, 'INSERT'));
    expect(aws.aliases.size).toBe(0);
    expect((await store.getStatus('orders'))?.connector).toMatchObject({ state: 'FAILED', trace: clusterProblem });
  });
});

describe('controller handler: source pipelines', () => {
  it('creates, pauses and deletes the schedule', async () => {
    const v1: PipelineRecord = { ...sink('jobs', { 'poll.interval.ms': '120000' }), type: 'source' };
    await store.create(v1);
    await send(configRecord(v1, 'INSERT'));
    expect(aws.schedules.get('p-jobs')).toMatchObject({
      GroupName: 'sluice',
      ScheduleExpression: 'rate(2 minutes)',
      State: 'ENABLED',
      Target: { Arn: SOURCE_ARN, Input: '{"pipeline":"jobs"}' },
    });
    expect((await store.getStatus('jobs'))?.resources['schedule']).toBe('arn:aws:scheduler:eu-west-1:123456789012:schedule/sluice/p-jobs');
    const v2 = await write(v1, { targetState: 'STOPPED' });
    await send(configRecord(v2));
    expect(aws.schedules.get('p-jobs')?.State).toBe('DISABLED');
    await store.delete('jobs');
    await send(configRecord(v2, 'REMOVE'));
    expect(aws.schedules.size).toBe(0);
  });
});
