// One SluiceStack per test file (bundling is the slow part), with the task entries pointed at small fixtures.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { SluiceInputs } from '../../lib/stackInputs.js';
import { SluiceStack } from '../../lib/SluiceStack.js';

export const CLUSTER_ARN = 'arn:aws:kafka:eu-west-1:123456789012:cluster/demo/abcd-1234-1';
export const TOPICS_ARN = 'arn:aws:kafka:eu-west-1:123456789012:topic/demo/abcd-1234-1/*';
export const GROUPS_ARN = 'arn:aws:kafka:eu-west-1:123456789012:group/demo/abcd-1234-1/*';

export const MSK_INPUTS: SluiceInputs = {
  kafka: { clusterArn: CLUSTER_ARN, auth: 'iam' },
  network: { vpcId: 'vpc-01111111111111111', subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'], securityGroupIds: ['sg-01111111111111111'] },
  secretPrefix: 'sluice/',
};

export const FIXTURE_ENTRIES = { sink: 'test/fixtures/cdk/sinkEntry.ts', source: 'test/fixtures/cdk/sourceEntry.ts' };

export function buildStack(inputs: SluiceInputs = MSK_INPUTS, configure?: (stack: SluiceStack) => void): { stack: SluiceStack; template: Template } {
  const app = new App();
  const stack = new SluiceStack(app, 'Test', { inputs, entries: FIXTURE_ENTRIES });
  configure?.(stack);
  return { stack, template: Template.fromStack(stack) };
}

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
  readonly Sid?: string;
}

/** Every statement of the IAM policies whose logical id starts with `prefix` (all policies when empty). */
export function statementsOf(template: Template, prefix = ''): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.entries(policies)
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(([, p]) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
}

export function actionsOf(s: Statement): string[] {
  return Array.isArray(s.Action) ? s.Action : [s.Action];
}
