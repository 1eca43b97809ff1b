// The error an adapter raises when its connection already died (the server closed it while the Lambda was frozen).
// Its `code` is a Node socket code, so every dialect's `isTransient` retries it on a new connection.

export class ConnectionLostError extends Error {
  readonly code = 'ECONNRESET';
  constructor(reason: unknown) {
    super(`The database connection was lost: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason });
    this.name = 'ConnectionLostError';
  }
}

/** Tracks a driver's asynchronous 'error' events: the connection is unusable after one. */
export class LostFlag {
  private reason: unknown;

  /** The listener to attach to the driver's 'error' event (without one, Node would crash the process). */
  readonly listener = (error: unknown): void => {
    this.reason = error ?? new Error('connection error');
  };

  /** Throws ConnectionLostError when the connection died. */
  check(): void {
    if (this.reason !== undefined) throw new ConnectionLostError(this.reason);
  }
}

/** Runs `close` and ignores its failure: closing a dead connection must not hide the error that killed it. */
export async function quietly(close: () => Promise<unknown>): Promise<void> {
  try {
    await close();
  } catch {
    // The connection is being thrown away; nothing useful can be done with this error.
  }
}

/** Connect timeout used by every adapter, so an unreachable host fails fast instead of using up the Lambda's time. */
export const CONNECT_TIMEOUT_MS = 10_000;
