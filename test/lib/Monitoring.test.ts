import { App, Stack } from 'aws-cdk-lib';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Monitoring, type MonitoringProps, SINK_METRICS, SOURCE_METRICS } from '../../lib/Monitoring.js';

let template: Template;
let withTopic: Template;

/** Monitoring alone, on imported functions: nothing to bundle. */
function synth(props: Partial<MonitoringProps> = {}): Template {
  const stack = new Stack(new App(), 'T');
  const fn = (name: string) => LambdaFunction.fromFunctionAttributes(stack, name, { functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${name}`, sameEnvironment: true });
  const failures = Queue.fromQueueArn(stack, 'Failures', 'arn:aws:sqs:eu-west-1:123456789012:failures');
  new Monitoring(stack, 'Monitoring', { sinkFunction: fn('sink'), sourceFunction: fn('source'), controllerFunction: fn('controller'), controllerFailures: failures, ...props });
  return Template.fromStack(stack);
}

beforeAll(() => {
  template = synth();
  withTopic = synth({ alarmEmail: 'ops@example.com' });
});

function dashboardBody(t: Template): string {
  const body = new Capture();
  t.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardBody: body });
  return JSON.stringify(body.asObject());
}

describe('Monitoring', () => {
  it('shows every Sluice metric per pipeline through SEARCH on the service and Pipeline dimensions', () => {
    const body = dashboardBody(template);
    for (const m of [...SINK_METRICS, ...SOURCE_METRICS]) {
      expect(body).toContain(`SEARCH('{Sluice,service,Pipeline} MetricName=\\\\\\"${m}\\\\\\"'`);
    }
    expect(body).toContain(`SEARCH('{AWS/Lambda,EventSourceMappingUUID} MetricName=\\\\\\"OffsetLag\\\\\\"'`);
  });

  it("shows Lambda's free Duration and Invocations of the sink per pipeline alias (BatchLatency is only in the detailed level)", () => {
    const body = dashboardBody(template);
    expect(body).toContain(`SEARCH('{AWS/Lambda,FunctionName,Resource} MetricName=\\\\\\"Duration\\\\\\" FunctionName=\\\\\\"sink\\\\\\"', 'Average', 300)`);
    expect(body).toContain(`SEARCH('{AWS/Lambda,FunctionName,Resource} MetricName=\\\\\\"Invocations\\\\\\" FunctionName=\\\\\\"sink\\\\\\"', 'Sum', 300)`);
  });

  it('alarms on task errors, dead-lettered records, the controller giving up, lag per mapping and throttles', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: Match.arrayWith([Match.objectLike({ Expression: Match.stringLikeRegexp('SUM\\(RecordsDeadLettered\\)') })]), Threshold: 0 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', Dimensions: [{ Name: 'QueueName', Value: 'failures' }], Threshold: 0 });
    // A multi-time-series Metrics Insights alarm: each mapping is its own contributor (CloudWatch user guide, "Create an
    // alarm based on a Multi Time Series Metrics Insights query").
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: Match.arrayWith([Match.objectLike({ Expression: Match.stringLikeRegexp('GROUP BY EventSourceMappingUUID') })]), Threshold: 10000 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Throttles' });
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length).toBe(7);
  });

  it('sends alarms to an SNS topic under a customer-managed key that CloudWatch may use, only when asked', () => {
    template.resourceCountIs('AWS::SNS::Topic', 0);
    withTopic.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AlarmTopicKey'), 'Arn'] } });
    withTopic.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]) },
    });
    withTopic.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    const actions = Object.values(withTopic.findResources('AWS::CloudWatch::Alarm')).map((a) => (a as { Properties: { AlarmActions?: unknown[] } }).Properties.AlarmActions);
    expect(actions.every((a) => a?.length === 1)).toBe(true);
  });
});
