// Standalone mode's release of cached tasks: what the end of a Lambda container does in AWS. Every poll it releases
// (closing their database sessions) the sink and source tasks whose pipeline was deleted, stopped, paused, failed or
// given a new config version (reconfigure, restart), and those idle for longer than the idle timeout.
import type { PipelineTasks } from '../lambdas/runtime/PipelineTasks.js';
import type { Logger } from '../lambdas/runtime/ports/Logger.js';
import type { PipelineStore } from '../lambdas/runtime/ports/PipelineStore.js';
import { PollingLoop } from './PollingLoop.js';

type Tasks = PipelineTasks<{ close(): Promise<void> }>;

export interface TaskReaperOptions {
  readonly store: PipelineStore;
  readonly sink: Tasks;
  readonly source: Tasks;
  readonly logger: Logger;
  /** @default 500 */
  readonly pollIntervalMs?: number;
}

export class TaskReaper {
  private readonly loop: PollingLoop;

  constructor(private readonly options: TaskReaperOptions) {
    this.loop = new PollingLoop('task reaper', () => this.reap(), options.pollIntervalMs ?? 500, options.logger);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Releases once every task whose pipeline no longer runs at that version, and the idle ones. */
  async reap(): Promise<void> {
    const { store, sink, source } = this.options;
    const held = new Set([...sink.held, ...source.held]);
    if (held.size === 0) return;
    const running = new Map<string, { type: string; version: number }>();
    for (const r of await store.list()) {
      if (!held.has(r.name) || r.targetState !== 'RUNNING') continue;
      if ((await store.getStatus(r.name))?.tasks.find((t) => t.id === 0)?.state === 'FAILED') continue;
      running.set(r.name, { type: r.type, version: r.version });
    }
    const keep = (type: string) => (name: string, version: number) => running.get(name)?.type === type && running.get(name)?.version === version;
    await sink.retain(keep('sink'));
    await source.retain(keep('source'));
    await sink.closeIdle();
    await source.closeIdle();
  }
}
