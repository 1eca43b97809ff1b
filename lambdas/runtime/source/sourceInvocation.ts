// One scheduled invocation of a source pipeline. EventBridge Scheduler fires at most once a minute, so with
// poll.interval.ms below 60000 the invocation keeps polling (sleeping until the connector has data due again) until the
// deadline. It holds the pipeline's lease throughout (fencing offsets writes), renews it between polls, re-reads the
// CONFIG to stop when the pipeline is paused, stopped, reconfigured or deleted, and releases the lease at the end.
import { ConflictError, errorTrace } from '../../connect-api/errors.js';
import { TaskGate } from '../lifecycle/TaskGate.js';
import type { Lease } from '../ports/PipelineStore.js';
import type { WorkerSourceTask } from './WorkerSourceTask.js';

export type InvocationOutcome = 'completed' | 'lease-held' | 'lease-lost' | 'stopped' | 'transient' | 'failed';

export interface InvocationResult {
  readonly outcome: InvocationOutcome;
  readonly polls: number;
  readonly rows: number;
  readonly produced: number;
  readonly trace?: string;
}

/** Lease time beyond the deadline, so a slow release still leaves the lease with this invocation. */
const LEASE_GRACE_MS = 30_000;
/** Below this interval the scheduler cannot fire often enough, so one invocation polls repeatedly. */
export const SCHEDULER_PERIOD_MS = 60_000;

/** @param admitted the gate the handler admitted this invocation through; without one, a gate over the current STATUS. */
export async function runSourceInvocation(task: WorkerSourceTask, deadline: number, admitted?: TaskGate): Promise<InvocationResult> {
  const { store, clock, logger, metrics, owner, version } = task.deps;
  const name = task.name;
  const ttl = () => Math.max(deadline - clock.now(), 0) + LEASE_GRACE_MS;
  const status = admitted ?? (await TaskGate.open(store, name, owner));
  let lease: Lease | undefined = await store.acquireLease(name, owner, ttl(), clock.now());
  if (!lease) return { outcome: 'lease-held', polls: 0, rows: 0, produced: 0 };
  let polls = 0;
  let rows = 0;
  let produced = 0;
  let outcome: InvocationOutcome = 'completed';
  try {
    const offsets = await task.readOffsets();
    let caughtUp = true;
    for (;;) {
      const s = await task.pollOnce(lease, offsets, deadline);
      polls++;
      rows += s.rows;
      produced += s.produced;
      caughtUp = s.caughtUp;
      await status.running(s.topics);
      if (task.pollIntervalMs >= SCHEDULER_PERIOD_MS) break;
      if (!caughtUp) break; // the deadline ended the round
      const due = s.nextPollAt;
      if (due >= deadline) break;
      if (due > clock.now()) await clock.sleep(due - clock.now());
      lease = await store.renewLease(lease, ttl(), clock.now());
      if (!lease) {
        outcome = 'lease-lost';
        break;
      }
      if (!(await status.stillRunning(version))) {
        outcome = 'stopped';
        break;
      }
    }
    const lag = caughtUp ? 0 : await task.lag(deadline);
    if (lag !== undefined) metrics.count(name, 'RowLag', lag);
  } catch (e) {
    if (e instanceof ConflictError) {
      outcome = 'lease-lost';
      logger.warn(`Source ${name}: a later invocation took over; stopping`, { error: e.message });
    } else if ((e as { retriable?: unknown } | null)?.retriable === true) {
      // By shape, not class: a connector's own error marked retriable is transient too.
      outcome = 'transient';
      logger.warn(`Source ${name}: transient failure, the next invocation retries`, { error: errorTrace(e) });
    } else {
      const trace = errorTrace(e);
      logger.error(`Source ${name} failed`, { error: trace });
      await status.failed(trace).catch((s: unknown) => logger.error('could not record the FAILED status', { error: String(s) }));
      return { outcome: 'failed', polls, rows, produced, trace };
    }
  } finally {
    if (lease) await store.releaseLease(lease).catch((e: unknown) => logger.warn('releasing the lease failed', { error: String(e) }));
  }
  return { outcome, polls, rows, produced };
}
