// Which lifecycle state a pipeline is in, from its CONFIG (target state) and STATUS (what the runtimes and the
// reconciler observed). The one place that reads FAILED and STOPPED out of a STATUS item.
import type { PipelineRecord, PipelineStatus } from '../ports/PipelineStore.js';
import type { From } from './transitions.js';

/** A task (or the connector) reported FAILED. */
export function isFailed(status: PipelineStatus | undefined): boolean {
  return status?.connector?.state === 'FAILED' || (status?.tasks ?? []).some((t) => t.state === 'FAILED');
}

/**
 * STOPPED once the reconciler saw the resources released (it writes connector STOPPED), or when nothing ever ran
 * (no connector status yet); until then a stopped pipeline is STOPPING.
 */
export function isStopConfirmed(status: PipelineStatus | undefined): boolean {
  return status?.connector === undefined || status.connector.state === 'STOPPED';
}

/** @param restartPending a restart was asked that the reconciler has not applied yet: a failure no longer counts. */
export function stateOf(record: PipelineRecord | undefined, status: PipelineStatus | undefined, restartPending = false): From {
  if (!record) return 'ABSENT';
  if (record.targetState === 'STOPPED') return isStopConfirmed(status) ? 'STOPPED' : 'STOPPING';
  if (!restartPending && isFailed(status)) return 'FAILED';
  return record.targetState;
}

/** Task ids as Kafka lists them: none while STOPPED or before any was generated (created or stopped, then paused). */
export function taskIdsOf(record: PipelineRecord): readonly number[] {
  return record.targetState === 'STOPPED' || (record.taskCount ?? 1) === 0 ? [] : [0];
}
