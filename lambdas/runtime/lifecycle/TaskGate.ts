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

/** How long a warm sink container reuses an admission by default (SLUICE_ADMISSION_TTL_MS; 0 reads every invocation). */
export const DEFAULT_ADMISSION_TTL_MS = 5_000;

/**
 * A warm container's admissions, each reused for `ttlMs` after the reads that made it (CONFIG and STATUS: 2 strongly
 * consistent reads per invocation otherwise). Only admissions are kept: a refused pipeline is read again at every
 * invocation, so a resume or restart takes effect at once; a pause, stop, delete or new config takes effect here within
 * `ttlMs` (the controller also disables or deletes the pipeline's event source mappings, which stops the invocations
 * themselves). `forget` drops one after an invocation failed, so the next reads the store again.
 */
export class AdmissionCache {
  private readonly kept = new Map<string, { readonly admission: Admission; readonly until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async admit(store: PipelineStore, name: string, type: ConnectorType, workerId: string): Promise<Admission> {
    const hit = this.kept.get(name);
    if (hit !== undefined && this.now() < hit.until) return hit.admission;
    this.kept.delete(name);
    const admission = await admitTask(store, name, type, workerId);
    if (admission.admitted && this.ttlMs > 0) this.kept.set(name, { admission, until: this.now() + this.ttlMs });
    return admission;
  }

  forget(name: string): void {
    this.kept.delete(name);
  }
}
