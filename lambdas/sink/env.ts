// The sink function's settings, read from its environment in one place (Kafka settings: adapters/kafka/kafkaEnv.ts).
// KAFKA_BROKERS is where dead-letter records go; empty = the brokers the MSK event names.
import { type KafkaEnv, readKafkaEnv } from '../adapters/kafka/kafkaEnv.js';

export interface SinkEnv extends KafkaEnv {
  readonly tableName: string;
  readonly workerId: string;
}

export function readSinkEnv(env: NodeJS.ProcessEnv): SinkEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the sink task needs the pipeline table name');
  return {
    ...readKafkaEnv(env),
    tableName,
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'sink'}`,
  };
}
