// The controller's resources in AWS: a Lambda alias per sink pipeline, one MSK ESM per topic on that alias, and an
// EventBridge Scheduler schedule per source pipeline.
import {
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  DeleteAliasCommand,
  DeleteEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
  GetAliasCommand,
  type LambdaClient,
  ListEventSourceMappingsCommand,
  UpdateAliasCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { GetScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { ControllerResources, ObserveTarget } from '../../runtime/ports/PipelineResources.js';
import { ALIAS_VERSION, type Action, type Observed, type ObservedEsm, type ObservedSchedule } from '../../runtime/lifecycle/plan.js';
import { AWS_NAME_CONSTRAINTS, aliasArn } from '../../runtime/awsNames.js';
import { ignoring, isAwsError } from './awsErrors.js';
import { createEsmInput, type KafkaSource } from './kafkaSource.js';
import { ScheduleWriter } from './ScheduleWriter.js';

export interface AwsResourcesOptions {
  readonly lambda: LambdaClient;
  readonly scheduler: SchedulerClient;
  /** Unqualified ARN of the sink-task function; aliases are created on it. */
  readonly sinkFunctionArn: string;
  /** Unqualified ARN of the source-task function, the schedules' target. */
  readonly sourceFunctionArn: string;
  /** Role EventBridge Scheduler assumes to invoke the source function. */
  readonly schedulerRoleArn: string;
  readonly scheduleGroup: string;
  readonly kafka: KafkaSource;
}

const NOT_FOUND = 'ResourceNotFoundException';

function observedEsm(c: EventSourceMappingConfiguration): ObservedEsm {
  return {
    uuid: c.UUID ?? '',
    topic: c.Topics?.[0] ?? '',
    consumerGroup: c.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ?? c.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId ?? '',
    startingPosition: c.StartingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
    batchSize: c.BatchSize ?? 0,
    windowSeconds: c.MaximumBatchingWindowInSeconds ?? 0,
    enabled: c.State !== 'Disabled' && c.State !== 'Disabling',
    // Lambda's ESM states (EventSourceMappingConfiguration.State in the Lambda API reference): Creating, Enabling,
    // Enabled, Disabling, Disabled, Updating, Deleting. Only Disabled means its pollers have stopped.
    active: c.State !== 'Disabled',
  };
}

export class AwsResources implements ControllerResources {
  private readonly schedules: ScheduleWriter;

  constructor(private readonly o: AwsResourcesOptions) {
    this.schedules = new ScheduleWriter(o);
  }

  /** CreateEventSourceMapping's FunctionName: refused early, with the reason, if it would break the API's limit. */
  aliasArn(alias: string): string {
    const arn = aliasArn(this.o.sinkFunctionArn, alias);
    const limit = AWS_NAME_CONSTRAINTS.esmFunctionName;
    if (arn.length > limit.max) throw new Error(`The alias ARN ${arn} does not fit ${limit.api} ${limit.parameter} (at most ${limit.max} characters, ${limit.doc})`);
    return arn;
  }

  async observe(target: ObserveTarget): Promise<Observed> {
    const aliasVersion = await this.aliasVersion(target.alias);
    const esms = aliasVersion === undefined ? [] : await this.listEsms(target.alias);
    const schedule = await this.schedule(target.scheduleName);
    return { ...(aliasVersion === undefined ? {} : { aliasVersion }), esms, ...(schedule ? { schedule } : {}) };
  }

  async apply(a: Action): Promise<void> {
    const { lambda, sinkFunctionArn: FunctionName } = this.o;
    switch (a.kind) {
      case 'createAlias':
        return ignoring(() => lambda.send(new CreateAliasCommand({ FunctionName, Name: a.alias, FunctionVersion: ALIAS_VERSION })), 'ResourceConflictException');
      case 'updateAlias':
        return void (await lambda.send(new UpdateAliasCommand({ FunctionName, Name: a.alias, FunctionVersion: ALIAS_VERSION })));
      case 'deleteAlias':
        return ignoring(() => lambda.send(new DeleteAliasCommand({ FunctionName, Name: a.alias })), NOT_FOUND);
      case 'createEsm':
        return void (await lambda.send(new CreateEventSourceMappingCommand(createEsmInput(this.o.kafka, this.aliasArn(a.alias), a.esm, a.enabled))));
      case 'updateEsm': {
        const { enabled, batchSize, windowSeconds } = a.changes;
        return void (await lambda.send(
          new UpdateEventSourceMappingCommand({ UUID: a.uuid, Enabled: enabled, BatchSize: batchSize, MaximumBatchingWindowInSeconds: windowSeconds }),
        ));
      }
      case 'deleteEsm':
        return ignoring(() => lambda.send(new DeleteEventSourceMappingCommand({ UUID: a.uuid })), NOT_FOUND);
      case 'createSchedule':
      case 'updateSchedule':
        return this.schedules.put(a.schedule, a.enabled, a.kind === 'createSchedule');
      case 'deleteSchedule':
        return this.schedules.delete(a.name);
    }
  }

  describe(target: ObserveTarget, observed: Observed): Record<string, string> {
    const out: Record<string, string> = {};
    if (observed.aliasVersion !== undefined) out['alias'] = this.aliasArn(target.alias);
    for (const e of observed.esms) out[`esm:${e.topic}`] = e.uuid;
    if (observed.schedule) out['schedule'] = this.schedules.arn(observed.schedule.name);
    return out;
  }

  private async aliasVersion(alias: string): Promise<string | undefined> {
    try {
      const r = await this.o.lambda.send(new GetAliasCommand({ FunctionName: this.o.sinkFunctionArn, Name: alias }));
      return r.FunctionVersion ?? ALIAS_VERSION;
    } catch (e) {
      if (isAwsError(e, NOT_FOUND)) return undefined;
      throw e;
    }
  }

  /** The ESMs that target the alias; ones already being deleted are gone as far as reconciling goes. */
  private async listEsms(alias: string): Promise<ObservedEsm[]> {
    const out: ObservedEsm[] = [];
    let Marker: string | undefined;
    do {
      const r = await this.o.lambda.send(
        new ListEventSourceMappingsCommand({
          FunctionName: this.aliasArn(alias),
          ...(this.o.kafka.kind === 'msk' ? { EventSourceArn: this.o.kafka.clusterArn } : {}),
          ...(Marker ? { Marker } : {}),
        }),
      );
      for (const c of r.EventSourceMappings ?? []) if (c.State !== 'Deleting') out.push(observedEsm(c));
      Marker = r.NextMarker;
    } while (Marker);
    return out;
  }

  private async schedule(name: string): Promise<ObservedSchedule | undefined> {
    try {
      const r = await this.o.scheduler.send(new GetScheduleCommand({ Name: name, GroupName: this.o.scheduleGroup }));
      return { name, expression: r.ScheduleExpression ?? '', input: r.Target?.Input ?? '', enabled: r.State !== 'DISABLED' };
    } catch (e) {
      if (isAwsError(e, NOT_FOUND)) return undefined;
      throw e;
    }
  }
}
