// The source-task Lambda: EventBridge Scheduler invokes it (asynchronously) with {"pipeline": "<name>"}; it runs
// one invocation of that pipeline's SourceTask until shortly before the Lambda deadline. It never throws for a
// pipeline problem: a throw would only make Lambda retry the async event, and the next tick comes anyway.
import type { Context } from 'aws-lambda';
import { errorTrace } from '../runtime/errors.js';
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
    const [record, status] = await Promise.all([store.get(name), store.getStatus(name)]);
    if (record?.type !== 'source' || record.targetState !== 'RUNNING') await pipelines.cache.release(name); // its connection is not needed now
    if (record?.type !== 'source') {
      logger.warn(`Source pipeline ${name} does not exist (deleted?); nothing to poll`);
      return idle('stopped');
    }
    if (record.targetState !== 'RUNNING') return idle('stopped');
    if (status?.tasks.find((t) => t.id === 0)?.state === 'FAILED') {
      logger.warn(`Source pipeline ${name} is FAILED; restart it (POST /connectors/${name}/restart?includeTasks=true) after fixing the cause`);
      return idle('failed');
    }
    const deadline = clock.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS;
    try {
      return await pipelines.withTask(record, (task) => task.runInvocation(deadline));
    } catch (e) {
      // A config that does not parse or cannot build its converters/transforms: the task cannot start.
      const trace = errorTrace(e);
      logger.error(`Source pipeline ${name} failed to start`, { error: trace });
      await store
        .patchStatus(name, { connector: { state: 'RUNNING', workerId }, tasks: [{ id: 0, state: 'FAILED', workerId, trace }] })
        .catch((s: unknown) => logger.error('could not record the FAILED status', { error: String(s) }));
      return idle('failed', trace);
    } finally {
      await runtime.metrics.flush();
    }
  };
}
