// Per-container state of the source function: one SourceTask per pipeline version, rebuilt when the stored config's
// version changes, so the database connection and the discovered tables are reused across warm invocations.
import { randomUUID } from 'node:crypto';
import type { DialectName } from '../connectors/jdbc/DialectName.js';
import type { PipelineRecord } from '../runtime/ports/PipelineStore.js';
import { PipelineTasks, type TaskRuntime } from '../runtime/PipelineTasks.js';
import type { RecordProducer } from '../runtime/ports/RecordProducer.js';
import { createSourceTask } from '../runtime/source/createSourceTask.js';
import type { SourceConnector } from '../connectors/jdbc/source/SourceSql.js';
import type { SourceTask } from '../runtime/source/WorkerSourceTask.js';

export interface SourceRuntime extends TaskRuntime {
  readonly producer: RecordProducer;
  readonly connectorFor: (dialect: DialectName) => SourceConnector;
}

export class SourcePipelines {
  private readonly tasks: PipelineTasks<SourceTask>;

  /** @param owner this container's lease owner id; default `<workerId>/<uuid>`. */
  constructor(
    private readonly runtime: SourceRuntime,
    readonly owner: string = `sluice-source/${randomUUID()}`,
  ) {
    this.tasks = new PipelineTasks(runtime);
  }

  /** Runs `fn` with the task for the pipeline's current version, building (and releasing the previous one) when it changed. */
  withTask<R>(record: PipelineRecord, fn: (task: SourceTask) => Promise<R>): Promise<R> {
    return this.tasks.use(record, (config) => createSourceTask(config, record.version, { ...this.runtime, owner: this.owner }), fn);
  }

  /** The per-pipeline task cache, for releasing tasks whose pipeline no longer runs here. */
  get cache(): PipelineTasks<SourceTask> {
    return this.tasks;
  }

  close(): Promise<void> {
    return this.tasks.close();
  }
}
