// The API function's settings, read from its environment in one place.
export interface ApiEnv {
  readonly tableName: string;
  readonly workerId: string;
  readonly kafkaBrokers: readonly string[];
  readonly kafkaClusterId: string;
  readonly kafkaSsl: boolean;
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
    observeAws: (env['SLUICE_OBSERVE_AWS'] ?? (env['AWS_LAMBDA_FUNCTION_NAME'] ? 'true' : 'false')) === 'true',
  };
}
