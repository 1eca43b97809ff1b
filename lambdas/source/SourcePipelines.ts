// Per-container state of the source function: one WorkerSourceTask per pipeline version (its connector's task built
// through the connector plugin `connector.class` names), rebuilt when the stored config's version changes, so the
// connector's connections (the JDBC source's database session and discovered tables) are reused across warm invocations.
import { randomUUID } from 'node:crypto';
import type { SourceTask, TaskContext } from '../connect-api/connector.js';
import type { PipelineRecord } from '../runtime/ports/PipelineStore.js';
import { PipelineTasks, type TaskRuntime } from '../runtime/PipelineTasks.js';
import type { RecordProducer } from '../runtime/ports/RecordProducer.js';
import { createSourceTask } from '../runtime/source/createSourceTask.js';
import type { WorkerSourceTask } from '../runtime/source/WorkerSourceTask.js';

export interface SourceRuntime extends TaskRuntime {
  readonly producer: RecordProducer;
  /** Builds a pipeline's connector task instead of the connector `connector.class` names (tests inject one this way). */
  readonly createTask?: (config: Readonly<Record<string, string>>, context: TaskContext) => SourceTask;
}

export class SourcePipelines {
  private readonly tasks: PipelineTasks<WorkerSourceTask>;

  /** @param owner this container's lease owner id; default `<workerId>/<uuid>`. */
  constructor(
    private readonly runtime: SourceRuntime,
    readonly owner: string = `sluice-source/${randomUUID()}`,
  ) {
    this.tasks = new PipelineTasks(runtime);
  }

  /** Runs `fn` with the task for the pipeline's current version, building (and releasing the previous one) when it changed. */
  withTask<R>(record: PipelineRecord, fn: (task: WorkerSourceTask) => Promise<R>): Promise<R> {
    return this.tasks.use(record, (config) => createSourceTask(config, record.version, { ...this.runtime, owner: this.owner }), fn);
  }

  /** The per-pipeline task cache, for releasing tasks whose pipeline no longer runs here. */
  get cache(): PipelineTasks<WorkerSourceTask> {
    return this.tasks;
  }

  close(): Promise<void> {
    return this.tasks.close();
  }
}
