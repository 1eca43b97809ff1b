// Per-container state of the sink function: which pipeline an alias serves, and one SinkTask per pipeline version,
// rebuilt when the stored config's version changes (connections are reused across warm invocations).
import { resolveConfigSecrets } from '../runtime/config/secrets.js';
import { aliasOfFunctionArn, pipelineOfPlainAlias } from '../runtime/pipelineAlias.js';
import { NotFoundError, SluiceError } from '../runtime/errors.js';
import type { PluginRegistry } from '../runtime/plugins/PluginRegistry.js';
import type { Clock } from '../runtime/ports/Clock.js';
import type { Logger } from '../runtime/ports/Logger.js';
import type { MetricsSink } from '../runtime/ports/MetricsSink.js';
import type { PipelineRecord, PipelineStore } from '../runtime/ports/PipelineStore.js';
import type { RecordProducer } from '../runtime/ports/RecordProducer.js';
import type { SecretResolver } from '../runtime/ports/SecretResolver.js';
import { createSinkTask } from '../runtime/sink/createSinkTask.js';
import type { SinkRecordWriter, SinkTask } from '../runtime/sink/SinkTask.js';

export interface SinkRuntime {
  readonly store: PipelineStore;
  readonly registry: PluginRegistry;
  readonly metrics: MetricsSink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly secrets?: SecretResolver;
  /** Builds the database writer for a pipeline's (secret-resolved) config. */
  createWriter(config: Readonly<Record<string, string>>): SinkRecordWriter;
  /** The dead-letter producer; `bootstrapServers` comes from the event when no brokers are configured. */
  producer(bootstrapServers: string | undefined): RecordProducer | undefined;
}

export class SinkPipelines {
  private readonly tasks = new Map<string, { version: number; task: SinkTask }>();
  private readonly aliases = new Map<string, string>();

  constructor(private readonly runtime: SinkRuntime) {}

  /** The pipeline an invocation is for, from the alias in context.invokedFunctionArn. */
  async pipelineOf(invokedFunctionArn: string): Promise<string> {
    const alias = aliasOfFunctionArn(invokedFunctionArn);
    if (alias === undefined) throw new SluiceError(`The sink task was invoked as ${invokedFunctionArn}, not through a pipeline alias`);
    const known = pipelineOfPlainAlias(alias) ?? this.aliases.get(alias) ?? (await this.runtime.store.getAliasPipeline(alias));
    if (known === undefined) throw new NotFoundError(`No pipeline is registered for the Lambda alias ${alias}`);
    this.aliases.set(alias, known);
    return known;
  }

  /** The task for the pipeline's current version, building (and closing the previous one) when it changed. */
  async taskFor(record: PipelineRecord, bootstrapServers: string | undefined): Promise<SinkTask> {
    const cached = this.tasks.get(record.name);
    if (cached && cached.version === record.version) return cached.task;
    if (cached) await cached.task.close().catch((e: unknown) => this.runtime.logger.warn('closing the previous task failed', { error: String(e) }));
    this.tasks.delete(record.name);
    const config = await resolveConfigSecrets(record.config, this.runtime.secrets);
    const producer = this.runtime.producer(bootstrapServers);
    const task = createSinkTask(config, {
      registry: this.runtime.registry,
      writer: this.runtime.createWriter(config),
      metrics: this.runtime.metrics,
      clock: this.runtime.clock,
      logger: this.runtime.logger,
      ...(producer ? { producer } : {}),
    });
    this.tasks.set(record.name, { version: record.version, task });
    return task;
  }

  async close(): Promise<void> {
    for (const { task } of this.tasks.values()) await task.close();
    this.tasks.clear();
  }
}
