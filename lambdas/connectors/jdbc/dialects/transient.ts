// Transient-error classification from driver error codes, walking the `cause` chain (a wrapped driver error counts).

/** Node socket errors any driver can surface. */
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** The driver-level facts of one error in the chain: `code` (string or number), `errno`, `message`. */
export interface ErrorFacts {
  readonly code?: string;
  readonly errno?: number;
  readonly message: string;
}

function factsOf(error: object): ErrorFacts {
  const record = error as Record<string, unknown>;
  const code = record['code'];
  const errno = record['errno'];
  return {
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(typeof errno === 'number' ? { errno } : {}),
    message: typeof record['message'] === 'string' ? record['message'] : '',
  };
}

/** True when `error`, or one of its causes (or AggregateError members), matches `test` or is a Node socket error. */
export function matchesTransient(error: unknown, test: (facts: ErrorFacts) => boolean): boolean {
  return matchesError(error, (facts) => (facts.code !== undefined && NODE_CODES.has(facts.code)) || test(facts));
}

/** True when `error`, or one of its causes (or AggregateError members), matches `test`. */
export function matchesError(error: unknown, test: (facts: ErrorFacts) => boolean): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 20; seen++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    const facts = factsOf(current);
    if (test(facts)) return true;
    pending.push((current as { cause?: unknown }).cause);
    if (current instanceof AggregateError) pending.push(...current.errors);
  }
  return false;
}
