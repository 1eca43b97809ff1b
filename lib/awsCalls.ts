// Every AWS call Sluice makes, by the role that is authorized for it: the functions' own SDK calls, what Lambda does
// as the function's role (ENIs, logs, the event source mappings' polling), and the Kafka-protocol calls that MSK
// authorizes with IAM. test/lib/iamSimulation.test.ts evaluates each row against the synthesized role policies with an
// IAM policy evaluator; test/lib/awsCallsInCode.test.ts checks the `sdk` rows against the commands the code sends.
import type { KafkaAuthMode } from './stackInputs.js';

/**
 * The roles of the stack: the four functions' execution roles, the two EventBridge Scheduler roles, the deploy-time
 * custom resource that reads the MSK bootstrap brokers (lib/BootstrapBrokers.ts), and the cleanup custom resource's
 * function and its Provider framework function (lib/Cleanup.ts).
 */
export type CallerRole = 'api' | 'controller' | 'sink' | 'source' | 'scheduler' | 'resync' | 'brokers' | 'cleanup' | 'cleanupProvider';

/**
 * Who makes the call: the function's code through the AWS SDK (`sdk`), its Kafka client against MSK with IAM auth
 * (`kafka`), an event source mapping polling for the function (`esm`), Lambda itself for the function (`lambda`:
 * VPC ENIs, logs), Secrets Manager decrypting a secret for the caller (`secretsmanager`), EventBridge Scheduler
 * invoking a target (`scheduler`), a deploy-time custom resource (`deploy`), or iam:PassRole checked as part of an SDK
 * call that hands a role to a service (`passrole`: CreateSchedule/UpdateSchedule with the scheduler role).
 */
export type Via = 'sdk' | 'kafka' | 'esm' | 'lambda' | 'secretsmanager' | 'scheduler' | 'deploy' | 'passrole';

/** The deployment a call depends on. */
export interface Deployment {
  readonly kafka: 'msk' | 'self-managed';
  readonly auth: KafkaAuthMode;
  /** The SCRAM secret is encrypted with a customer-managed key (required on MSK). */
  readonly secretKey: boolean;
}

/** Concrete names and ARNs of the deployed resources a call names. */
export interface CallTargets {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly urlSuffix: string;
  readonly table: string;
  readonly tableStream: string;
  readonly sinkFunction: string;
  readonly sourceFunction: string;
  readonly controllerFunction: string;
  readonly cleanupFunction: string;
  readonly schedulerRole: string;
  readonly scheduleGroup: string;
  readonly failureQueue: string;
  readonly secretPrefix: string;
  /** The stack's key sealing password-type config values (lib/ConfigKey.ts). */
  readonly configKey: string;
  readonly logGroups: Readonly<Record<'api' | 'controller' | 'sink' | 'source' | 'cleanup', string>>;
  readonly cluster?: string;
  readonly secret?: string;
  readonly secretKey?: string;
}

export interface AwsCall {
  readonly role: CallerRole;
  readonly via: Via;
  readonly action: string;
  readonly resource: (t: CallTargets) => string;
  /** Request context keys the call carries (only keys the Service Authorization Reference lists for the action). */
  readonly context?: (t: CallTargets) => Readonly<Record<string, string>>;
  readonly when?: (d: Deployment) => boolean;
}

/** Example run-time names: pipeline `orders` → alias, schedule, consumer group, topic. */
export const EXAMPLE = { alias: 'p-orders', schedule: 's-orders', group: 'connect-orders', topic: 'orders', esm: '6d5a4c3b-2a19-4f08-b7e6-d5c4b3a29180', glueRegistry: 'default-registry' } as const;

const arn = (t: CallTargets, service: string, resource: string) => `arn:${t.partition}:${service}:${t.region}:${t.account}:${resource}`;
/** arn:…:cluster/<name>/<uuid> → arn:…:<kind>/<name>/<uuid>/<item> */
const clusterItem = (t: CallTargets, kind: 'topic' | 'group', item: string) => `${(t.cluster ?? '').replace(':cluster/', `:${kind}/`)}/${item}`;
const msk = (d: Deployment) => d.kafka === 'msk';
const iam = (d: Deployment) => d.auth === 'iam';
const scram = (d: Deployment) => d.auth === 'scram';
const scramKey = (d: Deployment) => d.auth === 'scram' && d.secretKey;
const aliasArn = (t: CallTargets) => `${t.sinkFunction}:${EXAMPLE.alias}`;
const esmArn = (t: CallTargets) => arn(t, 'lambda', `event-source-mapping:${EXAMPLE.esm}`);
const viaSecrets = (t: CallTargets) => ({ 'kms:ViaService': `secretsmanager.${t.region}.${t.urlSuffix}` });

