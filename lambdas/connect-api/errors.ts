// Typed errors of the core. The API edge (lambdas/api/httpErrors.ts) maps each to an HTTP status;
// the core never speaks HTTP. Always pass `cause` when wrapping.
import { maskSecrets } from './maskSecrets.js';

/** Base class of every error Sluice raises on purpose. */
export class SluiceError extends Error {
  /** True when retrying the same operation may succeed (connection refused, deadlock, throttling). */
  readonly retriable: boolean;
  constructor(message: string, options?: { cause?: unknown; retriable?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SluiceError';
    this.retriable = options?.retriable ?? false;
  }
}

/** A connector, task, plugin or route that does not exist (HTTP 404). */
export class NotFoundError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotFoundError';
  }
}

/** Creating something that already exists (HTTP 409). */
export class AlreadyExistsError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AlreadyExistsError';
  }
}

/** A concurrent write won the race: the caller's view is stale (HTTP 409). */
export class ConflictError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConflictError';
  }
}

/** A request or configuration the caller must fix (HTTP 400). `key` names the offending config key, when one does. */
export class BadRequestError extends SluiceError {
  readonly key: string | undefined;
  constructor(message: string, options?: { cause?: unknown; key?: string }) {
    super(message, options);
    this.name = 'BadRequestError';
    this.key = options?.key;
  }
}

/** An invalid configuration value: Kafka's ConfigException (`Invalid value <v> for configuration <k>: <reason>`). */
export class ConfigError extends BadRequestError {
  constructor(message: string, options?: { cause?: unknown; key?: string }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** A record that cannot be converted, transformed or written: Kafka Connect's DataException. */
export class DataError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataError';
  }
}

/** A transient failure worth retrying: Kafka Connect's RetriableException. */
export class RetriableError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { ...options, retriable: true });
    this.name = 'RetriableError';
  }
}

/**
 * The task cannot reach the system it writes to or reads from (Kafka Connect's ConnectException at start): no record
 * is at fault, so the error is never routed to a dead-letter queue; it is retried when `retriable`, else the task fails.
 */
export class ConnectionError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown; retriable?: boolean }) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}

/** Renders an error and its causes the way Connect's `trace` field reads: one line per cause, passwords masked. */
export function errorTrace(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (current instanceof Error) {
      lines.push(depth === 0 ? current.stack ?? `${current.name}: ${current.message}` : `Caused by: ${current.stack ?? current.message}`);
      current = current.cause;
    } else {
      lines.push(depth === 0 ? String(current) : `Caused by: ${String(current)}`);
      current = undefined;
    }
  }
  return maskSecrets(lines.join('\n'));
}
