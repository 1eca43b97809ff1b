// The API function's settings, read from its environment in one place (Kafka settings: adapters/kafka/kafkaEnv.ts).
import { type KafkaEnv, readKafkaEnv } from '../adapters/kafka/kafkaEnv.js';

export interface ApiEnv extends KafkaEnv {
  readonly tableName: string;
  readonly workerId: string;
  readonly kafkaClusterId: string;
  /** Read live event source mappings and CloudWatch metrics into statuses (in Lambda). */
  readonly observeAws: boolean;
}

export function readApiEnv(env: NodeJS.ProcessEnv): ApiEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the API needs the pipeline table name');
  return {
    ...readKafkaEnv(env),
    tableName,
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_REGION'] ?? 'local'}`,
    kafkaClusterId: env['KAFKA_CLUSTER_ID'] ?? 'unknown',
    observeAws: (env['SLUICE_OBSERVE_AWS'] ?? (env['AWS_LAMBDA_FUNCTION_NAME'] ? 'true' : 'false')) === 'true',
  };
}
