import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, buildStack, CLUSTER_ARN, statementsOf } from './testStack.js';

let template: Template;
beforeAll(() => {
  template = buildStack().template;
});

describe('Controller', () => {
  it('reads the table stream with retries, bisecting, a failure queue and a CONFIG/STATUS filter', () => {
    // Prepare
    const filter = new Capture();
    // Act
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('PipelinesTable'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: 10,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('ControllerStreamFailures'), 'Arn'] } } },
      FilterCriteria: { Filters: [{ Pattern: filter }] },
    });
    // Assess
    expect(JSON.parse(filter.asString())).toEqual({ dynamodb: { Keys: { SK: { S: ['CONFIG', 'STATUS'] } } } });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('tells the controller where everything is through its environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('Sluice controller'),
      Environment: {
        Variables: Match.objectLike({
          SLUICE_TABLE_NAME: Match.anyValue(),
          SLUICE_SINK_FUNCTION_ARN: Match.anyValue(),
          SLUICE_SOURCE_FUNCTION_ARN: Match.anyValue(),
          SLUICE_SCHEDULER_ROLE_ARN: Match.anyValue(),
          SLUICE_SCHEDULE_GROUP: Match.anyValue(),
          KAFKA_CLUSTER_ARN: CLUSTER_ARN,
          KAFKA_AUTH: 'iam',
          SLUICE_SUBNET_IDS: 'subnet-0aaaaaaaaaaaaaaaa,subnet-0bbbbbbbbbbbbbbbb',
          SLUICE_SECURITY_GROUP_IDS: 'sg-01111111111111111',
        }),
      },
    });
  });

  it('scopes aliases to the sink function, ESM changes to ESMs of that function, schedules to the group', () => {
    const statements = statementsOf(template, 'ControllerRoleDefault');
    const bySid = (sid: string) => statements.find((s) => s.Sid === sid);
    expect(JSON.stringify(bySid('Aliases')?.Resource)).toMatch(/TasksSink/);
    expect(bySid('CreateEsms')?.Condition).toMatchObject({ StringLike: { 'lambda:FunctionArn': expect.anything() } });
    // ListEventSourceMappings carries no lambda:FunctionArn: a condition on it would deny every call.
    expect(bySid('ListEsms')?.Condition).toBeUndefined();
    expect(JSON.stringify(bySid('ChangeEsms')?.Resource)).toMatch(/event-source-mapping:\*/);
    expect(JSON.stringify(bySid('Schedules')?.Resource)).toMatch(/schedule\//);
    expect(bySid('PassSchedulerRole')?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
    const cluster = statements.find((s) => actionsOf(s).includes('kafka:ListTopics'));
    expect(actionsOf(cluster!)).toEqual(['kafka:DescribeClusterV2', 'kafka:ListTopics', 'kafka-cluster:Connect']);
    expect(statements.find((s) => actionsOf(s).includes('kafka-cluster:DescribeTopic'))?.Resource).toMatch(/:topic\/demo\/abcd-1234-1\/\*$/);
  });

  it('gives EventBridge Scheduler a role that can invoke only the source function', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } } })] },
    });
    const invoke = statementsOf(template, 'ControllerSchedulerRole').find((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invoke?.Resource)).toMatch(/TasksSource/);
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: Match.anyValue() });
  });

  it('resyncs every pipeline on a schedule', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: Match.objectLike({ Input: JSON.stringify({ sluice: 'resync' }) }),
    });
  });
});
