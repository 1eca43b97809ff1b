// The sink function's settings, read from its environment in one place.
import type { KafkaAuth } from '../adapters/kafka/mskIam.js';

export interface SinkEnv {
  readonly tableName: string;
  readonly workerId: string;
  /** Where dead-letter records go; empty = the brokers the MSK event names. */
  readonly kafkaBrokers: readonly string[];
  readonly kafkaAuth: KafkaAuth;
  readonly kafkaSsl: boolean;
  /** KAFKA_AUTH=scram: a Secrets Manager secret {"username": …, "password": …}. */
  readonly saslSecretArn: string | undefined;
  readonly region: string | undefined;
}

export function readSinkEnv(env: NodeJS.ProcessEnv): SinkEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the sink task needs the pipeline table name');
  const auth = (env['KAFKA_AUTH'] ?? 'none').trim().toLowerCase();
  if (auth !== 'none' && auth !== 'iam' && auth !== 'scram') throw new Error(`KAFKA_AUTH must be none, iam or scram, not ${auth}`);
  const saslSecretArn = env['KAFKA_SASL_SECRET_ARN'];
  if (auth === 'scram' && !saslSecretArn) throw new Error('KAFKA_AUTH=scram needs KAFKA_SASL_SECRET_ARN');
  return {
    tableName,
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'sink'}`,
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    kafkaAuth: auth,
    kafkaSsl: (env['KAFKA_SSL'] ?? 'true') === 'true' || auth !== 'none',
    saslSecretArn,
    region: env['AWS_REGION'],
  };
}
