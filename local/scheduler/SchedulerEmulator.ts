// Standalone mode's stand-in for EventBridge Scheduler: for every RUNNING source pipeline it invokes the source
// handler with {"pipeline": name} on the pipeline's poll interval (no one-minute floor locally). Each invocation is
// given a short Lambda deadline, so that a pause, a delete or a shutdown takes effect within seconds.
import type { Logger } from '../../lambdas/runtime/ports/Logger.js';
import { PollingLoop } from '../PollingLoop.js';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import type { SourceHandler } from '../../lambdas/source/createSourceHandler.js';
import { SAFETY_MARGIN_MS } from '../../lambdas/source/createSourceHandler.js';

export interface SchedulerEmulatorOptions {
  readonly store: PipelineStore;
  readonly invoke: SourceHandler;
  readonly logger: Logger;
  /** How often the store is checked. @default 500 */
  readonly pollIntervalMs?: number;
  /** How long one invocation may keep polling before it returns. @default 2000 */
  readonly invocationMs?: number;
}

interface Schedule {
  version: number;
  stopped: boolean;
  loop: Promise<void>;
}

export class SchedulerEmulator {
  private readonly schedules = new Map<string, Schedule>();
  private readonly loop: PollingLoop;

  constructor(private readonly options: SchedulerEmulatorOptions) {
    this.loop = new PollingLoop('scheduler emulator reconcile', () => this.reconcile(), options.pollIntervalMs ?? 500, options.logger);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    const all = [...this.schedules.values()];
    for (const s of all) s.stopped = true;
    await Promise.all(all.map((s) => s.loop));
    this.schedules.clear();
  }

  get active(): string[] {
    return [...this.schedules.keys()];
  }

  async reconcile(): Promise<void> {
    const { store } = this.options;
    const wanted = new Map<string, { version: number; intervalMs: number }>();
    for (const r of await store.list()) {
      if (r.type !== 'source' || r.targetState !== 'RUNNING') continue;
      if ((await store.getStatus(r.name))?.tasks.find((t) => t.id === 0)?.state === 'FAILED') continue;
      wanted.set(r.name, { version: r.version, intervalMs: Math.max(100, Number(r.config['poll.interval.ms'] ?? 5000) || 5000) });
    }
    for (const [name, s] of this.schedules) {
      const w = wanted.get(name);
      if (!w || w.version !== s.version) {
        s.stopped = true;
        this.schedules.delete(name);
        await s.loop;
      }
    }
    for (const [name, w] of wanted) {
      if (this.schedules.has(name)) continue;
      const schedule: Schedule = { version: w.version, stopped: false, loop: Promise.resolve() };
      schedule.loop = this.run(name, w.intervalMs, schedule);
      this.schedules.set(name, schedule);
    }
  }

  private async run(name: string, intervalMs: number, schedule: Schedule): Promise<void> {
    const invocationMs = this.options.invocationMs ?? 2000;
    while (!schedule.stopped) {
      const started = Date.now();
      const end = started + invocationMs + SAFETY_MARGIN_MS;
      try {
        const result = await this.options.invoke({ pipeline: name }, { getRemainingTimeInMillis: () => Math.max(0, end - Date.now()) });
        if (result.outcome === 'failed') this.options.logger.warn(`source pipeline ${name} failed`, { trace: result.trace?.split('\n')[0] });
      } catch (e) {
        this.options.logger.error(`source invocation for ${name} threw`, { error: String(e) });
      }
      const wait = Math.max(0, started + intervalMs - Date.now());
      for (let waited = 0; waited < wait && !schedule.stopped; waited += 100) await new Promise((r) => setTimeout(r, Math.min(100, wait - waited)));
    }
  }
}
