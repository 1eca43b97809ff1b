// On stack delete, the cleanup removes what the controller made at run time. Lambda and Scheduler are mocked at the SDK
// boundary (aws-sdk-client-mock) with a small in-memory account: two pipeline aliases and an alias the stack owns on
// the sink function, ESMs on the aliases (and one on the unqualified function), schedules over two pages.
import {
  DeleteAliasCommand,
  DeleteEventSourceMappingCommand,
  LambdaClient,
  ListAliasesCommand,
  ListEventSourceMappingsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { DeleteScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup } from '../../lambdas/cleanup/cleanup.js';
import { createCleanupHandler } from '../../lambdas/cleanup/createCleanupHandler.js';
import { aliasName } from '../../lambdas/runtime/awsNames.js';

const SINK = 'arn:aws:lambda:eu-west-1:123456789012:function:Sluice-TasksSink-abc';
const GROUP = 'Sluice-pipelines';
const hashed = aliasName('Commandes clients');

const lambdaMock = mockClient(LambdaClient);
const schedulerMock = mockClient(SchedulerClient);
const clients = () => ({ lambda: new LambdaClient({ region: 'eu-west-1' }), scheduler: new SchedulerClient({ region: 'eu-west-1' }) });

let esms: Map<string, string>;
let aliases: Set<string>;
let schedules: Set<string>;
beforeEach(() => {
  aliases = new Set(['p-orders', hashed, 'live']);
  esms = new Map([
    ['u1', `${SINK}:p-orders`],
    ['u2', `${SINK}:p-orders`],
    ['u3', `${SINK}:${hashed}`],
    ['u4', SINK],
    ['other', 'arn:aws:lambda:eu-west-1:123456789012:function:someone-else'],
  ]);
  schedules = new Set(['p-pg-source', 'h-x-0123456789ab', 'p-third']);
  lambdaMock.on(ListAliasesCommand).callsFake((input: { Marker?: string }) => {
    // Two pages: the first alias, then the rest.
    const all = [...aliases].map((Name) => ({ Name }));
    return input.Marker ? { Aliases: all.slice(1) } : { Aliases: all.slice(0, 1), NextMarker: 'm' };
  });
  lambdaMock.on(ListEventSourceMappingsCommand).callsFake((input: { FunctionName?: string }) => ({
    EventSourceMappings: [...esms].filter(([, fn]) => fn === input.FunctionName).map(([UUID, FunctionArn]) => ({ UUID, FunctionArn })),
  }));
  lambdaMock.on(DeleteEventSourceMappingCommand).callsFake((input: { UUID: string }) => {
    if (!esms.delete(input.UUID)) throw new ResourceNotFoundException({ message: 'gone', $metadata: {} });
    return {};
  });
  lambdaMock.on(DeleteAliasCommand).callsFake((input: { Name: string }) => {
    aliases.delete(input.Name);
    return {};
  });
  schedulerMock.on(ListSchedulesCommand).callsFake((input: { GroupName?: string; NextToken?: string }) => {
    const all = input.GroupName === GROUP ? [...schedules].map((Name) => ({ Name })) : [];
    return input.NextToken ? { Schedules: all.slice(2) } : { Schedules: all.slice(0, 2), NextToken: 't' };
  });
  schedulerMock.on(DeleteScheduleCommand).callsFake((input: { Name: string }) => {
    schedules.delete(input.Name);
    return {};
  });
});
afterEach(() => {
  lambdaMock.reset();
  schedulerMock.reset();
});

describe('cleanup', () => {
  it('deletes every ESM on the sink function and its pipeline aliases, those aliases, and every schedule of the group', async () => {
    // Act
    const report = await cleanup(clients(), { sinkFunctionArn: SINK, scheduleGroup: GROUP });
    // Assess
    expect([...esms.keys()]).toEqual(['other']);
    expect([...aliases]).toEqual(['live']);
    expect(schedules.size).toBe(0);
    expect([...report.eventSourceMappings].sort()).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(report.aliases).toEqual(['p-orders', hashed]);
    // ESMs go before the aliases they target.
    const calls = lambdaMock.calls().map((c) => c.args[0].constructor.name);
    expect(calls.lastIndexOf('DeleteEventSourceMappingCommand')).toBeLessThan(calls.indexOf('DeleteAliasCommand'));
  });

  it('is idempotent: a retried delete finds nothing and succeeds', async () => {
    await cleanup(clients(), { sinkFunctionArn: SINK, scheduleGroup: GROUP });
    const again = await cleanup(clients(), { sinkFunctionArn: SINK, scheduleGroup: GROUP });
    expect(again).toEqual({ eventSourceMappings: [], aliases: [], schedules: [] });
  });

  it('treats an ESM deleted meanwhile as deleted', async () => {
    lambdaMock.on(DeleteEventSourceMappingCommand, { UUID: 'u1' }).rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    await expect(cleanup(clients(), { sinkFunctionArn: SINK, scheduleGroup: GROUP })).resolves.toBeDefined();
  });
});

describe('the custom resource handler', () => {
  const event = (RequestType: 'Create' | 'Update' | 'Delete') =>
    ({
      RequestType,
      PhysicalResourceId: 'sluice-runtime-resources',
      ResourceProperties: { ServiceToken: 'arn:token', SinkFunctionArn: SINK, ScheduleGroup: GROUP },
      OldResourceProperties: {},
    }) as unknown as CloudFormationCustomResourceEvent;

  it('changes nothing on Create and Update', async () => {
    const handler = createCleanupHandler(clients());
    expect(await handler(event('Create'))).toEqual({ PhysicalResourceId: 'sluice-runtime-resources' });
    await handler(event('Update'));
    expect(lambdaMock.calls()).toHaveLength(0);
    expect(schedulerMock.calls()).toHaveLength(0);
  });

  it('cleans up on Delete, with the targets from the resource properties', async () => {
    const handler = createCleanupHandler(clients());
    expect(await handler(event('Delete'))).toEqual({ PhysicalResourceId: 'sluice-runtime-resources' });
    expect([...esms.keys()]).toEqual(['other']);
    expect(schedules.size).toBe(0);
  });
});
