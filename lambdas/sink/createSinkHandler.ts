// The sink-task Lambda: one MSK event source mapping batch → one pipeline's SinkTask.
// Throwing makes the ESM redeliver the whole batch (no offset is committed), which the idempotent writes absorb.
import type { Context } from 'aws-lambda';
import { errorTrace, RetriableError, SluiceError } from '../runtime/errors.js';
import type { PipelineStatus } from '../runtime/ports/PipelineStore.js';
import { decodeMskEvent, type MskEvent } from '../runtime/sink/mskEvent.js';
import type { PutResult } from '../runtime/sink/SinkTask.js';
import type { SinkPipelines, SinkRuntime } from './SinkPipelines.js';

/** Time kept back from the Lambda deadline so that a failing batch can still report its status. */
const SAFETY_MARGIN_MS = 5_000;

export type SinkHandler = (event: MskEvent, context: Context) => Promise<PutResult>;

export function createSinkHandler(runtime: SinkRuntime, pipelines: SinkPipelines, workerId: string): SinkHandler {
  const { store, clock, logger } = runtime;

  const setTask = (name: string, state: 'RUNNING' | 'FAILED', trace?: string) =>
    store.patchStatus(name, {
      connector: { state: 'RUNNING', workerId },
      tasks: [{ id: 0, state, workerId, ...(trace ? { trace } : {}) }],
    });

  return async (event, context) => {
    const name = await pipelines.pipelineOf(context.invokedFunctionArn);
    const [record, status] = await Promise.all([store.get(name), store.getStatus(name)]);
    if (record?.targetState !== 'RUNNING') await pipelines.cache.release(name); // its connections are not needed now
    if (!record) throw new SluiceError(`Pipeline ${name} does not exist (deleted?); the batch is left uncommitted`);
    if (record.targetState !== 'RUNNING') throw new RetriableError(`Pipeline ${name} is ${record.targetState}; the batch is left uncommitted`);
    const task0 = status?.tasks.find((t) => t.id === 0);
    if (task0?.state === 'FAILED') throw new SluiceError(`Pipeline ${name} is FAILED; restart it (POST /connectors/${name}/restart?includeTasks=true) after fixing the cause`);
    const raws = decodeMskEvent(event);
    try {
      const result = await pipelines.withTask(record, event.bootstrapServers, (task) => task.put(raws, clock.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS));
      // The batch is written: failing now would only make the ESM redeliver it, so a status write is best effort.
      await markRunning(status, result.topics).catch((e: unknown) => logger.warn(`could not record the status of ${name}`, { error: String(e) }));
      return result;
    } catch (e) {
      if (!(e instanceof SluiceError && e.retriable)) {
        logger.error(`Pipeline ${name} failed`, { error: errorTrace(e) });
        await setTask(name, 'FAILED', errorTrace(e)).catch((s: unknown) => logger.error('could not record the FAILED status', { error: String(s) }));
      }
      throw e;
    } finally {
      await runtime.metrics.flush();
    }

    async function markRunning(current: PipelineStatus | undefined, topics: readonly string[]): Promise<void> {
      const active = new Set(current?.activeTopics ?? []);
      const newTopics = topics.filter((t) => !active.has(t));
      if (task0?.state !== 'RUNNING') await setTask(name, 'RUNNING');
      if (newTopics.length > 0) await store.patchStatus(name, { activeTopics: [...active, ...newTopics] });
    }
  };
}
