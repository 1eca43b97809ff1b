// Task-invocation gating, one module for the sink and the source functions: an invocation is admitted only while its
// pipeline is RUNNING (not paused, stopped, failed or deleted); it records RUNNING after work succeeded (which also
// ends a RESTARTING transition when records flow; the reconciler ends it when none do) and FAILED with the trace; and
// it re-reads CONFIG between polls, so that a pause, a stop, a new config or a delete takes effect within one
// invocation. STATUS is written only when it changes, so a polling loop costs no writes while nothing happens.
import type { ConnectorType, PipelineRecord, PipelineStatus, PipelineStore, TaskStatus } from '../ports/PipelineStore.js';
import { stateOf } from './state.js';

export type Refusal = 'absent' | 'paused' | 'stopped' | 'failed';

export type Admission =
  | { readonly admitted: true; readonly record: PipelineRecord; readonly gate: TaskGate }
  | { readonly admitted: false; readonly refusal: Refusal; readonly message: string };

/** Whether a task of `type` may work for pipeline `name` now, and if so the gate it records its outcome through. */
export async function admitTask(store: PipelineStore, name: string, type: ConnectorType, workerId: string): Promise<Admission> {
  const [record, status] = await Promise.all([store.get(name), store.getStatus(name)]);
  if (record?.type !== type) return { admitted: false, refusal: 'absent', message: `Pipeline ${name} does not exist as a ${type} pipeline (deleted?)` };
  const state = stateOf(record, status);
  if (state === 'FAILED') {
    return { admitted: false, refusal: 'failed', message: `Pipeline ${name} is FAILED; restart it (POST /connectors/${name}/restart?includeTasks=true) after fixing the cause` };
  }
  if (record.targetState !== 'RUNNING') {
    return { admitted: false, refusal: record.targetState === 'PAUSED' ? 'paused' : 'stopped', message: `Pipeline ${name} is ${record.targetState}` };
  }
  return { admitted: true, record, gate: new TaskGate(store, name, workerId, status) };
}

export class TaskGate {
  private task: TaskStatus | undefined;
  private topics: Set<string>;

  constructor(
    private readonly store: PipelineStore,
    readonly name: string,
    private readonly workerId: string,
    status: PipelineStatus | undefined,
  ) {
    this.task = status?.tasks.find((t) => t.id === 0);
    this.topics = new Set(status?.activeTopics ?? []);
  }

  /** A gate over the current STATUS (for a task run outside a handler, as the source tests do). */
  static async open(store: PipelineStore, name: string, workerId: string): Promise<TaskGate> {
    return new TaskGate(store, name, workerId, await store.getStatus(name));
  }

  /** After work succeeded: task 0 RUNNING (if it was not) and any topic consumed or produced for the first time. */
  async running(topics: readonly string[]): Promise<void> {
    if (this.task?.state !== 'RUNNING') await this.set({ id: 0, state: 'RUNNING', workerId: this.workerId });
    const fresh = topics.filter((t) => !this.topics.has(t));
    if (fresh.length === 0) return;
    for (const t of fresh) this.topics.add(t);
    await this.store.patchStatus(this.name, { activeTopics: [...this.topics] });
  }

  /** The task failed for a reason a retry will not fix: FAILED with the trace, until restarted. */
  async failed(trace: string): Promise<void> {
    await this.set({ id: 0, state: 'FAILED', workerId: this.workerId, trace });
  }

  /** Whether the pipeline is still RUNNING with the config `version` (else the invocation ends now). */
  async stillRunning(version: number): Promise<boolean> {
    const current = await this.store.get(this.name);
    return current?.targetState === 'RUNNING' && current.version === version;
  }

  private async set(task: TaskStatus): Promise<void> {
    await this.store.patchStatus(this.name, { connector: { state: 'RUNNING', workerId: this.workerId }, tasks: [task] });
    this.task = task;
  }
}
