// The sink function's settings, read from its environment in one place (Kafka settings: adapters/kafka/kafkaEnv.ts).
// KAFKA_BROKERS is where dead-letter records go; empty = the brokers the MSK event names.
import { type KafkaEnv, readKafkaEnv } from '../adapters/kafka/kafkaEnv.js';
import { DEFAULT_ADMISSION_TTL_MS } from '../runtime/lifecycle/TaskGate.js';

export interface SinkEnv extends KafkaEnv {
  readonly tableName: string;
  readonly workerId: string;
  /** SLUICE_ADMISSION_TTL_MS: how long a warm container reuses a pipeline's CONFIG/STATUS reads (0: every invocation). */
  readonly admissionTtlMs: number;
}

export function readSinkEnv(env: NodeJS.ProcessEnv): SinkEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the sink task needs the pipeline table name');
  const ttl = Number.parseInt(env['SLUICE_ADMISSION_TTL_MS'] ?? '', 10);
  return {
    ...readKafkaEnv(env),
    admissionTtlMs: Number.isFinite(ttl) && ttl >= 0 ? ttl : DEFAULT_ADMISSION_TTL_MS,
    tableName,
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'sink'}`,
  };
}
