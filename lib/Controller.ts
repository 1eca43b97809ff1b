// The controller: a Lambda on the pipeline table's stream (CONFIG and STATUS items only) that reconciles aliases,
// ESMs and schedules, plus a periodic resync that re-expands topics.regex pipelines.
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecurityGroup, IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, type IFunction, type Function as LambdaFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnScheduleGroup, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { controllerStatements } from './controllerIam.js';
import { mskResourceArn, secretKeyStatement, vpcEniStatement } from './kafkaIam.js';
import { acknowledge, defaultPolicy, iam5, qualifiedArnFinding } from './nag.js';
import { SluiceFunction } from './SluiceFunction.js';
import type { KafkaConnection, NetworkInputs } from './stackInputs.js';

export interface ControllerProps {
  readonly table: ITable;
  readonly sinkFunction: IFunction;
  readonly sourceFunction: IFunction;
  readonly kafka: KafkaConnection;
  /** Subnets and security groups for self-managed Kafka ESMs (MSK ESMs use the cluster's own). */
  readonly network: NetworkInputs;
  /**
   * Where the controller runs and which brokers it reaches: topics.regex on MSK Serverless, older provisioned MSK and
   * self-managed Kafka lists topics over the Kafka protocol (there is no MSK ListTopics there).
   */
  readonly kafkaAccess: { readonly brokers: string; readonly vpc: IVpc; readonly subnets: SubnetSelection; readonly securityGroups: readonly ISecurityGroup[] };
  /** @default 'lambdas/controller/index.ts' */
  readonly entry?: string;
  /** How often every pipeline is reconciled again (new topics for topics.regex, drift). @default Duration.minutes(5) */
  readonly resyncInterval?: Duration;
  /** Stream retries before a batch goes to the failure queue. @default 10 */
  readonly retryAttempts?: number;
}

export class Controller extends Construct {
  readonly fn: LambdaFunction;
  readonly failureQueue: Queue;
  readonly schedulerRole: Role;
  readonly scheduleGroupName: string;

  constructor(scope: Construct, id: string, props: ControllerProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const group = new CfnScheduleGroup(this, 'PipelineSchedules', { name: `${stack.stackName}-pipelines`.slice(0, 64) });
    this.scheduleGroupName = group.ref;
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'EventBridge Scheduler invokes the Sluice source-task function',
    });
    props.sourceFunction.grantInvoke(this.schedulerRole);
    const { kafka, network } = props;
    const fn = new SluiceFunction(this, 'Controller', {
      entry: props.entry ?? 'lambdas/controller/index.ts',
      description: 'Sluice controller: pipeline table stream -> aliases, MSK ESMs, schedules',
      timeout: Duration.minutes(2),
      memorySize: 256,
      environment: {
        SLUICE_TABLE_NAME: props.table.tableName,
        SLUICE_SINK_FUNCTION_ARN: props.sinkFunction.functionArn,
        SLUICE_SOURCE_FUNCTION_ARN: props.sourceFunction.functionArn,
        SLUICE_SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
        SLUICE_SCHEDULE_GROUP: this.scheduleGroupName,
        KAFKA_AUTH: kafka.auth,
        ...(kafka.clusterArn ? { KAFKA_CLUSTER_ARN: kafka.clusterArn } : { KAFKA_BOOTSTRAP_SERVERS: (kafka.bootstrapServers ?? []).join(',') }),
        ...(kafka.secretArn ? { KAFKA_SASL_SECRET_ARN: kafka.secretArn } : {}),
        SLUICE_SUBNET_IDS: network.subnetIds.join(','),
        SLUICE_SECURITY_GROUP_IDS: network.securityGroupIds.join(','),
        KAFKA_BROKERS: props.kafkaAccess.brokers,
        KAFKA_SSL: kafka.auth === 'none' && !kafka.clusterArn ? 'false' : 'true',
      },
      vpc: props.kafkaAccess,
    });
    this.fn = fn.fn;
    props.table.grantReadWriteData(fn.role);
    const iam = { sinkFunctionArn: props.sinkFunction.functionArn, schedulerRoleArn: this.schedulerRole.roleArn, scheduleGroup: this.scheduleGroupName };
    for (const s of controllerStatements(stack, { ...iam, ...(kafka.clusterArn ? { clusterArn: kafka.clusterArn } : {}) })) fn.role.addToPolicy(s);
    fn.role.addToPolicy(vpcEniStatement());
    if (kafka.secretArn) fn.role.addToPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [kafka.secretArn] }));
    if (kafka.secretKeyArn) fn.role.addToPolicy(secretKeyStatement(stack, kafka.secretKeyArn));

    this.failureQueue = new Queue(this, 'StreamFailures', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 20,
        retryAttempts: props.retryAttempts ?? 10,
        bisectBatchOnError: true,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.failureQueue),
        filters: [FilterCriteria.filter({ dynamodb: { Keys: { SK: { S: FilterRule.or('CONFIG', 'STATUS') } } } })],
      }),
    );
    const resyncRole = new Role(this, 'ResyncRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'EventBridge Scheduler invokes the Sluice controller to resync every pipeline',
    });
    new Schedule(this, 'Resync', {
      schedule: ScheduleExpression.rate(props.resyncInterval ?? Duration.minutes(5)),
      description: 'Sluice: reconcile every pipeline again (topics.regex, drift)',
      target: new LambdaInvoke(this.fn, { input: ScheduleTargetInput.fromObject({ sluice: 'resync' }), retryAttempts: 0, role: resyncRole }),
    });
    this.acknowledgeFindings(fn.role, resyncRole, props);
  }

  private acknowledgeFindings(role: Role, resyncRole: Role, props: ControllerProps): void {
    const policy = defaultPolicy(role);
    acknowledge(
      policy,
      'AwsSolutions-IAM5[Resource::*]',
      'CreateEventSourceMapping/ListEventSourceMappings take no resource ARN (the create is scoped by the lambda:FunctionArn condition to the sink function; the list has no condition key), DynamoDB ListStreams and the EC2 ENI actions have no resource-level permission',
    );
    if (props.kafka.clusterArn) acknowledge(policy, iam5(policy, mskResourceArn(Stack.of(this), props.kafka.clusterArn, 'topic')), 'topics.regex lists the topics of this one cluster (DescribeTopic only)');
    acknowledge(policy, qualifiedArnFinding(props.sinkFunction), 'The controller creates one alias per pipeline on the sink function; aliases are named at run time');
    const esms = Stack.of(this).formatArn({ service: 'lambda', resource: 'event-source-mapping', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    acknowledge(policy, iam5(policy, esms), 'ESM UUIDs are assigned at run time; the lambda:FunctionArn condition limits changes to ESMs of the sink function');
    const schedules = Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.scheduleGroupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    acknowledge(policy, iam5(policy, schedules), 'One schedule per source pipeline, named at run time, only in the stack\'s own schedule group');
    acknowledge(defaultPolicy(this.schedulerRole), qualifiedArnFinding(props.sourceFunction), 'grantInvoke covers the function and its versions/aliases; schedules target the unqualified function');
    acknowledge(defaultPolicy(resyncRole), qualifiedArnFinding(this.fn), 'grantInvoke covers the function and its versions/aliases; the resync schedule targets the unqualified function');
    acknowledge(this.failureQueue, 'AwsSolutions-SQS3', 'This queue is itself the on-failure destination (dead letter queue) of the controller\'s stream mapping');
  }
}
