// Per-container tasks of the sink and source functions: one task per pipeline, rebuilt (after closing the previous
// one) when the stored config's version changes, so connections are reused across warm invocations.
import { openConfig, sealContext } from './config/sealing.js';
import { resolveConfigSecrets } from './config/secrets.js';
import type { PluginRegistry } from './plugins/PluginRegistry.js';
import type { Clock } from './ports/Clock.js';
import type { ConfigCipher } from './ports/ConfigCipher.js';
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
  readonly cipher?: ConfigCipher;
}

export class PipelineTasks<T extends { close(): Promise<void> }> {
  private readonly tasks = new Map<string, { version: number; task: T }>();

  constructor(private readonly runtime: Pick<TaskRuntime, 'logger' | 'secrets' | 'cipher'>) {}

  /** The task for the pipeline's current version; `build` gets the config with sealed values opened and secret references resolved. */
  async taskFor(record: PipelineRecord, build: (config: Record<string, string>) => T): Promise<T> {
    const cached = this.tasks.get(record.name);
    if (cached && cached.version === record.version) return cached.task;
    if (cached) await cached.task.close().catch((e: unknown) => this.runtime.logger.warn('closing the previous task failed', { error: String(e) }));
    this.tasks.delete(record.name);
    const opened = await openConfig(record.config, this.runtime.cipher, sealContext(record.name));
    const task = build(await resolveConfigSecrets(opened, this.runtime.secrets));
    this.tasks.set(record.name, { version: record.version, task });
    return task;
  }

  async close(): Promise<void> {
    for (const { task } of this.tasks.values()) await task.close();
    this.tasks.clear();
  }
}