type Row = Omit<AwsCall, 'role'>;
const rows = (role: CallerRole, list: readonly Row[]): AwsCall[] => list.map((r) => ({ role, ...r }));

/** DynamoPipelineStore: the pipeline table's items (configs, statuses, offsets, leases). */
const STORE: Row[] = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan'].map((a) => ({ via: 'sdk', action: `dynamodb:${a}`, resource: (t) => t.table }));

/** Lambda in a VPC creates and removes the function's ENIs as its role (AWSLambdaVPCAccessExecutionRole). */
const ENI: Row[] = [
  { via: 'lambda', action: 'ec2:CreateNetworkInterface', resource: (t) => arn(t, 'ec2', 'network-interface/eni-0123456789abcdef0') },
  { via: 'lambda', action: 'ec2:DeleteNetworkInterface', resource: (t) => arn(t, 'ec2', 'network-interface/eni-0123456789abcdef0') },
  { via: 'lambda', action: 'ec2:AssignPrivateIpAddresses', resource: (t) => arn(t, 'ec2', 'network-interface/eni-0123456789abcdef0') },
  { via: 'lambda', action: 'ec2:UnassignPrivateIpAddresses', resource: (t) => arn(t, 'ec2', 'network-interface/eni-0123456789abcdef0') },
  { via: 'lambda', action: 'ec2:DescribeNetworkInterfaces', resource: () => '*' },
];

const logs = (fn: keyof CallTargets['logGroups']): Row[] =>
  ['logs:CreateLogStream', 'logs:PutLogEvents'].map((action) => ({ via: 'lambda', action, resource: (t) => `${t.logGroups[fn].replace(/:\*$/, '')}:log-stream:2026/01/01/[$LATEST]0123` }));

/** The SCRAM secret, read by the caller's code (or its ESM), decrypted by Secrets Manager with the caller's role. */
const SCRAM_SECRET: Row[] = [
  { via: 'sdk', action: 'secretsmanager:GetSecretValue', resource: (t) => t.secret ?? '', when: scram },
  { via: 'secretsmanager', action: 'kms:Decrypt', resource: (t) => t.secretKey ?? '', context: viaSecrets, when: scramKey },
];

/** A kafkajs producer on MSK with IAM auth (sink dead-letter queue, source records). */
const PRODUCER: Row[] = [
  { via: 'kafka', action: 'kafka-cluster:Connect', resource: (t) => t.cluster ?? '', when: iam },
  { via: 'kafka', action: 'kafka-cluster:WriteDataIdempotently', resource: (t) => t.cluster ?? '', when: iam },
  { via: 'kafka', action: 'kafka-cluster:DescribeTopic', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: iam },
  { via: 'kafka', action: 'kafka-cluster:WriteData', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: iam },
  { via: 'kafka', action: 'kafka-cluster:CreateTopic', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: iam },
];

/** Pipeline secrets named in config (`${secretsmanager:<prefix>…}`). */
const PIPELINE_SECRET: Row = { via: 'sdk', action: 'secretsmanager:GetSecretValue', resource: (t) => arn(t, 'secretsmanager', `secret:${t.secretPrefix}shop-AbCdEf`) };

/**
 * Password-type config values sealed by the api and opened by the tasks with the stack's key (lib/ConfigKey.ts). The
 * requests also carry kms:EncryptionContext:sluice:pipeline (the pipeline name, lambdas/runtime/config/sealing.ts);
 * no row lists it because the grants do not condition on it, and the evaluator (@cloud-copilot/iam-simulate) drops
 * `kms:EncryptionContext:<key>` keys (it matches only `prefix/<key>` variable keys), so it could not check one anyway.
 */
const SEAL: Row = { via: 'sdk', action: 'kms:Encrypt', resource: (t) => t.configKey };
const OPEN: Row = { via: 'sdk', action: 'kms:Decrypt', resource: (t) => t.configKey };

/**
 * The sink's MSK event source mappings poll as the function role. Lambda developer guide, "Configuring Lambda
 * permissions for Amazon MSK event source mappings" (with-msk-permissions) and its MSK IAM section:
 * kafka:DescribeClusterV2, kafka:GetBootstrapBrokers, the VPC ENI actions, and with IAM auth kafka-cluster:Connect,
 * DescribeClusterDynamicConfiguration, DescribeGroup, AlterGroup, DescribeTopic, ReadData.
 */
