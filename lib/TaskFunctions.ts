// The sink-task and source-task functions: Node.js 22 on arm64 in the cluster's VPC, IAM limited to one cluster,
// one table and one secret prefix. The controller points per-pipeline aliases, ESMs and schedules at them.
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecurityGroup, IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { METRIC_SERVICE, METRICS_NAMESPACE } from '../lambdas/runtime/metricSchema.js';
import { KAFKA_ESM_MAX_TIMEOUT } from './bundling.js';
import { glueResourceArns, glueSchemaStatements } from './glueIam.js';
import { mskControlStatements, mskResourceArn, mskDataStatements, secretKeyStatement, secretsStatement, vpcEniStatement } from './kafkaIam.js';
import { acknowledge, defaultPolicy, iam5 } from './nag.js';
import type { BundledPluginPackage } from './pluginBundle.js';
import { SluiceFunction } from './SluiceFunction.js';
import type { KafkaConnection } from './stackInputs.js';

/** The OpenSearch HTTP methods the sink's client sends: GET / (info), HEAD and PUT of an index, POST _bulk. */
const OPENSEARCH_HTTP_ACTIONS = ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut'];

/** Domain names in the stack's account and Region become domain ARNs; ARNs are kept. */
export function openSearchDomainArns(stack: Stack, domains: readonly string[]): string[] {
  return domains.map((d) => (d.startsWith('arn:') ? d : stack.formatArn({ service: 'es', resource: 'domain', resourceName: d, arnFormat: ArnFormat.SLASH_RESOURCE_NAME })));
}

/** The task functions' memory when the stack is not told otherwise (MB); bench/cost.bench.ts prices it. */
export const TASK_MEMORY_MB = 1024;

/**
 * NODE_OPTIONS of the task functions: source maps, and a young generation sized for a batch. A task keeps a whole
 * batch of records alive while it converts, transforms and writes them; with V8's default semi-space (16 MB) every
 * scavenge copies that batch, and bench/cpuPerRecord.bench.ts measured a quarter of the CPU in the garbage collector.
 * 64 MB semi-spaces (a sixteenth of the memory, 16 to 64 MB) brought it to a few percent.
 */
export function taskNodeOptions(memorySize: number): string {
  const semiSpaceMb = Math.max(16, Math.min(64, Math.floor(memorySize / 16)));
  return `--enable-source-maps --max-semi-space-size=${semiSpaceMb}`;
}

export interface TaskFunctionsProps {
  readonly table: ITable;
  readonly kafka: KafkaConnection;
  /** Bootstrap brokers for the tasks (the source producer and the sink's DLQ producer). */
  readonly brokers: string;
  readonly vpc: IVpc;
  readonly subnets: SubnetSelection;
  readonly securityGroups: readonly ISecurityGroup[];
  /** Secrets the tasks may read: names starting with this. */
  readonly secretPrefix: string;
  /** @default 'lambdas/sink/index.ts' */
  readonly sinkEntry?: string;
  /** @default 'lambdas/source/index.ts' */
  readonly sourceEntry?: string;
  /** At most 14 minutes, the Kafka ESM limit. @default Duration.minutes(5) */
  readonly sinkTimeout?: Duration;
  /** @default Duration.minutes(5) */
  readonly sourceTimeout?: Duration;
  /** @default 1024 */
  readonly memorySize?: number;
  /** Glue schema registries the tasks may register written schemas in. @default ['*'] */
  readonly glueRegistries?: readonly string[];
  /** Amazon OpenSearch Service domains (names or ARNs) the sink writes to with SigV4. */
  readonly openSearchDomains?: readonly string[];
  /** Plugin-path packages, each a chunk a task imports only for a pipeline that uses it. @default none */
  readonly plugins?: readonly BundledPluginPackage[];
}

export class TaskFunctions extends Construct {
  readonly sink: LambdaFunction;
  readonly source: LambdaFunction;

