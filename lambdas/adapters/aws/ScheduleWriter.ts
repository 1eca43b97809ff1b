// Source pipelines' EventBridge Scheduler schedules: rate(N minutes) → the source-task function, input {"pipeline": name}.
import { CreateScheduleCommand, type CreateScheduleCommandInput, DeleteScheduleCommand, type SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { rateExpression, type ScheduleSpec } from '../../runtime/lifecycle/plan.js';
import { ignoring, isAwsError } from './awsErrors.js';

export interface ScheduleWriterOptions {
  readonly scheduler: SchedulerClient;
  readonly sourceFunctionArn: string;
  readonly schedulerRoleArn: string;
  readonly scheduleGroup: string;
}

export class ScheduleWriter {
  constructor(private readonly o: ScheduleWriterOptions) {}

  /** arn:<partition>:scheduler:<region>:<account>:schedule/<group>/<name>, in the source function's account and Region. */
  arn(name: string): string {
    const [, partition, , region, account] = this.o.sourceFunctionArn.split(':');
    return `arn:${partition}:scheduler:${region}:${account}:schedule/${this.o.scheduleGroup}/${name}`;
  }

  /** Create, or update in full (UpdateSchedule replaces every field); a create that finds the schedule updates it. */
  async put(spec: ScheduleSpec, enabled: boolean, create: boolean): Promise<void> {
    const input: CreateScheduleCommandInput = {
      Name: spec.name,
      GroupName: this.o.scheduleGroup,
      ScheduleExpression: rateExpression(spec.rateMinutes),
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: enabled ? 'ENABLED' : 'DISABLED',
      // A missed tick is not retried: the next tick polls from the saved offsets anyway.
      Target: { Arn: this.o.sourceFunctionArn, RoleArn: this.o.schedulerRoleArn, Input: spec.input, RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 } },
    };
    if (create) {
      try {
        await this.o.scheduler.send(new CreateScheduleCommand(input));
        return;
      } catch (e) {
        if (!isAwsError(e, 'ConflictException')) throw e;
      }
    }
    await this.o.scheduler.send(new UpdateScheduleCommand(input));
  }

  async delete(name: string): Promise<void> {
    await ignoring(() => this.o.scheduler.send(new DeleteScheduleCommand({ Name: name, GroupName: this.o.scheduleGroup })), 'ResourceNotFoundException');
  }
}
