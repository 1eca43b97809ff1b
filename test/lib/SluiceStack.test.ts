import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SluiceStack } from '../../lib/SluiceStack.js';
import { actionsOf, buildStack, CLUSTER_ARN, MSK_INPUTS, statementsOf } from './testStack.js';

let stack: SluiceStack;
let template: Template;
beforeAll(() => {
  ({ stack, template } = buildStack());
});

/**
 * Services whose APIs offer no resource-level permissions for the granted actions (AWS service authorization reference).
 * glue:GetSchemaVersion by SchemaVersionId names no registry or schema (its resource types are optional).
 */
const NO_RESOURCE_LEVEL = [/^ec2:/, /^dynamodb:ListStreams$/, /^xray:/, /^lambda:(CreateEventSourceMapping|ListEventSourceMappings)$/, /^cloudwatch:GetMetricData$/, /^kafka:GetBootstrapBrokers$/, /^scheduler:ListSchedules$/, /^glue:GetSchemaVersion$/];

describe('SluiceStack', () => {
  it('passes cdk-nag AwsSolutions, each acknowledged finding carrying its reason on the narrowest construct', () => {
    // Act: cdk-nag v3 is a policy-validation plugin; validateScope runs it on the tree and honours Validations.acknowledge
    const report = new AwsSolutionsChecks().validateScope(stack);
    // Assess
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.resourceLogicalId ?? r.constructPath}`));
    expect(findings).toEqual([]);
  });

  it('passes cdk-nag AwsSolutions with every option on: SCRAM with its KMS key, the alarm topic, the API Gateway account setting', () => {
    const scram = { clusterArn: CLUSTER_ARN, auth: 'scram' as const, secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_sluice-AbCdEf', secretKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555' };
    const { stack: full } = buildStack({ ...MSK_INPUTS, kafka: scram, alarmEmail: 'ops@example.com', apiGatewayAccount: true });
    const report = new AwsSolutionsChecks().validateScope(full);
    expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.resourceLogicalId ?? r.constructPath}`))).toEqual([]);
  }, 180_000);

  it('grants no wildcard action, and a wildcard resource only to actions without resource-level scope', () => {
    const statements = statementsOf(template);
    expect(statements.length).toBeGreaterThan(10);
    for (const s of statements) {
      for (const a of actionsOf(s)) expect(a === '*' || a.endsWith(':*'), a).toBe(false);
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      if (resources.includes('*')) {
        for (const a of actionsOf(s)) expect(NO_RESOURCE_LEVEL.some((re) => re.test(a)) || s.Condition !== undefined, `${a} on *`).toBe(true);
      }
    }
  });

  it('creates the table, the API, five functions (api, controller, sink, source, cleanup) and the monitoring in one stack', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.resourceCountIs('AWS::ApiGateway::RestApi', 1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const sluiceFunctions = template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] } });
    expect(Object.keys(sluiceFunctions).length).toBe(5);
  });
});
