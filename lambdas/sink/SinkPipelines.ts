// Per-container state of the sink function: which pipeline an alias serves, and one WorkerSinkTask per pipeline version
// (its connector's task built through the connector plugin `connector.class` names),
// rebuilt when the stored config's version changes (connections are reused across warm invocations, and closed when
// the task is released or idle: see PipelineTasks).
import { PipelineTasks, type TaskRuntime } from '../runtime/PipelineTasks.js';
import { NotFoundError, SluiceError } from '../connect-api/errors.js';
import { aliasOfFunctionArn, pipelineOfPlainAlias } from '../runtime/pipelineAlias.js';
import type { PipelineRecord } from '../runtime/ports/PipelineStore.js';
import type { RecordProducer } from '../runtime/ports/RecordProducer.js';
import type { SinkTask, TaskContext } from '../connect-api/connector.js';
import type { WorkerSinkTask } from '../runtime/sink/WorkerSinkTask.js';
import { createSinkTask } from '../runtime/sink/createSinkTask.js';

export interface SinkRuntime extends TaskRuntime {
  /** Builds a pipeline's connector task instead of the connector `connector.class` names (tests inject one this way). */
  createTask?(config: Readonly<Record<string, string>>, context: TaskContext): SinkTask;
  /** The dead-letter producer; `bootstrapServers` comes from the event when no brokers are configured. */
  producer(bootstrapServers: string | undefined): RecordProducer | undefined;
}

export class SinkPipelines {
  private readonly tasks: PipelineTasks<WorkerSinkTask>;
  private readonly aliases = new Map<string, string>();

  constructor(private readonly runtime: SinkRuntime) {
    this.tasks = new PipelineTasks(runtime);
  }

  /** The pipeline an invocation is for, from the alias in context.invokedFunctionArn. */
  async pipelineOf(invokedFunctionArn: string): Promise<string> {
    const alias = aliasOfFunctionArn(invokedFunctionArn);
    if (alias === undefined) throw new SluiceError(`The sink task was invoked as ${invokedFunctionArn}, not through a pipeline alias`);
    const known = pipelineOfPlainAlias(alias) ?? this.aliases.get(alias) ?? (await this.runtime.store.getAliasPipeline(alias));
    if (known === undefined) throw new NotFoundError(`No pipeline is registered for the Lambda alias ${alias}`);
    this.aliases.set(alias, known);
    return known;
  }

  /** Runs `fn` with the task for the pipeline's current version, building (and releasing the previous one) when it changed. */
  withTask<R>(record: PipelineRecord, bootstrapServers: string | undefined, fn: (task: WorkerSinkTask) => Promise<R>): Promise<R> {
    const build = (config: Record<string, string>) => {
      const producer = this.runtime.producer(bootstrapServers);
      return createSinkTask(config, {
        registry: this.runtime.registry,
        ...(this.runtime.createTask ? { createTask: this.runtime.createTask.bind(this.runtime) } : {}),
        metrics: this.runtime.metrics,
        clock: this.runtime.clock,
        logger: this.runtime.logger,
        ...(producer ? { producer } : {}),
      });
    };
    return this.tasks.use(record, build, fn);
  }

  /** The per-pipeline task cache, for releasing tasks whose pipeline no longer runs here. */
  get cache(): PipelineTasks<WorkerSinkTask> {
    return this.tasks;
  }

  close(): Promise<void> {
    return this.tasks.close();
  }
}
