// The SNS topic alarms notify, encrypted with a customer-managed KMS key whose policy lets CloudWatch use it: with the
// AWS-managed alias/aws/sns key CloudWatch cannot publish, as that key's policy cannot be changed (Amazon CloudWatch
// user guide, "Setting up Amazon SNS notifications": encrypted topics need a customer managed key allowing
// cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*).
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** Subscribe this address. @default no subscription */
  readonly email?: string;
}

export class AlarmTopic extends Construct {
  readonly topic: Topic;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    this.key = new Key(this, 'Key', { description: 'Sluice alarm topic: CloudWatch alarms publish through this key', enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
    this.key.addToResourcePolicy(
      new PolicyStatement({ sid: 'CloudWatchAlarmsPublish', principals: [new ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'] }),
    );
    this.topic = new Topic(this, 'Topic', { enforceSSL: true, masterKey: this.key });
    // The topic policy (enforceSSL writes one) replaces SNS's default policy, so CloudWatch is named in it explicitly,
    // for this account's alarms only.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }
}
