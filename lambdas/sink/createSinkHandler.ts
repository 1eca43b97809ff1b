// The sink-task Lambda: one MSK event source mapping batch → one pipeline's SinkTask.
// Throwing makes the ESM redeliver the whole batch (no offset is committed), which the idempotent writes absorb.
import type { Context } from 'aws-lambda';
import { errorTrace, RetriableError, SluiceError } from '../connect-api/errors.js';
import { AdmissionCache } from '../runtime/lifecycle/TaskGate.js';
import { decodeMskEvent, type MskEvent } from '../runtime/sink/mskEvent.js';
import type { PutResult } from '../runtime/sink/WorkerSinkTask.js';
import type { SinkPipelines, SinkRuntime } from './SinkPipelines.js';

/** Time kept back from the Lambda deadline so that a failing batch can still report its status. */
const SAFETY_MARGIN_MS = 5_000;

export type SinkHandler = (event: MskEvent, context: Context) => Promise<PutResult>;

/** `admissionTtlMs`: how long a warm container reuses a pipeline's CONFIG and STATUS reads (lifecycle/TaskGate.ts); 0 reads them every invocation. */
export function createSinkHandler(runtime: SinkRuntime, pipelines: SinkPipelines, workerId: string, admissionTtlMs = 0): SinkHandler {
  const { store, clock, logger } = runtime;
  const admissions = new AdmissionCache(admissionTtlMs, () => clock.now());

  return async (event, context) => {
    const name = await pipelines.pipelineOf(context.invokedFunctionArn);
    const admission = await admissions.admit(store, name, 'sink', workerId);
    if (!admission.admitted) {
      if (admission.refusal !== 'failed') await pipelines.cache.release(name); // its connections are not needed now
      // Paused or stopped: the mapping is being disabled; leave the batch uncommitted for when it runs again.
      if (admission.refusal === 'paused' || admission.refusal === 'stopped') throw new RetriableError(`${admission.message}; the batch is left uncommitted`);
      throw new SluiceError(`${admission.message}; the batch is left uncommitted`);
    }
    const { record, gate } = admission;
    const raws = decodeMskEvent(event);
    try {
      const result = await pipelines.withTask(record, event.bootstrapServers, (task) => task.put(raws, clock.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS));
      // The batch is written: failing now would only make the ESM redeliver it, so a status write is best effort.
      await gate.running(result.topics).catch((e: unknown) => logger.warn(`could not record the status of ${name}`, { error: String(e) }));
      return result;
    } catch (e) {
      admissions.forget(name);
      if (!(e instanceof SluiceError && e.retriable)) {
        logger.error(`Pipeline ${name} failed`, { error: errorTrace(e) });
        await gate.failed(errorTrace(e)).catch((s: unknown) => logger.error('could not record the FAILED status', { error: String(s) }));
      }
      throw e;
    } finally {
      await runtime.metrics.flush();
    }
  };
}
