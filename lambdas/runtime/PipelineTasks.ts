// Per-container tasks of the sink and source functions: one task per pipeline, rebuilt when the stored config's
// version changes, so connections are reused across warm invocations. A task is closed (its database session ended)
// when it is released: replaced by a new version, let go of by its owner (standalone mode releases the tasks of
// deleted, stopped, paused, failed or reconfigured pipelines), or idle for `idleTimeoutMs`. A task in use is closed
// only when its last user is done.
import { openConfig, sealContext } from './config/sealing.js';
import { resolveConfigSecrets } from './config/secrets.js';
import type { PluginRegistry } from './plugins/PluginRegistry.js';
import type { Clock } from './ports/Clock.js';
import type { ConfigOpener } from './ports/ConfigCipher.js';
import type { Logger } from './ports/Logger.js';
import type { MetricsSink } from './ports/MetricsSink.js';
import type { PipelineRecord, PipelineStore } from './ports/PipelineStore.js';
import type { SecretResolver } from './ports/SecretResolver.js';

/** What every task function's runtime holds. */
export interface TaskRuntime {
  readonly store: PipelineStore;
  readonly registry: PluginRegistry;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly secrets?: SecretResolver;
  /** Opens the sealed password values of stored configs (ports/ConfigCipher). */
  readonly cipher?: ConfigOpener;
}

/** How long a task may sit unused before its connections are closed. @default 300000 (5 minutes) */
export const DEFAULT_IDLE_TIMEOUT_MS = 300_000;

interface Entry<T> {
  readonly version: number;
  readonly task: T;
  users: number;
  lastUsed: number;
  released: boolean;
}

export class PipelineTasks<T extends { close(): Promise<void> }> {
  private readonly tasks = new Map<string, Entry<T>>();

  constructor(
    private readonly runtime: Pick<TaskRuntime, 'logger' | 'secrets' | 'clock' | 'cipher'> & { readonly registry?: PluginRegistry },
    private readonly idleTimeoutMs: number = DEFAULT_IDLE_TIMEOUT_MS,
  ) {}

  /**
   * Runs `fn` with the task of the pipeline's current version (built by `build` from the config with its sealed
   * values opened and its secret references resolved); the tasks of other pipelines idle for longer than the timeout are closed first.
   */
  async use<R>(record: PipelineRecord, build: (config: Record<string, string>) => T, fn: (task: T) => Promise<R>): Promise<R> {
    await this.closeIdle(record.name);
    let entry = this.tasks.get(record.name);
    if (entry?.version !== record.version) {
      const opened = await openConfig(record.config, this.runtime.cipher, sealContext(record.name));
      const config = await resolveConfigSecrets(opened, this.runtime.secrets);
      // Plugin packages bundled lazily (lambdas/adapters/plugins/bundledPlugins.ts) load when a config first names them.
      await this.runtime.registry?.loadFor(config);
      entry = this.tasks.get(record.name); // a concurrent caller may have built it meanwhile
      if (entry?.version !== record.version) {
        const previous = entry;
        entry = { version: record.version, task: build(config), users: 0, lastUsed: this.runtime.clock.now(), released: false };
        this.tasks.set(record.name, entry);
        if (previous) await this.letGo(record.name, previous);
      }
    }
    entry.users++;
    try {
      return await fn(entry.task);
    } finally {
      entry.users--;
      entry.lastUsed = this.runtime.clock.now();
      if (entry.released && entry.users === 0) await this.closeTask(record.name, entry);
    }
  }

  /** Lets go of a pipeline's task: closed now, or when its last user is done. */
  async release(name: string): Promise<void> {
    const entry = this.tasks.get(name);
    if (!entry) return;
    this.tasks.delete(name);
    await this.letGo(name, entry);
  }

  /** Releases every task `keep` does not want any more (given the pipeline and the version the task was built for). */
  async retain(keep: (name: string, version: number) => boolean): Promise<void> {
    for (const [name, entry] of [...this.tasks]) if (!keep(name, entry.version)) await this.release(name);
  }

  /** Releases the tasks unused for longer than the idle timeout (except `except`'s). */
  async closeIdle(except?: string): Promise<void> {
    const now = this.runtime.clock.now();
    for (const [name, entry] of [...this.tasks]) {
      if (name !== except && entry.users === 0 && now - entry.lastUsed >= this.idleTimeoutMs) await this.release(name);
    }
  }

  /** The pipelines with a task held (open connections, possibly). */
  get held(): string[] {
    return [...this.tasks.keys()];
  }

  async close(): Promise<void> {
    for (const name of [...this.tasks.keys()]) await this.release(name);
  }

  /** Marks a task no longer held and closes it unless it is in use (then its last user closes it). */
  private async letGo(name: string, entry: Entry<T>): Promise<void> {
    entry.released = true;
    if (entry.users === 0) await this.closeTask(name, entry);
  }

  private async closeTask(name: string, entry: Entry<T>): Promise<void> {
    await entry.task.close().catch((e: unknown) => this.runtime.logger.warn(`closing the task of ${name} failed`, { error: String(e) }));
  }
}
