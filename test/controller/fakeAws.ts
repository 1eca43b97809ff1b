// Stateful stand-ins for the Lambda and Scheduler control planes, behind aws-sdk-client-mock (only these SDK clients
// are mocked; the store is the real DynamoPipelineStore on dynalite).
import {
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  DeleteAliasCommand,
  DeleteEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
  GetAliasCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import {
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException as SchedulerNotFound,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';

export const SINK_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:sluice-sink';
export const SOURCE_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:sluice-source';
export const CLUSTER_ARN = 'arn:aws:kafka:eu-west-1:123456789012:cluster/demo/abc-1';

const meta = { $metadata: {} };

export interface FakeAws {
  readonly lambda: AwsClientStub<LambdaClient>;
  readonly scheduler: AwsClientStub<SchedulerClient>;
  readonly aliases: Map<string, string>;
  readonly esms: Map<string, EventSourceMappingConfiguration>;
  readonly schedules: Map<string, CreateScheduleCommandInput>;
  /** When set, disabling an ESM leaves it Disabling (its pollers still run) until finishDisabling(). */
  lagDisabling: boolean;
  finishDisabling(): void;
  reset(): void;
}

export function fakeAws(): FakeAws {
  const aliases = new Map<string, string>();
  const esms = new Map<string, EventSourceMappingConfiguration>();
  const schedules = new Map<string, CreateScheduleCommandInput>();
  const lambda = mockClient(LambdaClient);
  const scheduler = mockClient(SchedulerClient);
  let next = 0;
  const install = () => {
    lambda
      .on(GetAliasCommand)
      .callsFake((i) => {
        const v = aliases.get(i.Name);
        if (v === undefined) throw new ResourceNotFoundException({ message: 'no alias', ...meta });
        return { Name: i.Name, FunctionVersion: v, AliasArn: `${SINK_ARN}:${i.Name}` };
      })
      .on(CreateAliasCommand)
      .callsFake((i) => {
        if (aliases.has(i.Name)) throw new ResourceConflictException({ message: 'exists', ...meta });
        aliases.set(i.Name, i.FunctionVersion);
        return {};
      })
      .on(UpdateAliasCommand)
      .callsFake((i) => void aliases.set(i.Name, i.FunctionVersion))
      .on(DeleteAliasCommand)
      .callsFake((i) => void aliases.delete(i.Name))
      .on(ListEventSourceMappingsCommand)
      .callsFake((i) => ({ EventSourceMappings: [...esms.values()].filter((e) => e.FunctionArn === i.FunctionName) }))
      .on(CreateEventSourceMappingCommand)
      .callsFake((i) => {
        const UUID = `uuid-${++next}`;
        const { Enabled, FunctionName, ...rest } = i;
        esms.set(UUID, { ...rest, UUID, FunctionArn: FunctionName, State: Enabled === false ? 'Disabled' : 'Enabled' });
        return { UUID };
      })
      .on(UpdateEventSourceMappingCommand)
      .callsFake((i) => {
        const e = esms.get(i.UUID);
        if (!e) throw new ResourceNotFoundException({ message: 'no esm', ...meta });
        const state = i.Enabled === undefined ? e.State : i.Enabled ? 'Enabled' : fake.lagDisabling ? 'Disabling' : 'Disabled';
        esms.set(i.UUID, { ...e, State: state, BatchSize: i.BatchSize ?? e.BatchSize, MaximumBatchingWindowInSeconds: i.MaximumBatchingWindowInSeconds ?? e.MaximumBatchingWindowInSeconds });
        return {};
      })
      .on(DeleteEventSourceMappingCommand)
      .callsFake((i) => void esms.delete(i.UUID));
    scheduler
      .on(GetScheduleCommand)
      .callsFake((i) => {
        const s = schedules.get(i.Name);
        if (!s) throw new SchedulerNotFound({ Message: 'no schedule', message: 'no schedule', $metadata: {} });
        return s;
      })
      .on(CreateScheduleCommand)
      .callsFake((i) => void schedules.set(i.Name, i))
      .on(UpdateScheduleCommand)
      .callsFake((i) => void schedules.set(i.Name, i))
      .on(DeleteScheduleCommand)
      .callsFake((i) => void schedules.delete(i.Name));
  };
  install();
  const fake: FakeAws = {
    lambda,
    scheduler,
    aliases,
    esms,
    schedules,
    lagDisabling: false,
    finishDisabling: () => {
      for (const [k, e] of esms) if (e.State === 'Disabling') esms.set(k, { ...e, State: 'Disabled' });
    },
    reset: () => {
      fake.lagDisabling = false;
      aliases.clear();
      esms.clear();
      schedules.clear();
      lambda.reset();
      scheduler.reset();
      install();
    },
  };
  return fake;
}
