import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_URL_OUTPUT_PREFIX } from '../../bin/cli/aws/stackTarget.js';
import { buildStack, CLUSTER_ARN, MSK_INPUTS, statementsOf, TOPICS_ARN } from './testStack.js';

let template: Template;
beforeAll(() => {
  template = buildStack().template;
});

describe('ConnectApi', () => {
  it('requires AWS_IAM authorization on every method, root and {proxy+} alike', () => {
    // Prepare
    const auth = new Capture();
    // Act
    const methods = template.findResources('AWS::ApiGateway::Method');
    template.allResourcesProperties('AWS::ApiGateway::Method', { AuthorizationType: auth });
    // Assess
    expect(Object.keys(methods).length).toBe(2);
    do expect(auth.asString()).toBe('AWS_IAM');
    while (auth.next());
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{proxy+}' });
  });

  it('proxies every method to the api function', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Sluice Kafka Connect REST API',
      Runtime: 'nodejs22.x',
      Environment: { Variables: Match.objectLike({ SLUICE_TABLE_NAME: Match.anyValue(), SLUICE_WORKER_ID: 'sluice-api', KAFKA_CLUSTER_ID: 'abcd-1234-1' }) },
    });
  });

  it('writes access logs to a log group and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, LoggingLevel: 'ERROR' })],
    });
  });

  it('leaves the account-wide API Gateway CloudWatch role setting alone unless asked', () => {
    // AWS::ApiGateway::Account is one per account and Region, shared by every REST API there (API Gateway developer
    // guide, "Set up CloudWatch logging for REST APIs in API Gateway").
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  it('takes the account setting over only on opt-in, and keeps it when the stack is deleted', () => {
    const optedIn = buildStack({ ...MSK_INPUTS, apiGatewayAccount: true }).template;
    const accounts = Object.values(optedIn.findResources('AWS::ApiGateway::Account')) as { DeletionPolicy?: string }[];
    expect(accounts.map((a) => a.DeletionPolicy)).toEqual(['Retain']);
  }, 120_000);

  it('outputs the API URL', () => {
    template.hasOutput('*', { Description: Match.stringLikeRegexp('Kafka Connect REST API URL'), Value: Match.anyValue() });
  });

  it('names the URL output as `sluice --stack` finds it: one output key with its prefix, the stage URL', () => {
    const outputs = template.findOutputs('*') as Record<string, { Description?: string }>;
    const found = Object.entries(outputs).filter(([key]) => key.startsWith(API_URL_OUTPUT_PREFIX));
    expect(found.map(([, o]) => o.Description)).toEqual(['Kafka Connect REST API URL (sign requests with SigV4, service execute-api)']);
  });
});

describe('ConnectApi with Kafka access for sink offsets', () => {
  it('runs the api function in the cluster’s VPC with the brokers and auth mode of the tasks', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Sluice Kafka Connect REST API',
      VpcConfig: { SubnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'], SecurityGroupIds: ['sg-01111111111111111'] },
      Environment: { Variables: Match.objectLike({ KAFKA_BROKERS: Match.anyValue(), KAFKA_AUTH: 'iam', KAFKA_SSL: 'true' }) },
    });
  });

  it('may read topics and change only the connect-* consumer groups of the one cluster', () => {
    const api = statementsOf(template, 'ConnectApiRole');
    const byAction = (action: string) => api.filter((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).includes(action));
    expect(byAction('kafka-cluster:DeleteGroup').map((s) => s.Resource)).toEqual(['arn:aws:kafka:eu-west-1:123456789012:group/demo/abcd-1234-1/connect-*']);
    expect(byAction('kafka-cluster:DescribeTopic').map((s) => s.Resource)).toEqual([TOPICS_ARN]);
    expect(byAction('kafka-cluster:WriteData')).toEqual([]);
    expect(byAction('kafka-cluster:Connect').map((s) => s.Resource)).toEqual([CLUSTER_ARN]);
  });
});
