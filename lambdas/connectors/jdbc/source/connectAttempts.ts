// connection.attempts / connection.backoff.ms (Confluent's CachedConnectionProvider) and query.retry.attempts: opening
// a connection is tried up to `attempts` times, `backoffMs` apart, and a transient query error retried up to
// query.retry.attempts times; when they run out the task fails with an AttemptsExhaustedError, which is never
// retried further (not by the invocation, not by the next one), as Confluent's source task fails.
import { SluiceError } from '../../../connect-api/errors.js';
import type { Clock } from '../../../runtime/ports/Clock.js';

export class AttemptsExhaustedError extends SluiceError {
  constructor(message: string, cause: unknown) {
    super(message, { cause, retriable: false });
    this.name = 'AttemptsExhaustedError';
  }
}

export interface ConnectAttempts {
  readonly attempts: number;
  readonly backoffMs: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function connectWithAttempts<T>(open: () => Promise<T>, policy: ConnectAttempts, clock: Clock, deadline: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (cause) {
      if (attempt >= policy.attempts) {
        throw new AttemptsExhaustedError(`Could not open a database connection after ${attempt} attempt${attempt > 1 ? 's' : ''} (connection.attempts=${policy.attempts}): ${messageOf(cause)}`, cause);
      }
      // Out of time before the next try: the invocation ends, and the next one starts the count again.
      if (clock.now() + policy.backoffMs >= deadline) throw cause;
      await clock.sleep(policy.backoffMs);
    }
  }
}

/** The error that ends query retries after `retries` (query.retry.attempts). */
export function queryRetriesExhausted(retries: number, cause: unknown): AttemptsExhaustedError {
  return new AttemptsExhaustedError(`A query failed after ${retries} retr${retries === 1 ? 'y' : 'ies'} (query.retry.attempts=${retries}): ${messageOf(cause)}`, cause);
}
