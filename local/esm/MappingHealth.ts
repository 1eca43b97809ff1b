// What one emulated event source mapping reports about itself, as Lambda's ESM does in LastProcessingResult:
// "No records processed", "OK", or "PROBLEM: <reason>" while it cannot deliver (consumer dropped from its group,
// broker unreachable). The status API shows a PROBLEM as the task's trace (statusView.withRuntime). Each distinct
// problem is logged once, and its end once; a problem that repeats is not logged again.
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';

export class MappingHealth {
  private result = 'No records processed';
  private logged: string | undefined;

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
  ) {}

  /** Lambda's LastProcessingResult for this mapping. */
  get lastProcessingResult(): string {
    return this.result;
  }

  get hasProblem(): boolean {
    return this.result.startsWith('PROBLEM');
  }

  problem(reason: string, error?: unknown): void {
    this.result = `PROBLEM: ${reason}${error === undefined ? '' : `: ${messageOf(error)}`}`;
    if (this.logged === reason) return;
    this.logged = reason;
    this.logger.error(`${this.what}: ${reason}`, error === undefined ? undefined : { error: messageOf(error) });
  }

  ok(): void {
    if (this.logged !== undefined) this.logger.info(`${this.what} delivers again`);
    this.logged = undefined;
    this.result = 'OK';
  }

  /** The consumer (re)joined its group: a drop or start problem is over, whatever was delivered before. */
  joined(): void {
    if (this.hasProblem) this.ok();
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
