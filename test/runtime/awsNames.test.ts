// Every AWS request parameter Sluice derives from a pipeline name satisfies the API's documented length and pattern
// (AWS_NAME_CONSTRAINTS, each with its API reference URL), for any name Kafka Connect accepts: up to 255 characters of
// anything but control characters (spaces, unicode), with one or many topics up to Kafka's 249 characters. The
// requests are the real ones: the controller's desired state → reconcile actions → AwsResources, whose Lambda and
// Scheduler clients are mocked at the SDK boundary (aws-sdk-client-mock) only to capture what would be sent.
//
// AWS facts (API references): CreateAlias Name 1–128 `(?!^[0-9]+$)([a-zA-Z0-9-_]+)`
// (https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html); CreateEventSourceMapping FunctionName 1–140,
// the length "applies only to the full ARN" (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html);
// ConsumerGroupId 1–200 `[a-zA-Z0-9-\/*:_+=.@-]*`, unique among all Kafka event sources
// (https://docs.aws.amazon.com/lambda/latest/api/API_AmazonManagedKafkaEventSourceConfig.html); Scheduler CreateSchedule
// Name 1–64 `[0-9a-zA-Z-_.]+` (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html).
import { CreateAliasCommand, CreateEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsResources } from '../../lambdas/adapters/aws/AwsResources.js';
import { desiredOf } from '../../lambdas/runtime/lifecycle/desired.js';
import { plan } from '../../lambdas/runtime/lifecycle/plan.js';
import {
  ALIAS_MAX_LENGTH,
  AWS_NAME_CONSTRAINTS,
  aliasName,
  awsNamesOf,
  consumerGroupId,
  MAX_FUNCTION_ARN_LENGTH,
  pipelineOfPlainAlias,
  satisfies,
  scheduleName,
} from '../../lambdas/runtime/awsNames.js';
import { consumerGroupFor } from '../../lambdas/runtime/sinkGroups.js';
import type { PipelineRecord } from '../../lambdas/runtime/ports/PipelineStore.js';

/** The longest sink function ARN the stack can produce in the standard partition: a 14-character Region, a 64-character name. */
const LONGEST_FUNCTION_ARN = `arn:aws:lambda:ap-southeast-2:123456789012:function:${'Sluice-TasksSinkFunction85751571-'.padEnd(64, 'x')}`;

/** Names Kafka Connect accepts: 1–255 characters, no control characters (ConnectorService's name check). */
const connectName = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 255 }),
    fc.string({ unit: fc.constantFrom(...'abcXYZ019-_. é漢😀'), minLength: 1, maxLength: 255 }),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/),
  )
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters Kafka Connect names may not hold
  .filter((n) => n.length <= 255 && !/[\u0000-\u001f\u007f-\u009f]/.test(n));
/** Legal Kafka topic names: [a-zA-Z0-9._-], up to 249 characters, not "." or "..". */
const topic = fc.stringMatching(/^[a-zA-Z0-9._-]{2,249}$/).filter((t) => t !== '..' && t.length <= 249);

const lambda = mockClient(LambdaClient);
const scheduler = mockClient(SchedulerClient);
afterEach(() => {
  lambda.reset();
  scheduler.reset();
});

const record = (name: string, over: Partial<PipelineRecord>): PipelineRecord => ({
  name,
  type: 'sink',
  config: {},
  targetState: 'RUNNING',
  version: 1,
  restartEpoch: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...over,
});

/** Every name-derived parameter of the requests the controller would send to create the pipeline. */
async function requestsFor(r: PipelineRecord): Promise<Array<{ constraint: (typeof AWS_NAME_CONSTRAINTS)[keyof typeof AWS_NAME_CONSTRAINTS]; value: string }>> {
  lambda.reset();
  scheduler.reset();
  lambda.onAnyCommand().resolves({});
  scheduler.onAnyCommand().resolves({});
  const resources = new AwsResources({
    lambda: new LambdaClient({ region: 'ap-southeast-2' }),
    scheduler: new SchedulerClient({ region: 'ap-southeast-2' }),
    sinkFunctionArn: LONGEST_FUNCTION_ARN,
    sourceFunctionArn: LONGEST_FUNCTION_ARN.replace('Sink', 'Sorc'),
    schedulerRoleArn: 'arn:aws:iam::123456789012:role/scheduler',
    scheduleGroup: 'sluice',
    kafka: { kind: 'msk', clusterArn: 'arn:aws:kafka:ap-southeast-2:123456789012:cluster/demo/abcd-1234-1', auth: 'iam' },
  });
  for (const a of plan(desiredOf(r.name, r, { state: 'RUNNING' }), { esms: [] })) await resources.apply(a);
  const C = AWS_NAME_CONSTRAINTS;
  return [
    ...lambda.commandCalls(CreateAliasCommand).map((c) => ({ constraint: C.aliasName, value: c.args[0].input.Name ?? '' })),
    ...lambda.commandCalls(CreateEventSourceMappingCommand).flatMap((c) => [
      { constraint: C.esmFunctionName, value: c.args[0].input.FunctionName ?? '' },
      { constraint: C.consumerGroupId, value: c.args[0].input.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ?? '' },
    ]),
    ...scheduler.commandCalls(CreateScheduleCommand).map((c) => ({ constraint: C.scheduleName, value: c.args[0].input.Name ?? '' })),
  ];
}

