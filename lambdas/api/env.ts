// The API function's settings, read from its environment in one place.
import type { KafkaAuth } from '../adapters/kafka/mskIam.js';

export interface ApiEnv {
  readonly tableName: string;
  readonly workerId: string;
  readonly kafkaBrokers: readonly string[];
  readonly kafkaClusterId: string;
  readonly kafkaSsl: boolean;
  readonly kafkaAuth: KafkaAuth;
  /** KAFKA_AUTH=scram: a Secrets Manager secret {"username": …, "password": …}. */
  readonly saslSecretArn: string | undefined;
  readonly region: string | undefined;
  /** Read live event source mappings and CloudWatch metrics into statuses (in Lambda). */
  readonly observeAws: boolean;
}

export function readApiEnv(env: NodeJS.ProcessEnv): ApiEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the API needs the pipeline table name');
  return {
    tableName,
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_REGION'] ?? 'local'}`,
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    kafkaClusterId: env['KAFKA_CLUSTER_ID'] ?? 'unknown',
    kafkaSsl: env['KAFKA_SSL'] === 'true',
    kafkaAuth: kafkaAuthOf(env['KAFKA_AUTH']),
    saslSecretArn: env['KAFKA_SASL_SECRET_ARN'],
    region: env['AWS_REGION'],
    observeAws: (env['SLUICE_OBSERVE_AWS'] ?? (env['AWS_LAMBDA_FUNCTION_NAME'] ? 'true' : 'false')) === 'true',
  };
}

function kafkaAuthOf(value: string | undefined): KafkaAuth {
  const auth = (value ?? 'none').trim().toLowerCase();
  if (auth !== 'none' && auth !== 'iam' && auth !== 'scram') throw new Error(`KAFKA_AUTH must be none, iam or scram, not ${auth}`);
  return auth;
}
