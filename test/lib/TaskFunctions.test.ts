import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Vpc } from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { TaskFunctions, taskNodeOptions } from '../../lib/TaskFunctions.js';
import { actionsOf, buildStack, CLUSTER_ARN, FIXTURE_ENTRIES, GROUPS_ARN, MSK_INPUTS, statementsOf, TOPICS_ARN } from './testStack.js';

let template: Template;
beforeAll(() => {
  template = buildStack().template;
});

const taskFunction = (description: string) => ({ Description: Match.stringLikeRegexp(description) });

describe('TaskFunctions', () => {
  it('runs both tasks on Node.js 22, arm64, in the given subnets and security groups', () => {
    for (const d of ['Sluice sink task', 'Sluice source task']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        ...taskFunction(d),
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        VpcConfig: { SubnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'], SecurityGroupIds: ['sg-01111111111111111'] },
        Environment: { Variables: Match.objectLike({ SLUICE_TABLE_NAME: Match.anyValue(), KAFKA_BROKERS: Match.anyValue(), KAFKA_CLUSTER_ARN: CLUSTER_ARN, KAFKA_AUTH: 'iam' }) },
      });
    }
  });

  it('runs both tasks with source maps and 64 MB semi-spaces at the default 1024 MB (a young generation sized for a batch)', () => {
    for (const d of ['Sluice sink task', 'Sluice source task']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        ...taskFunction(d),
        MemorySize: 1024,
        Environment: { Variables: Match.objectLike({ NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=64' }) },
      });
    }
    expect([128, 512, 1024, 4096].map(taskNodeOptions)).toEqual([16, 32, 64, 64].map((mb) => `--enable-source-maps --max-semi-space-size=${mb}`));
  });

  it('keeps the sink timeout within the 14-minute Kafka ESM limit and rejects more', () => {
    const sink = template.findResources('AWS::Lambda::Function', { Properties: taskFunction('Sluice sink task') });
    const timeout = (Object.values(sink)[0] as { Properties: { Timeout: number } }).Properties.Timeout;
    expect(timeout).toBeLessThanOrEqual(14 * 60);
    const stack = new Stack(new App(), 'T');
    const props = {
      table: new Table(stack, 'T', { partitionKey: { name: 'PK', type: 'S' as never } }),
      kafka: { clusterArn: CLUSTER_ARN, auth: 'iam' as const },
      brokers: 'b-1:9098',
      vpc: Vpc.fromVpcAttributes(stack, 'V', { vpcId: 'vpc-1', availabilityZones: ['a'] }),
      subnets: {},
      securityGroups: [],
      secretPrefix: 'sluice/',
      sinkEntry: FIXTURE_ENTRIES.sink,
      sourceEntry: FIXTURE_ENTRIES.source,
    };
    expect(() => new TaskFunctions(stack, 'Tasks', { ...props, sinkTimeout: Duration.minutes(15) })).toThrow(/at most 14 minutes/);
  });

  it('gives the sink MSK data-plane rights on this cluster only: its topics and its groups', () => {
    const statements = statementsOf(template, 'TasksSink');
    const find = (action: string) => statements.find((s) => actionsOf(s).includes(action));
    expect(find('kafka-cluster:Connect')?.Resource).toBe(CLUSTER_ARN);
    expect(find('kafka-cluster:ReadData')?.Resource).toBe(TOPICS_ARN);
    expect(actionsOf(find('kafka-cluster:ReadData')!)).toEqual(expect.arrayContaining(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData']));
    expect(find('kafka-cluster:AlterGroup')?.Resource).toBe(GROUPS_ARN);
    expect(find('kafka:DescribeClusterV2')?.Resource).toBe(CLUSTER_ARN);
    // GetBootstrapBrokers has no resource type: only `*` matches it (test/lib/iamSimulation.test.ts evaluates this).
    expect(find('kafka:GetBootstrapBrokers')?.Resource).toBe('*');
    expect(actionsOf(find('kafka-cluster:Connect')!)).toContain('kafka-cluster:DescribeClusterDynamicConfiguration');
  });

  it('grants the sink, and only the sink, the OpenSearch HTTP actions on the domains the stack names (and cdk-nag passes)', () => {
    const { stack, template: withDomains } = buildStack({ ...MSK_INPUTS, openSearchDomains: ['orders-search', 'arn:aws:es:us-east-1:123456789012:domain/logs'] });
    const es = statementsOf(withDomains, 'TasksSink').find((s) => actionsOf(s).includes('es:ESHttpPost'));
    expect(actionsOf(es!).sort()).toEqual(['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut']);
    expect(stack.resolve(es!.Resource)).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':es:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':domain/orders-search']] },
      'arn:aws:es:us-east-1:123456789012:domain/logs',
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':es:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':domain/orders-search/*']] },
      'arn:aws:es:us-east-1:123456789012:domain/logs/*',
    ]);
    expect(statementsOf(withDomains, 'TasksSource').flatMap(actionsOf).filter((a) => a.startsWith('es:'))).toEqual([]);
    expect(statementsOf(template).flatMap(actionsOf).filter((a) => a.startsWith('es:'))).toEqual([]);
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.resourceLogicalId ?? r.constructPath}`))).toEqual([]);
  }, 180_000);

  it('lets the source produce to this cluster but not read from it', () => {
    const actions = statementsOf(template, 'TasksSource').flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['kafka-cluster:Connect', 'kafka-cluster:WriteData', 'kafka-cluster:WriteDataIdempotently']));
    expect(actions).not.toContain('kafka-cluster:ReadData');
  });

  it('scopes secrets to the configured prefix and writes out the VPC ENI actions', () => {
    for (const prefix of ['TasksSink', 'TasksSource']) {
      const statements = statementsOf(template, prefix);
      const secrets = statements.find((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
      expect(JSON.stringify(secrets?.Resource)).toMatch(/:secret:sluice\/\*/);
      const eni = statements.find((s) => actionsOf(s).includes('ec2:CreateNetworkInterface'));
      expect(actionsOf(eni!)).toEqual(expect.arrayContaining(['ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups']));
      expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'))).toContain('dynamodb:PutItem');
    }
  });

  it('attaches no managed policy to the task roles', () => {
    const roles = template.findResources('AWS::IAM::Role', { Properties: { AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] }) } });
    const tasks = Object.entries(roles).filter(([id]) => id.startsWith('Tasks'));
    expect(tasks.length).toBe(2);
    for (const [, r] of tasks) expect((r as { Properties: { ManagedPolicyArns?: unknown } }).Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('reads the bootstrap brokers for the auth mode from the MSK API at deploy time', () => {
    template.hasResourceProperties('Custom::AWS', { Create: Match.stringLikeRegexp('"action":"GetBootstrapBrokers".*BootstrapBrokerStringSaslIam') });
  });
});