const SINK_ESM: Row[] = [
  { via: 'esm', action: 'kafka:DescribeClusterV2', resource: (t) => t.cluster ?? '', when: msk },
  { via: 'esm', action: 'kafka:GetBootstrapBrokers', resource: () => '*', when: msk },
  { via: 'esm', action: 'ec2:CreateNetworkInterface', resource: (t) => arn(t, 'ec2', 'network-interface/eni-0fedcba9876543210') },
  { via: 'esm', action: 'ec2:DescribeNetworkInterfaces', resource: () => '*' },
  { via: 'esm', action: 'ec2:DescribeVpcs', resource: () => '*' },
  { via: 'esm', action: 'ec2:DescribeSubnets', resource: () => '*' },
  { via: 'esm', action: 'ec2:DescribeSecurityGroups', resource: () => '*' },
  { via: 'esm', action: 'ec2:DeleteNetworkInterface', resource: (t) => arn(t, 'ec2', 'network-interface/eni-0fedcba9876543210') },
  { via: 'esm', action: 'kafka-cluster:Connect', resource: (t) => t.cluster ?? '', when: iam },
  { via: 'esm', action: 'kafka-cluster:DescribeClusterDynamicConfiguration', resource: (t) => t.cluster ?? '', when: iam },
  { via: 'esm', action: 'kafka-cluster:DescribeGroup', resource: (t) => clusterItem(t, 'group', EXAMPLE.group), when: iam },
  { via: 'esm', action: 'kafka-cluster:AlterGroup', resource: (t) => clusterItem(t, 'group', EXAMPLE.group), when: iam },
  { via: 'esm', action: 'kafka-cluster:DescribeTopic', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: iam },
  { via: 'esm', action: 'kafka-cluster:ReadData', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: iam },
  // The ESM reads the SCRAM secret as the function role; Secrets Manager decrypts it with the same role (the
  // kms:Decrypt row of SCRAM_SECRET covers both readers).
  { via: 'esm', action: 'secretsmanager:GetSecretValue', resource: (t) => t.secret ?? '', when: scram },
];

const CONTROLLER: Row[] = [
  ...STORE,
  { via: 'sdk', action: 'lambda:GetAlias', resource: aliasArn },
  { via: 'sdk', action: 'lambda:CreateAlias', resource: (t) => t.sinkFunction },
  { via: 'sdk', action: 'lambda:UpdateAlias', resource: aliasArn },
  { via: 'sdk', action: 'lambda:DeleteAlias', resource: aliasArn },
  { via: 'sdk', action: 'lambda:CreateEventSourceMapping', resource: () => '*', context: (t) => ({ 'lambda:FunctionArn': aliasArn(t) }) },
  // No resource type and no condition key: the request carries no lambda:FunctionArn.
  { via: 'sdk', action: 'lambda:ListEventSourceMappings', resource: () => '*' },
  { via: 'sdk', action: 'lambda:UpdateEventSourceMapping', resource: esmArn, context: (t) => ({ 'lambda:FunctionArn': aliasArn(t) }) },
  { via: 'sdk', action: 'lambda:DeleteEventSourceMapping', resource: esmArn, context: (t) => ({ 'lambda:FunctionArn': aliasArn(t) }) },
  ...['GetSchedule', 'CreateSchedule', 'UpdateSchedule', 'DeleteSchedule'].map(
    (a): Row => ({ via: 'sdk', action: `scheduler:${a}`, resource: (t) => arn(t, 'scheduler', `schedule/${t.scheduleGroup}/${EXAMPLE.schedule}`) }),
  ),
  { via: 'passrole', action: 'iam:PassRole', resource: (t) => t.schedulerRole, context: () => ({ 'iam:PassedToService': 'scheduler.amazonaws.com' }) },
  { via: 'sdk', action: 'kafka:DescribeClusterV2', resource: (t) => t.cluster ?? '', when: msk },
  // MSK ListTopics (provisioned, Kafka 3.6 on) needs kafka-cluster:Connect and DescribeTopic too (MSK API Reference,
  // ListTopics); the Kafka-protocol fallback (Metadata) needs the same two.
  { via: 'sdk', action: 'kafka:ListTopics', resource: (t) => t.cluster ?? '', when: msk },
  { via: 'kafka', action: 'kafka-cluster:Connect', resource: (t) => t.cluster ?? '', when: msk },
  { via: 'kafka', action: 'kafka-cluster:DescribeTopic', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: msk },
  ...SCRAM_SECRET,
  // The table stream's mapping reads as the controller role; failed batches go to the failure queue.
  { via: 'esm', action: 'dynamodb:DescribeStream', resource: (t) => t.tableStream },
  { via: 'esm', action: 'dynamodb:GetRecords', resource: (t) => t.tableStream },
  { via: 'esm', action: 'dynamodb:GetShardIterator', resource: (t) => t.tableStream },
  { via: 'esm', action: 'dynamodb:ListStreams', resource: () => '*' },
  { via: 'esm', action: 'sqs:SendMessage', resource: (t) => t.failureQueue },
  ...ENI,
  ...logs('controller'),
];

