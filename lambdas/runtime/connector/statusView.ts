// Status as Kafka Connect reports it, assembled from the desired state (CONFIG) and what runtimes observed (STATUS).
import type { PipelineRecord, PipelineStatus, TaskStatus } from '../ports/PipelineStore.js';
import type { ConnectorStateInfo, StateInfo, TaskState } from './entities.js';

/** Sluice runs one logical task per pipeline: the event source mapping (or the schedule) scales it. */
export const TASK_IDS: readonly number[] = [0];

export function taskIdsOf(record: PipelineRecord): readonly number[] {
  return record.targetState === 'STOPPED' ? [] : TASK_IDS;
}

function toStateInfo(s: { state: StateInfo['state']; workerId: string; trace?: string }): StateInfo {
  return s.trace ? { state: s.state, worker_id: s.workerId, trace: s.trace } : { state: s.state, worker_id: s.workerId };
}

export function taskState(record: PipelineRecord, status: PipelineStatus | undefined, id: number, workerId: string): TaskState {
  const observed: TaskStatus | undefined = status?.tasks.find((t) => t.id === id);
  if (observed?.state === 'FAILED' || observed?.state === 'RESTARTING') return { id, ...toStateInfo(observed) };
  if (record.targetState === 'PAUSED') return { id, state: 'PAUSED', worker_id: observed?.workerId ?? workerId };
  if (observed) return { id, ...toStateInfo(observed) };
  return { id, state: 'UNASSIGNED', worker_id: workerId };
}

export function connectorState(record: PipelineRecord, status: PipelineStatus | undefined, workerId: string): ConnectorStateInfo {
  const observed = status?.connector;
  let connector: StateInfo;
  if (observed && (observed.state === 'FAILED' || observed.state === 'RESTARTING') && record.targetState !== 'STOPPED') {
    connector = toStateInfo(observed);
  } else {
    connector = { state: record.targetState, worker_id: observed?.workerId ?? workerId };
  }
  return {
    name: record.name,
    connector,
    tasks: taskIdsOf(record).map((id) => taskState(record, status, id, workerId)),
    type: record.type,
  };
}
