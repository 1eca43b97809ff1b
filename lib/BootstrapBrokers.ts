// The MSK cluster's bootstrap brokers, read at deploy time (kafka:GetBootstrapBrokers) for the functions' KAFKA_BROKERS.
import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import type { KafkaAuthMode } from './stackInputs.js';

/** aws-cdk-lib's fixed id for the AwsCustomResource provider function (custom-resources/aws-custom-resource). */
const PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

export interface BootstrapBrokersProps {
  readonly clusterArn: string;
  readonly auth: KafkaAuthMode;
}

const FIELD: Record<KafkaAuthMode, string> = {
  iam: 'BootstrapBrokerStringSaslIam',
  scram: 'BootstrapBrokerStringSaslScram',
  none: 'BootstrapBrokerStringTls',
};

export class BootstrapBrokers extends Construct {
  /** Comma-separated host:port list for the auth mode. */
  readonly brokers: string;
  readonly resource: AwsCustomResource;

  constructor(scope: Construct, id: string, props: BootstrapBrokersProps) {
    super(scope, id);
    const field = FIELD[props.auth];
    const call = {
      service: 'Kafka',
      action: 'GetBootstrapBrokers',
      parameters: { ClusterArn: props.clusterArn },
      physicalResourceId: PhysicalResourceId.of(`${props.clusterArn}#${field}`),
      outputPaths: [field],
    };
    this.resource = new AwsCustomResource(this, 'Call', {
      onCreate: call,
      onUpdate: call,
      installLatestAwsSdk: false,
      // kafka:GetBootstrapBrokers has no resource type in the Service Authorization Reference: only `*` matches it.
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['kafka:GetBootstrapBrokers'], resources: ['*'] })]),
    });
    this.brokers = this.resource.getResponseField(field);
    const policy = this.resource.node.tryFindChild('CustomResourcePolicy');
    if (policy) acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', 'kafka:GetBootstrapBrokers has no resource-level permission; this is the only action the policy allows');
    // The provider is a stack-wide singleton that aws-cdk-lib creates with the basic execution managed policy.
    const provider = Stack.of(this).node.tryFindChild(PROVIDER_ID)?.node.tryFindChild('ServiceRole');
    if (provider) acknowledge(provider, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', "aws-cdk-lib's AwsCustomResource provider; it only writes its own logs");
  }
}
