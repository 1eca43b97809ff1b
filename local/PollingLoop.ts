// Runs `tick` every `intervalMs` (never two at once) until stopped; the emulators reconcile with the store this way.
// A tick that keeps failing the same way is logged once (and its recovery once), not at every interval.
import type { Logger } from '../lambdas/runtime/ports/Logger.js';

export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private lastError: string | undefined;

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const run = () => {
      this.running = this.tick()
        .then(() => this.succeeded())
        .catch((e: unknown) => this.failed(e))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(run, this.intervalMs);
        });
    };
    this.timer = setTimeout(run, 0);
  }

  /** Stops scheduling ticks and waits for the one in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private failed(e: unknown): void {
    const error = String(e);
    if (error === this.lastError) return;
    this.lastError = error;
    this.logger.error(`${this.name} failed; retrying every ${this.intervalMs} ms`, { error });
  }

  private succeeded(): void {
    if (this.lastError === undefined) return;
    this.lastError = undefined;
    this.logger.info(`${this.name} works again`);
  }
}
