// IAM for one Kafka cluster: MSK data-plane actions on the cluster's own topic and group ARNs, the control-plane
// reads the ESM needs (from AWSLambdaMSKExecutionRole), and the VPC ENI actions, written out.
import { Arn, ArnFormat, type Stack, Token } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

/** arn:...:cluster/<name>/<uuid> → the ARN prefix of its topics or groups: arn:...:topic/<name>/<uuid>/. */
export function mskResourceArn(stack: Stack, clusterArn: string, kind: 'topic' | 'group', name = '*'): string {
  if (Token.isUnresolved(clusterArn)) throw new Error('Sluice: the MSK cluster ARN must be a literal (context or environment), not a token');
  const parts = Arn.split(clusterArn, ArnFormat.SLASH_RESOURCE_NAME);
  return stack.formatArn({ ...parts, arnFormat: ArnFormat.SLASH_RESOURCE_NAME, resource: kind, resourceName: `${parts.resourceName}/${name}` });
}

export type KafkaRole = 'consumer' | 'producer';

/** kafka-cluster:* data-plane statements for a consumer (sink: read topics, commit group offsets, write DLQ) or producer. */
export function mskDataStatements(stack: Stack, clusterArn: string, role: KafkaRole): PolicyStatement[] {
  const topics = mskResourceArn(stack, clusterArn, 'topic');
  const groups = mskResourceArn(stack, clusterArn, 'group');
  // A consumer is the sink ESM too: the Lambda MSK-IAM documentation lists DescribeClusterDynamicConfiguration for it.
  const clusterActions = ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'];
  if (role === 'consumer') clusterActions.push('kafka-cluster:DescribeClusterDynamicConfiguration');
  const out = [new PolicyStatement({ actions: clusterActions, resources: [clusterArn] })];
  if (role === 'consumer') {
    out.push(new PolicyStatement({ actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData', 'kafka-cluster:CreateTopic'], resources: [topics] }));
    out.push(new PolicyStatement({ actions: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'], resources: [groups] }));
  } else {
    out.push(new PolicyStatement({ actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData', 'kafka-cluster:CreateTopic'], resources: [topics] }));
  }
  return out;
}

/**
 * The offsets endpoints' admin calls on sink consumer groups (OffsetFetch, OffsetCommit, DeleteGroups, ListOffsets):
 * only groups named connect-*, and topic metadata.
 */
export function mskGroupAdminStatements(stack: Stack, clusterArn: string): PolicyStatement[] {
  return [
    new PolicyStatement({ actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], resources: [clusterArn] }),
    new PolicyStatement({ actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], resources: [mskResourceArn(stack, clusterArn, 'topic')] }),
    new PolicyStatement({ actions: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup', 'kafka-cluster:DeleteGroup'], resources: [mskResourceArn(stack, clusterArn, 'group', 'connect-*')] }),
  ];
}

/**
 * Listing topics for topics.regex: MSK's ListTopics API needs kafka-cluster:Connect and kafka-cluster:DescribeTopic
 * besides kafka:ListTopics, and the Kafka-protocol fallback (Metadata request) needs the same two.
 */
export function mskTopicListStatements(stack: Stack, clusterArn: string): PolicyStatement[] {
  return [
    new PolicyStatement({ actions: ['kafka:DescribeClusterV2', 'kafka:ListTopics', 'kafka-cluster:Connect'], resources: [clusterArn] }),
    new PolicyStatement({ actions: ['kafka-cluster:DescribeTopic'], resources: [mskResourceArn(stack, clusterArn, 'topic')] }),
  ];
}

/**
 * What AWSLambdaMSKExecutionRole grants on the cluster: the describe actions scoped to this one cluster, and
 * GetBootstrapBrokers on `*`, the only resource it can have (the Service Authorization Reference lists no resource type
 * for it, so a statement naming the cluster never matches the request).
 */
export function mskControlStatements(clusterArn: string): PolicyStatement[] {
  return [
    new PolicyStatement({ actions: ['kafka:DescribeClusterV2', 'kafka:DescribeCluster'], resources: [clusterArn] }),
    new PolicyStatement({ actions: ['kafka:GetBootstrapBrokers'], resources: ['*'] }),
  ];
}

/** The ENI actions a function in a VPC (and a Kafka ESM's pollers) need; EC2 offers no resource-level scope for them. */
export const VPC_ENI_ACTIONS: readonly string[] = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'ec2:DescribeVpcs',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
];

export function vpcEniStatement(): PolicyStatement {
  return new PolicyStatement({ actions: [...VPC_ENI_ACTIONS], resources: ['*'] });
}

/** kms:Decrypt on the SCRAM secret's customer-managed key, only when Secrets Manager asks on the role's behalf. */
export function secretKeyStatement(stack: Stack, keyArn: string): PolicyStatement {
  return new PolicyStatement({
    actions: ['kms:Decrypt'],
    resources: [keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.${stack.urlSuffix}` } },
  });
}

/** secretsmanager:GetSecretValue on secrets named `<prefix>*` (and the SCRAM secret, when there is one). */
export function secretsStatement(stack: Stack, prefix: string, extra: readonly string[] = []): PolicyStatement {
  const byPrefix = stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${prefix}*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  return new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [byPrefix, ...extra] });
}