const API: Row[] = [
  ...STORE,
  { via: 'sdk', action: 'lambda:GetEventSourceMapping', resource: esmArn, context: (t) => ({ 'lambda:FunctionArn': aliasArn(t) }) },
  { via: 'sdk', action: 'cloudwatch:GetMetricData', resource: () => '*' },
  SEAL,
  ...SCRAM_SECRET,
  // The offsets endpoints' admin client on the sink consumer groups.
  { via: 'kafka', action: 'kafka-cluster:Connect', resource: (t) => t.cluster ?? '', when: iam },
  { via: 'kafka', action: 'kafka-cluster:DescribeCluster', resource: (t) => t.cluster ?? '', when: iam },
  { via: 'kafka', action: 'kafka-cluster:DescribeTopic', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: iam },
  { via: 'kafka', action: 'kafka-cluster:ReadData', resource: (t) => clusterItem(t, 'topic', EXAMPLE.topic), when: iam },
  ...['DescribeGroup', 'AlterGroup', 'DeleteGroup'].map((a): Row => ({ via: 'kafka', action: `kafka-cluster:${a}`, resource: (t) => clusterItem(t, 'group', EXAMPLE.group), when: iam })),
  ...ENI,
  ...logs('api'),
];

/**
 * The Glue converter (lambdas/adapters/aws/GlueSdkRegistry.ts): GetSchemaVersion by version id (no registry or schema
 * in the request: `*`), GetSchemaByDefinition and RegisterSchemaVersion on the schema (arn:…:schema/<registry>/<name>),
 * CreateSchema in the registry. Service Authorization Reference, "Actions, resources, and condition keys for AWS Glue".
 */
const GLUE: Row[] = [
  { via: 'sdk', action: 'glue:GetSchemaVersion', resource: () => '*' },
  { via: 'sdk', action: 'glue:GetSchemaByDefinition', resource: (t) => arn(t, 'glue', `schema/${EXAMPLE.glueRegistry}/${EXAMPLE.topic}`) },
  { via: 'sdk', action: 'glue:RegisterSchemaVersion', resource: (t) => arn(t, 'glue', `schema/${EXAMPLE.glueRegistry}/${EXAMPLE.topic}`) },
  { via: 'sdk', action: 'glue:CreateSchema', resource: (t) => arn(t, 'glue', `registry/${EXAMPLE.glueRegistry}`) },
];

const TASK = (fn: 'sink' | 'source'): Row[] => [...STORE, PIPELINE_SECRET, OPEN, ...SCRAM_SECRET, ...PRODUCER, ...GLUE, ...ENI, ...logs(fn)];

/**
 * On stack delete (lambdas/cleanup/cleanup.ts): the sink function's aliases, the ESMs of the function and of each
 * pipeline alias, the schedules of the group. Not in a VPC: no ENI calls.
 */
const CLEANUP: Row[] = [
  { via: 'sdk', action: 'lambda:ListAliases', resource: (t) => t.sinkFunction },
  { via: 'sdk', action: 'lambda:ListEventSourceMappings', resource: () => '*' },
  { via: 'sdk', action: 'lambda:DeleteEventSourceMapping', resource: esmArn, context: (t) => ({ 'lambda:FunctionArn': aliasArn(t) }) },
  { via: 'sdk', action: 'lambda:DeleteAlias', resource: aliasArn },
  // ListSchedules has no resource type (Service Authorization Reference, EventBridge Scheduler).
  { via: 'sdk', action: 'scheduler:ListSchedules', resource: () => '*' },
  { via: 'sdk', action: 'scheduler:DeleteSchedule', resource: (t) => arn(t, 'scheduler', `schedule/${t.scheduleGroup}/${EXAMPLE.schedule}`) },
  ...logs('cleanup'),
];

export const AWS_CALLS: readonly AwsCall[] = [
  ...rows('api', API),
  ...rows('controller', CONTROLLER),
  ...rows('sink', [...TASK('sink'), ...SINK_ESM]),
  ...rows('source', TASK('source')),
  ...rows('scheduler', [{ via: 'scheduler', action: 'lambda:InvokeFunction', resource: (t) => t.sourceFunction }]),
  ...rows('resync', [{ via: 'scheduler', action: 'lambda:InvokeFunction', resource: (t) => t.controllerFunction }]),
  ...rows('brokers', [{ via: 'deploy', action: 'kafka:GetBootstrapBrokers', resource: () => '*', when: msk }]),
  ...rows('cleanup', CLEANUP),
  // The Provider framework's onEvent function invokes the cleanup function on each stack operation.
  ...rows('cleanupProvider', [{ via: 'deploy', action: 'lambda:InvokeFunction', resource: (t) => t.cleanupFunction }]),
];

/** The calls a role makes in one deployment. */
export function callsOf(role: CallerRole, d: Deployment): AwsCall[] {
  return AWS_CALLS.filter((c) => c.role === role && (c.when?.(d) ?? true));
}
