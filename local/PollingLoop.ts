// Runs `tick` every `intervalMs` (never two at once) until stopped; the emulators reconcile with the store this way.
import type { Logger } from '../lambdas/runtime/ports/Logger.js';

export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const run = () => {
      this.running = this.tick()
        .catch((e: unknown) => this.logger.error(`${this.name} failed`, { error: String(e) }))
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
}