  constructor(scope: Construct, id: string, props: TaskFunctionsProps) {
    super(scope, id);
    const sinkTimeout = props.sinkTimeout ?? Duration.minutes(5);
    if (sinkTimeout.toSeconds() > KAFKA_ESM_MAX_TIMEOUT.toSeconds()) throw new Error('Sluice: sinkTimeout must be at most 14 minutes (the Kafka event source mapping limit)');
    const { kafka } = props;
    const environment: Record<string, string> = {
      SLUICE_TABLE_NAME: props.table.tableName,
      KAFKA_BROKERS: props.brokers,
      KAFKA_AUTH: kafka.auth,
      KAFKA_SSL: kafka.auth === 'none' && !kafka.clusterArn ? 'false' : 'true',
      ...(kafka.clusterArn ? { KAFKA_CLUSTER_ARN: kafka.clusterArn } : {}),
      ...(kafka.secretArn ? { KAFKA_SASL_SECRET_ARN: kafka.secretArn } : {}),
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    };
    const vpc = { vpc: props.vpc, subnets: props.subnets, securityGroups: props.securityGroups };
    const memorySize = props.memorySize ?? TASK_MEMORY_MB;
    environment['NODE_OPTIONS'] = taskNodeOptions(memorySize);
    const sink = new SluiceFunction(this, 'Sink', {
      entry: props.sinkEntry ?? 'lambdas/sink/index.ts',
      description: 'Sluice sink task: one MSK ESM batch -> converters, SMTs, batch write',
      timeout: sinkTimeout,
      memorySize,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: METRIC_SERVICE.sink },
      vpc,
      ...(props.plugins ? { plugins: props.plugins } : {}),
    });
    const source = new SluiceFunction(this, 'Source', {
      entry: props.sourceEntry ?? 'lambdas/source/index.ts',
      description: 'Sluice source task: one schedule tick -> query new rows, produce, save offsets',
      timeout: props.sourceTimeout ?? Duration.minutes(5),
      memorySize,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: METRIC_SERVICE.source },
      vpc,
      ...(props.plugins ? { plugins: props.plugins } : {}),
    });
    // A missed tick is not retried: the next tick polls from the saved offsets.
    source.fn.configureAsyncInvoke({ retryAttempts: 0 });
    const stack = Stack.of(this);
    const secrets = secretsStatement(stack, props.secretPrefix, kafka.secretArn ? [kafka.secretArn] : []);
    for (const [task, role] of [
      [sink, 'consumer'],
      [source, 'producer'],
    ] as const) {
      props.table.grantReadWriteData(task.role);
      task.role.addToPolicy(vpcEniStatement());
      task.role.addToPolicy(secrets);
      // The SCRAM secret's key: the task's own producer reads the secret, and so does the sink's ESM, as the function role.
      if (kafka.secretKeyArn) task.role.addToPolicy(secretKeyStatement(stack, kafka.secretKeyArn));
      for (const s of glueSchemaStatements(stack, props.glueRegistries ?? ['*'])) task.role.addToPolicy(s);
      if (kafka.clusterArn) {
        for (const s of mskControlStatements(kafka.clusterArn)) task.role.addToPolicy(s);
        if (kafka.auth === 'iam') for (const s of mskDataStatements(stack, kafka.clusterArn, role)) task.role.addToPolicy(s);
      }
      this.acknowledgeScopedWildcards(defaultPolicy(task.role), stack, props, role);
    }
    if (props.openSearchDomains && props.openSearchDomains.length > 0) {
      const domains = openSearchDomainArns(stack, props.openSearchDomains);
      const paths = domains.map((d) => `${d}/*`);
      sink.role.addToPolicy(new PolicyStatement({ actions: OPENSEARCH_HTTP_ACTIONS, resources: [...domains, ...paths] }));
      for (const p of paths) acknowledge(defaultPolicy(sink.role), iam5(defaultPolicy(sink.role), p), 'The OpenSearch sink writes to indices named at run time (one per topic); the grant covers only the paths of the named domains');
    }
    this.sink = sink.fn;
    this.source = source.fn;
  }

  private acknowledgeScopedWildcards(policy: Construct, stack: Stack, props: TaskFunctionsProps, role: 'consumer' | 'producer'): void {
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', 'EC2 ENI actions (CreateNetworkInterface, Describe*) and kafka:GetBootstrapBrokers have no resource-level permissions; Lambda and the MSK event source mapping need them');
    acknowledge(policy, iam5(policy, secretsStatement(stack, props.secretPrefix).resources[0]), 'Pipelines name their secrets in config (${secretsmanager:...}); access is limited to the configured name prefix');
    for (const arn of glueResourceArns(stack, props.glueRegistries ?? ['*'])) {
      if (arn.includes('*')) acknowledge(policy, iam5(policy, arn), 'Glue converter: written schemas are named by topic at run time; the grant covers the schemas of the configured registries (stack input glueRegistries) in this account and Region');
    }
    const clusterArn = props.kafka.clusterArn;
    if (!clusterArn || props.kafka.auth !== 'iam') return;
    acknowledge(policy, iam5(policy, mskResourceArn(stack, clusterArn, 'topic')), 'Pipelines choose their topics at run time; the grant covers only topics of this one cluster');
    if (role === 'consumer') acknowledge(policy, iam5(policy, mskResourceArn(stack, clusterArn, 'group')), 'Consumer groups are connect-<pipeline>, created at run time; the grant covers only groups of this one cluster');
  }
}
