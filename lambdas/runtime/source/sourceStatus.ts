// The source task's STATUS attributes (tasks, activeTopics): written only when they change, so a poll loop costs
// no DynamoDB writes while nothing new happens.
import type { PipelineStore, TaskStatus } from '../ports/PipelineStore.js';

export class SourceStatus {
  private task: TaskStatus | undefined;
  private topics = new Set<string>();

  constructor(
    private readonly store: PipelineStore,
    private readonly name: string,
    private readonly workerId: string,
  ) {}

  async load(): Promise<TaskStatus | undefined> {
    const s = await this.store.getStatus(this.name);
    this.task = s?.tasks.find((t) => t.id === 0);
    this.topics = new Set(s?.activeTopics ?? []);
    return this.task;
  }

  /** After a successful poll: task 0 RUNNING (if it was not) and any newly produced-to topics. */
  async running(topics: readonly string[]): Promise<void> {
    if (this.task?.state !== 'RUNNING') await this.set({ id: 0, state: 'RUNNING', workerId: this.workerId });
    const fresh = topics.filter((t) => !this.topics.has(t));
    if (fresh.length > 0) {
      for (const t of fresh) this.topics.add(t);
      await this.store.patchStatus(this.name, { activeTopics: [...this.topics] });
    }
  }

  async failed(trace: string): Promise<void> {
    await this.set({ id: 0, state: 'FAILED', workerId: this.workerId, trace });
  }

  private async set(task: TaskStatus): Promise<void> {
    await this.store.patchStatus(this.name, { connector: { state: 'RUNNING', workerId: this.workerId }, tasks: [task] });
    this.task = task;
  }
}
