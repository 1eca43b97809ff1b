// The source-task Lambda: EventBridge Scheduler invokes it (asynchronously) with {"pipeline": "<name>"}; it runs
// one invocation of that pipeline's SourceTask until shortly before the Lambda deadline. It never throws for a
// pipeline problem: a throw would only make Lambda retry the async event, and the next tick comes anyway.
import type { Context } from 'aws-lambda';
import { errorTrace } from '../connect-api/errors.js';
import { admitTask } from '../runtime/lifecycle/TaskGate.js';
import type { InvocationResult } from '../runtime/source/sourceInvocation.js';
import type { SourcePipelines, SourceRuntime } from './SourcePipelines.js';

/** Time kept back from the Lambda deadline to save offsets, record the status and release the lease. */
export const SAFETY_MARGIN_MS = 10_000;

export interface SourceEvent {
  readonly pipeline: string;
}

export type SourceHandler = (event: SourceEvent, context: Pick<Context, 'getRemainingTimeInMillis'>) => Promise<InvocationResult>;

const idle = (outcome: InvocationResult['outcome'], trace?: string): InvocationResult => ({ outcome, polls: 0, rows: 0, produced: 0, ...(trace ? { trace } : {}) });

export function createSourceHandler(runtime: SourceRuntime, pipelines: SourcePipelines, workerId: string): SourceHandler {
  const { store, clock, logger } = runtime;
  return async (event, context) => {
    const name = typeof event?.pipeline === 'string' ? event.pipeline : '';
    if (name === '') {
      logger.error('The source task was invoked without {"pipeline": "<name>"}', { event: JSON.stringify(event) });
      return idle('stopped');
    }
    const admission = await admitTask(store, name, 'source', workerId);
    if (!admission.admitted) {
      if (admission.refusal !== 'failed') await pipelines.cache.release(name); // its connection is not needed now
      if (admission.refusal !== 'paused' && admission.refusal !== 'stopped') logger.warn(`${admission.message}; nothing to poll`);
      return idle(admission.refusal === 'failed' ? 'failed' : 'stopped');
    }
    const { record, gate } = admission;
    const deadline = clock.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS;
    try {
      return await pipelines.withTask(record, (task) => task.runInvocation(deadline, gate));
    } catch (e) {
      // A config that does not parse or cannot build its converters/transforms: the task cannot start.
      const trace = errorTrace(e);
      logger.error(`Source pipeline ${name} failed to start`, { error: trace });
      await gate.failed(trace).catch((s: unknown) => logger.error('could not record the FAILED status', { error: String(s) }));
      return idle('failed', trace);
    } finally {
      await runtime.metrics.flush();
    }
  };
}
