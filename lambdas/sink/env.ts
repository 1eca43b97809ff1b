// The sink function's settings, read from its environment in one place.
export interface SinkEnv {
  readonly tableName: string;
  readonly workerId: string;
  /** Where dead-letter records go; empty = the brokers the MSK event names. */
  readonly kafkaBrokers: readonly string[];
  readonly kafkaSsl: boolean;
}

export function readSinkEnv(env: NodeJS.ProcessEnv): SinkEnv {
  const tableName = env['SLUICE_TABLE_NAME'];
  if (!tableName) throw new Error('SLUICE_TABLE_NAME is not set: the sink task needs the pipeline table name');
  return {
    tableName,
    workerId: env['SLUICE_WORKER_ID'] ?? `lambda:${env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'sink'}`,
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    kafkaSsl: (env['KAFKA_SSL'] ?? 'true') === 'true',
  };
}
