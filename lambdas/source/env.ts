// The source function's settings, read from its environment in one place (Kafka settings: adapters/kafka/kafkaEnv.ts).
import { type KafkaEnv, readKafkaEnv } from '../adapters/kafka/kafkaEnv.js';

export interface SourceEnv extends KafkaEnv {
  readonly tableName: string;
  readonly workerId: string;
}

export function readSourceEnv(env: NodeJS.ProcessEnv): SourceEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the source task needs the pipeline table name');
  const kafka = readKafkaEnv(env);
  if (kafka.kafkaBrokers.length === 0) throw new Error('KAFKA_BROKERS is not set: the source task needs the bootstrap brokers (comma-separated)');
  return {
    ...kafka,
    tableName,
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_LAMBDA_LOG_STREAM_NAME'] ?? env['AWS_REGION'] ?? 'local'}`,
  };
}
