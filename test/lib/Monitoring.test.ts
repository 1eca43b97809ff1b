import { App, Stack } from 'aws-cdk-lib';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { Monitoring, type MonitoringProps, SINK_METRICS, SOURCE_METRICS } from '../../lib/Monitoring.js';

let template: Template;
let withTopic: Template;

/** Monitoring alone, on imported functions: nothing to bundle. */
function synth(props: Partial<MonitoringProps> = {}): Template {
  const stack = new Stack(new App(), 'T');
  const fn = (name: string) => LambdaFunction.fromFunctionAttributes(stack, name, { functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${name}`, sameEnvironment: true });
  new Monitoring(stack, 'Monitoring', { sinkFunction: fn('sink'), sourceFunction: fn('source'), controllerFunction: fn('controller'), ...props });
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
  it('shows every Sluice metric per pipeline through SEARCH on the Pipeline dimension', () => {
    const body = dashboardBody(template);
    for (const m of [...SINK_METRICS, ...SOURCE_METRICS]) {
      expect(body).toContain(`SEARCH('{Sluice,Pipeline} MetricName=\\\\\\"${m}\\\\\\"'`);
    }
    expect(body).toContain('OffsetLag');
  });

  it('alarms on task errors, dead-lettered records, offset lag and throttles', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Metrics: Match.arrayWith([Match.objectLike({ Expression: Match.stringLikeRegexp('SUM\\(RecordsDeadLettered\\)') })]), Threshold: 0 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'OffsetLag', Statistic: 'Maximum', Threshold: 10000 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Throttles' });
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length).toBe(6);
  });

  it('sends alarms to an encrypted SNS topic only when asked', () => {
    template.resourceCountIs('AWS::SNS::Topic', 0);
    withTopic.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    withTopic.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    const actions = Object.values(withTopic.findResources('AWS::CloudWatch::Alarm')).map((a) => (a as { Properties: { AlarmActions?: unknown[] } }).Properties.AlarmActions);
    expect(actions.every((a) => a?.length === 1)).toBe(true);
  });
});