describe('AWS names from pipeline names', () => {
  it('leaves room in the alias ARN for the longest sink function ARN', () => {
    expect(MAX_FUNCTION_ARN_LENGTH).toBe(LONGEST_FUNCTION_ARN.length);
    expect(ALIAS_MAX_LENGTH).toBe(23);
  });

  it('keeps the readable Kafka Connect forms where the APIs accept them', () => {
    expect(consumerGroupId('orders')).toBe('connect-orders');
    expect(consumerGroupId('orders', 'eu.orders')).toBe('connect-orders-eu.orders');
    expect(consumerGroupFor('orders', 'a', 1)).toBe('connect-orders');
    expect(aliasName('orders')).toBe('p-orders');
    expect(pipelineOfPlainAlias(aliasName('orders'))).toBe('orders');
    expect(scheduleName('orders-from-pg')).toBe('p-orders-from-pg');
  });

  it('hashes what does not fit: a readable prefix and a hash of the exact name', () => {
    const name = 'Commandes clients → entrepôt de données';
    expect(consumerGroupId(name)).toMatch(/^connect-Commandes_clients___entrepot_de_donnees-[0-9a-f]{12}$/);
    expect(aliasName(name)).toMatch(/^h-Commandes_-[0-9a-f]{10}$/);
    expect(scheduleName(name)).toMatch(/^h-Commandes_clients___entrepot_de_donnees-[0-9a-f]{12}$/);
    expect(pipelineOfPlainAlias(aliasName(name))).toBeUndefined();
    // Names equal after sanitizing still get different names.
    expect(consumerGroupId('a b')).not.toBe(consumerGroupId('a_b'));
    expect(aliasName('a b')).not.toBe(aliasName('a.b'));
  });

  it('shows the mapping in status form: alias and groups for a sink, the schedule for a source', () => {
    expect(awsNamesOf('orders', 'sink', ['a', 'b'])).toEqual({ lambda_alias: 'p-orders', consumer_groups: { a: 'connect-orders-a', b: 'connect-orders-b' } });
    expect(awsNamesOf('orders', 'sink', ['a'])).toEqual({ lambda_alias: 'p-orders', consumer_groups: { a: 'connect-orders' } });
    expect(awsNamesOf('pg', 'source', [])).toEqual({ schedule: 'p-pg' });
  });

  it('every generated request parameter satisfies its documented constraint (sink pipelines, one or many topics)', async () => {
    await fc.assert(
      fc.asyncProperty(connectName, fc.uniqueArray(topic, { minLength: 1, maxLength: 3 }), async (name, topics) => {
        const sent = await requestsFor(record(name, { config: { topics: topics.join(',') } }));
        expect(sent.filter((s) => s.constraint === AWS_NAME_CONSTRAINTS.consumerGroupId)).toHaveLength(topics.length);
        for (const { constraint, value } of sent) {
          expect(satisfies(constraint, value), `${constraint.api} ${constraint.parameter} = ${JSON.stringify(value)} (${constraint.doc})`).toBe(true);
        }
        // Group ids must be unique among all Kafka ESMs: one per topic here.
        const groups = sent.filter((s) => s.constraint === AWS_NAME_CONSTRAINTS.consumerGroupId).map((s) => s.value);
        expect(new Set(groups).size).toBe(groups.length);
      }),
      { numRuns: 150 },
    );
  });

  it('every generated request parameter satisfies its documented constraint (source pipelines)', async () => {
    await fc.assert(
      fc.asyncProperty(connectName, async (name) => {
        const sent = await requestsFor(record(name, { type: 'source' }));
        expect(sent.map((s) => s.constraint)).toEqual([AWS_NAME_CONSTRAINTS.scheduleName]);
        for (const { constraint, value } of sent) expect(satisfies(constraint, value), `${constraint.parameter} = ${JSON.stringify(value)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('gives different pipelines different names', () => {
    fc.assert(
      fc.property(connectName, connectName, (a, b) => {
        fc.pre(a !== b);
        expect(aliasName(a)).not.toBe(aliasName(b));
        expect(consumerGroupId(a)).not.toBe(consumerGroupId(b));
        expect(scheduleName(a)).not.toBe(scheduleName(b));
      }),
    );
  });
});
