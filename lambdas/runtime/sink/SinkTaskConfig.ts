// The framework settings a sink task needs, parsed once per pipeline version (errors.*, the DLQ, retries).
import { sinkFrameworkConfigDef } from '../config/frameworkConfig.js';
import type { RetryPolicy, Tolerance } from '../errorhandling/ToleranceOperator.js';

export interface SinkTaskConfig {
  readonly name: string;
  readonly tolerance: Tolerance;
  readonly logErrors: boolean;
  readonly logIncludeMessages: boolean;
  readonly dlqTopic: string | undefined;
  readonly dlqContextHeaders: boolean;
  readonly retry: RetryPolicy;
}

export function parseSinkTaskConfig(props: Readonly<Record<string, string>>): SinkTaskConfig {
  const c = sinkFrameworkConfigDef.parse(props);
  const int = (key: string, fallback: number) => (props[key] !== undefined && /^\d+$/.test(props[key]!.trim()) ? Number(props[key]) : fallback);
  const dlq = c.getString('errors.deadletterqueue.topic.name')?.trim() ?? '';
  return Object.freeze({
    name: c.getString('name')!,
    tolerance: c.getString('errors.tolerance') as Tolerance,
    logErrors: c.getBoolean('errors.log.enable'),
    logIncludeMessages: c.getBoolean('errors.log.include.messages'),
    dlqTopic: dlq === '' ? undefined : dlq,
    dlqContextHeaders: c.getBoolean('errors.deadletterqueue.context.headers.enable'),
    retry: Object.freeze({
      // The connector's max.retries / retry.backoff.ms (Confluent's JDBC and Elasticsearch sinks both have them), capped by the framework's errors.retry.* settings.
      maxRetries: int('max.retries', 10),
      initialBackoffMs: int('retry.backoff.ms', 3000),
      maxDelayMs: c.getLong('errors.retry.delay.max.ms'),
      timeoutMs: c.getLong('errors.retry.timeout') === 0 ? -1 : c.getLong('errors.retry.timeout'),
    }),
  });
}
