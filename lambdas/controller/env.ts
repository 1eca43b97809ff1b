// The controller function's settings, read from its environment in one place (names set by lib/Controller.ts).
import type { KafkaSource } from '../adapters/aws/kafkaSource.js';
import { kafkaAuthOf, listOf, readKafkaEnv } from '../adapters/kafka/kafkaEnv.js';

export interface ControllerEnv {
  readonly tableName: string;
  readonly workerId: string;
  readonly sinkFunctionArn: string;
  readonly sourceFunctionArn: string;
  readonly schedulerRoleArn: string;
  readonly scheduleGroup: string;
  readonly kafka: KafkaSource;
  /** Brokers for listing topics over the Kafka protocol (topics.regex without MSK ListTopics); empty = none. */
  readonly kafkaBrokers: readonly string[];
  readonly kafkaSsl: boolean;
  readonly region: string | undefined;
}

function required(env: NodeJS.ProcessEnv, key: string, what: string): string {
  const v = env[key];
  if (!v) throw new Error(`${key} is not set: the controller needs ${what}`);
  return v;
}

function kafkaOf(env: NodeJS.ProcessEnv): KafkaSource {
  // The one KAFKA_AUTH reader and default (none). For MSK, none and iam make the same ESM: it signs with the
  // function's role when no SASL/SCRAM secret is given.
  const auth = kafkaAuthOf(env['KAFKA_AUTH']);
  const secretArn = env['KAFKA_SASL_SECRET_ARN'];
  if (auth === 'scram' && !secretArn) throw new Error('KAFKA_SASL_SECRET_ARN is not set: SASL/SCRAM needs the secret holding the credentials');
  const secret = secretArn ? { secretArn } : {};
  const clusterArn = env['KAFKA_CLUSTER_ARN'];
  if (clusterArn) return { kind: 'msk', clusterArn, auth, ...secret };
  const bootstrapServers = listOf(env['KAFKA_BOOTSTRAP_SERVERS']);
  if (bootstrapServers.length === 0) throw new Error('KAFKA_CLUSTER_ARN or KAFKA_BOOTSTRAP_SERVERS must be set: the controller needs the Kafka cluster');
  if (auth === 'iam') throw new Error('KAFKA_AUTH=iam needs an MSK cluster (KAFKA_CLUSTER_ARN)');
  return { kind: 'self-managed', bootstrapServers, auth, ...secret, subnetIds: listOf(env['SLUICE_SUBNET_IDS']), securityGroupIds: listOf(env['SLUICE_SECURITY_GROUP_IDS']) };
}

export function readControllerEnv(env: NodeJS.ProcessEnv): ControllerEnv {
  const { kafkaBrokers, kafkaSsl, region } = readKafkaEnv(env);
  return {
    tableName: required(env, 'SLUICE_TABLE_NAME', 'the pipeline table name'),
    workerId: env['SLUICE_WORKER_ID'] ?? `controller:${env['AWS_REGION'] ?? 'local'}`,
    sinkFunctionArn: required(env, 'SLUICE_SINK_FUNCTION_ARN', 'the sink-task function ARN'),
    sourceFunctionArn: required(env, 'SLUICE_SOURCE_FUNCTION_ARN', 'the source-task function ARN'),
    schedulerRoleArn: required(env, 'SLUICE_SCHEDULER_ROLE_ARN', 'the role EventBridge Scheduler invokes the source function with'),
    scheduleGroup: env['SLUICE_SCHEDULE_GROUP'] ?? 'default',
    kafka: kafkaOf(env),
    kafkaBrokers,
    kafkaSsl,
    region,
  };
}
