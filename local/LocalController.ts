// Standalone mode's controller: the lifecycle reconciler that the AWS controller runs on DynamoDB stream records, run
// here on every pipeline each `intervalMs` (a deleted pipeline is reconciled once more, which removes its resources).
import type { PipelineReconciler } from '../lambdas/runtime/lifecycle/PipelineReconciler.js';
import type { Logger } from '../lambdas/runtime/ports/Logger.js';
import type { PipelineStore } from '../lambdas/runtime/ports/PipelineStore.js';
import { PollingLoop } from './PollingLoop.js';

export class LocalController {
  private readonly loop: PollingLoop;
  /** Pipelines seen at the last pass: one missing from the store now was deleted since. */
  private seen = new Set<string>();
  /** Passes run one at a time, whether the loop or a caller started them (two passes would both create a mapping). */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly reconciler: PipelineReconciler,
    private readonly store: PipelineStore,
    intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop('controller reconcile', () => this.reconcile(), intervalMs, logger);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass over every pipeline, after any pass under way; a pipeline that fails to reconcile is retried on the next. */
  reconcile(): Promise<void> {
    const pass = this.chain.then(() => this.pass());
    this.chain = pass.catch(() => undefined);
    return pass;
  }

  private async pass(): Promise<void> {
    const listed = new Set((await this.store.list()).map((r) => r.name));
    const next = new Set(listed);
    for (const name of new Set([...listed, ...this.seen])) {
      try {
        await this.reconciler.reconcile(name);
      } catch (e) {
        this.logger.error(`reconciling ${name} failed`, { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
        next.add(name);
      }
    }
    this.seen = next;
  }
}
