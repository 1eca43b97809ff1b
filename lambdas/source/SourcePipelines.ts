// Per-container state of the source function: one SourceTask per pipeline version, rebuilt when the stored config's
// version changes, so the database connection and the discovered tables are reused across warm invocations.
import { randomUUID } from 'node:crypto';
import { resolveConfigSecrets } from '../runtime/config/secrets.js';
import type { PluginRegistry } from '../runtime/plugins/PluginRegistry.js';
import type { DialectName } from '../runtime/plugins/types.js';
import type { Clock } from '../runtime/ports/Clock.js';
import type { Logger } from '../runtime/ports/Logger.js';
import type { MetricsSink } from '../runtime/ports/MetricsSink.js';
import type { PipelineRecord, PipelineStore } from '../runtime/ports/PipelineStore.js';
import type { RecordProducer } from '../runtime/ports/RecordProducer.js';
import type { SecretResolver } from '../runtime/ports/SecretResolver.js';
import { createSourceTask } from '../runtime/source/createSourceTask.js';
import type { SourceConnector } from '../runtime/source/SourceSql.js';
import type { SourceTask } from '../runtime/source/SourceTask.js';

export interface SourceRuntime {
  readonly store: PipelineStore;
  readonly registry: PluginRegistry;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly secrets?: SecretResolver;
  readonly producer: RecordProducer;
  readonly connectorFor: (dialect: DialectName) => SourceConnector;
}

export class SourcePipelines {
  private readonly tasks = new Map<string, { version: number; task: SourceTask }>();

  /** @param owner this container's lease owner id; default `<workerId>/<uuid>`. */
  constructor(
    private readonly runtime: SourceRuntime,
    readonly owner: string = `sluice-source/${randomUUID()}`,
  ) {}

  async taskFor(record: PipelineRecord): Promise<SourceTask> {
    const cached = this.tasks.get(record.name);
    if (cached && cached.version === record.version) return cached.task;
    if (cached) await cached.task.close().catch((e: unknown) => this.runtime.logger.warn('closing the previous task failed', { error: String(e) }));
    this.tasks.delete(record.name);
    const config = await resolveConfigSecrets(record.config, this.runtime.secrets);
    const task = createSourceTask(config, record.version, { ...this.runtime, owner: this.owner });
    this.tasks.set(record.name, { version: record.version, task });
    return task;
  }

  async close(): Promise<void> {
    for (const { task } of this.tasks.values()) await task.close();
    this.tasks.clear();
  }
}
