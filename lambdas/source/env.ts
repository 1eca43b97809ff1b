// The source function's settings, read from its environment in one place.
import type { KafkaAuth } from '../adapters/kafka/mskIam.js';

export interface SourceEnv {
  readonly tableName: string;
  readonly kafkaBrokers: readonly string[];
  readonly kafkaAuth: KafkaAuth;
  readonly kafkaSsl: boolean;
  /** KAFKA_AUTH=scram: a Secrets Manager secret {"username": …, "password": …}. */
  readonly saslSecretArn: string | undefined;
  readonly region: string | undefined;
  readonly workerId: string;
}

export function readSourceEnv(env: NodeJS.ProcessEnv): SourceEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the source task needs the pipeline table name');
  const kafkaBrokers = (env['KAFKA_BROKERS'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (kafkaBrokers.length === 0) throw new Error('KAFKA_BROKERS is not set: the source task needs the bootstrap brokers (comma-separated)');
  const auth = (env['KAFKA_AUTH'] ?? 'none').trim().toLowerCase();
  if (auth !== 'none' && auth !== 'iam' && auth !== 'scram') throw new Error(`KAFKA_AUTH must be none, iam or scram, not ${auth}`);
  const saslSecretArn = env['KAFKA_SASL_SECRET_ARN'];
  if (auth === 'scram' && !saslSecretArn) throw new Error('KAFKA_AUTH=scram needs KAFKA_SASL_SECRET_ARN');
  return {
    tableName,
    kafkaBrokers,
    kafkaAuth: auth,
    kafkaSsl: /^true$/i.test(env['KAFKA_SSL'] ?? '') || auth !== 'none',
    saslSecretArn,
    region: env['AWS_REGION'],
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_LAMBDA_LOG_STREAM_NAME'] ?? env['AWS_REGION'] ?? 'local'}`,
  };
}
