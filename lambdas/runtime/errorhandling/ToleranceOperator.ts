// One failure-handling mechanism for converters, transforms and writes (Kafka's RetryWithToleranceOperator):
// errors.tolerance decides between failing the task and skipping the record; every failure is reported first.
import { errorTrace, SluiceError } from '../../connect-api/errors.js';
import type { Clock } from '../ports/Clock.js';
import type { ErrorContext, ErrorReporter } from './ErrorContext.js';
import { describeCoordinates } from './recordCoordinates.js';

export type Tolerance = 'none' | 'all';

export class ToleranceExceededError extends SluiceError {
  /** @param where the record(s) being handled, e.g. "topic 'orders' partition 0 offset 37" (describeCoordinates). */
  constructor(cause: unknown, where?: string) {
    super(`Tolerance exceeded in error handler${where ? ` while handling ${where}` : ''}`, { cause });
    this.name = 'ToleranceExceededError';
  }
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  readonly initialBackoffMs: number;
  /** errors.retry.delay.max.ms */
  readonly maxDelayMs: number;
  /** errors.retry.timeout: 0 = no retries, -1 = no time limit (attempts and the Lambda deadline still apply). */
  readonly timeoutMs: number;
}

export class ToleranceOperator {
  private failures = 0;

  constructor(
    readonly tolerance: Tolerance,
    private readonly reporters: readonly ErrorReporter[],
    private readonly clock: Clock,
  ) {}

  get failureCount(): number {
    return this.failures;
  }

  /** Reports a failure; with tolerance `none` throws ToleranceExceededError after reporting, with `all` returns. */
  fail(context: ErrorContext): void {
    this.failures++;
    for (const r of this.reporters) r.report(context);
    if (this.tolerance === 'none') throw new ToleranceExceededError(context.error, context.raw ? describeCoordinates([context.raw]) : undefined);
  }

  async flush(): Promise<void> {
    for (const r of this.reporters) await r.flush();
  }

  /**
   * Runs `operation`, retrying errors marked retriable with exponential backoff (initial × 2^(n-1), capped at
   * maxDelayMs) while the policy and `deadline` allow; the last error is rethrown as it is.
   */
  async retry<T>(operation: () => Promise<T>, policy: RetryPolicy, isRetriable: (e: unknown) => boolean, deadline: number): Promise<T> {
    const start = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (e) {
        const delay = Math.min(policy.initialBackoffMs * 2 ** attempt, policy.maxDelayMs);
        const now = this.clock.now();
        const withinTimeout = policy.timeoutMs < 0 || (policy.timeoutMs > 0 && now + delay - start <= policy.timeoutMs);
        const canRetry = isRetriable(e) && attempt < policy.maxRetries && withinTimeout && now + delay < deadline;
        if (!canRetry) throw e;
        await this.clock.sleep(delay);
      }
    }
  }
}

/** Logs failures as Kafka's LogReporter does (errors.log.enable, errors.log.include.messages). */
export class LogReporter implements ErrorReporter {
  constructor(
    private readonly taskName: string,
    private readonly includeMessages: boolean,
    private readonly log: (message: string) => void,
  ) {}

  report(c: ErrorContext): void {
    const where = c.raw
      ? `, where consumed record is {topic='${c.raw.topic}', partition=${c.raw.partition}, offset=${c.raw.offset}, timestamp=${c.raw.timestamp}, timestampType=${c.raw.timestampType}}`
      : '';
    this.log(`Error encountered in task ${this.taskName}. Executing stage '${c.stage}' with class '${c.className}'${this.includeMessages ? where : ''}.\n${errorTrace(c.error)}`);
  }

  async flush(): Promise<void> {}
}
