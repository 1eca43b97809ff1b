// What the controller may do: aliases on the sink function, ESMs that target it, schedules in its group, passing the
// scheduler role, and reading the cluster. Scoped by resource where the service allows, else by condition.
import { ArnFormat, type Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { mskTopicListStatements } from './kafkaIam.js';

export interface ControllerIamProps {
  readonly sinkFunctionArn: string;
  readonly schedulerRoleArn: string;
  readonly scheduleGroup: string;
  readonly clusterArn?: string;
}

export function controllerStatements(stack: Stack, p: ControllerIamProps): PolicyStatement[] {
  const qualified = `${p.sinkFunctionArn}:*`;
  const esmArn = stack.formatArn({ service: 'lambda', resource: 'event-source-mapping', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const schedules = stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${p.scheduleGroup}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  const out = [
    new PolicyStatement({ sid: 'Aliases', actions: ['lambda:CreateAlias', 'lambda:UpdateAlias', 'lambda:DeleteAlias', 'lambda:GetAlias'], resources: [p.sinkFunctionArn, qualified] }),
    // CreateEventSourceMapping takes no resource ARN; the lambda:FunctionArn condition key (which its request carries)
    // scopes it to the sink function's aliases.
    new PolicyStatement({ sid: 'CreateEsms', actions: ['lambda:CreateEventSourceMapping'], resources: ['*'], conditions: { StringLike: { 'lambda:FunctionArn': qualified } } }),
    // ListEventSourceMappings has no resource type and no condition key (Service Authorization Reference, AWS Lambda):
    // a condition on lambda:FunctionArn would be evaluated against a key the request does not carry, and deny it.
    new PolicyStatement({ sid: 'ListEsms', actions: ['lambda:ListEventSourceMappings'], resources: ['*'] }),
    new PolicyStatement({
      sid: 'ChangeEsms',
      actions: ['lambda:UpdateEventSourceMapping', 'lambda:DeleteEventSourceMapping', 'lambda:GetEventSourceMapping'],
      resources: [esmArn],
      conditions: { StringLike: { 'lambda:FunctionArn': qualified } },
    }),
    new PolicyStatement({ sid: 'Schedules', actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'], resources: [schedules] }),
    new PolicyStatement({
      sid: 'PassSchedulerRole',
      actions: ['iam:PassRole'],
      resources: [p.schedulerRoleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    }),
  ];
  if (p.clusterArn) out.push(...mskTopicListStatements(stack, p.clusterArn));
  return out;
}
