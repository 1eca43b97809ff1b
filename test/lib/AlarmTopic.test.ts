// Alarms that reach somebody: CloudWatch (the service principal) may encrypt to and publish on the alarm topic, shown
// with the IAM policy evaluator on the synthesized key and topic policies. AWS facts: Amazon SNS developer guide,
// "Encryption at rest" / "Enable compatibility between event sources from AWS services and encrypted topics" (the
// AWS-managed SNS key cannot be used by CloudWatch; a customer-managed key must allow it kms:Decrypt and
// kms:GenerateDataKey*), and CloudWatch user guide, "Setting up Amazon SNS notifications".
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlarmTopic } from '../../lib/AlarmTopic.js';
import { Concrete, ENV } from './iam/concrete.js';
import { policyNameProblems } from './iam/policyNames.js';
import type { PolicyDocument } from './iam/rolePolicies.js';

let concrete: Concrete;
let template: Template;
let topic: AlarmTopic;
let stack: Stack;

beforeAll(() => {
  stack = new Stack(new App(), 'T');
  topic = new AlarmTopic(stack, 'Alarms', { email: 'ops@example.com' });
  template = Template.fromStack(stack);
  concrete = new Concrete(template);
});

async function asCloudWatch(action: string, resource: string, resourcePolicy: unknown, context: Record<string, string>): Promise<string> {
  const r = await runSimulation(
    { identityPolicies: [], serviceControlPolicies: [], resourceControlPolicies: [], resourcePolicy: resourcePolicy as never, request: { action, principal: 'cloudwatch.amazonaws.com', resource: { accountId: ENV.account, resource }, contextVariables: context } },
    {},
  );
  return r.resultType === 'error' ? `Error ${JSON.stringify(r.errors)}` : r.overallResult;
}

describe('AlarmTopic', () => {
  it('lets CloudWatch use the topic’s key', async () => {
    const keyId = stack.getLogicalId(topic.key.node.defaultChild as CfnElement);
    const keyPolicy = concrete.deep((template.toJSON() as { Resources: Record<string, { Properties: { KeyPolicy: unknown } }> }).Resources[keyId]?.Properties.KeyPolicy);
    const keyArn = concrete.getAtt(keyId, 'Arn');
    for (const action of ['kms:GenerateDataKey', 'kms:Decrypt']) expect(await asCloudWatch(action, keyArn, keyPolicy, {})).toBe('Allowed');
  });

  it('lets CloudWatch publish over TLS for this account’s alarms, and nothing else', async () => {
    const policy = Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0] as { Properties: { PolicyDocument: unknown } };
    const document = concrete.deep(policy.Properties.PolicyDocument);
    const topicArn = concrete.value(stack.resolve(topic.topic.topicArn));
    const tls = { 'aws:SecureTransport': 'true', 'aws:SourceAccount': ENV.account };
    expect(await asCloudWatch('sns:Publish', topicArn, document, tls)).toBe('Allowed');
    expect(await asCloudWatch('sns:Publish', topicArn, document, { ...tls, 'aws:SecureTransport': 'false' })).toBe('ExplicitlyDenied');
    expect(await asCloudWatch('sns:Publish', topicArn, document, { ...tls, 'aws:SourceAccount': '210987654321' })).not.toBe('Allowed');
  });

  it('names only real actions and condition keys in the key and topic policies', async () => {
    const docs = [...Object.entries(template.findResources('AWS::KMS::Key')).map(([id, r]) => [id, (r as { Properties: { KeyPolicy: unknown } }).Properties.KeyPolicy] as const), ...Object.entries(template.findResources('AWS::SNS::TopicPolicy')).map(([id, r]) => [id, (r as { Properties: { PolicyDocument: unknown } }).Properties.PolicyDocument] as const)];
    const problems = (await Promise.all(docs.map(([id, doc]) => policyNameProblems(id, concrete.deep(doc) as PolicyDocument)))).flat();
    expect(problems).toEqual([]);
  });

  it('encrypts the topic with that key, not the AWS-managed alias/aws/sns', () => {
    const topics = Object.values(template.findResources('AWS::SNS::Topic')) as { Properties: { KmsMasterKeyId: unknown } }[];
    expect(topics.map((t) => t.Properties.KmsMasterKeyId)).toEqual([{ 'Fn::GetAtt': [stack.getLogicalId(topic.key.node.defaultChild as CfnElement), 'Arn'] }]);
  });
});
