// The per-container task cache closes what it no longer needs: a replaced version, a released pipeline (only once
// its last user is done) and a task idle beyond the timeout.
import { describe, expect, it } from 'vitest';
import { PipelineTasks } from '../../lambdas/runtime/PipelineTasks.js';
import type { PipelineRecord } from '../../lambdas/runtime/ports/PipelineStore.js';
import { FakeClock } from '../helpers/fakeClock.js';

class Task {
  closed = 0;
  constructor(readonly label: string) {}
  async close(): Promise<void> {
    this.closed++;
  }
}

const record = (name: string, version = 1): PipelineRecord => ({ name, type: 'sink', config: { name }, targetState: 'RUNNING', version, restartEpoch: 0, createdAt: '', updatedAt: '' });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function cache(idleMs = 1_000) {
  const clock = new FakeClock();
  const built: Task[] = [];
  const tasks = new PipelineTasks<Task>({ logger: quiet, clock }, idleMs);
  const use = (r: PipelineRecord, fn: (t: Task) => Promise<void> = async () => undefined) =>
    tasks.use(
      r,
      (config) => {
        const t = new Task(`${config['name']}@${r.version}`);
        built.push(t);
        return t;
      },
      fn,
    );
  return { clock, built, tasks, use };
}

describe('PipelineTasks', () => {
  it('reuses the task of a version and closes it when the version changes', async () => {
    const { built, use } = cache();
    await use(record('a', 1));
    await use(record('a', 1));
    await use(record('a', 2));
    expect(built.map((t) => [t.label, t.closed])).toEqual([
      ['a@1', 1],
      ['a@2', 0],
    ]);
  });

  it('closes a released task at once when unused, and after its last user when in use', async () => {
    const { built, tasks, use } = cache();
    await use(record('idle'));
    await tasks.release('idle');
    let closedDuringUse = -1;
    await use(record('busy'), async () => {
      await tasks.release('busy');
      closedDuringUse = built[1]!.closed;
    });
    expect([built[0]!.closed, closedDuringUse, built[1]!.closed]).toEqual([1, 0, 1]);
    expect(tasks.held).toEqual([]);
  });

  it('releases the tasks that retain does not keep', async () => {
    const { built, tasks, use } = cache();
    await use(record('keep'));
    await use(record('drop'));
    await tasks.retain((name) => name === 'keep');
    expect(built.map((t) => t.closed)).toEqual([0, 1]);
    expect(tasks.held).toEqual(['keep']);
  });

  it('closes the tasks idle beyond the timeout, on the next use of another pipeline or on closeIdle', async () => {
    const { clock, built, tasks, use } = cache(1_000);
    await use(record('old'));
    await clock.sleep(999);
    await use(record('new'));
    expect(built[0]!.closed).toBe(0);
    await clock.sleep(1);
    await use(record('new'));
    expect(built[0]!.closed).toBe(1);
    await clock.sleep(1_000);
    await tasks.closeIdle();
    expect(built[1]!.closed).toBe(1);
    expect(tasks.held).toEqual([]);
  });
});
