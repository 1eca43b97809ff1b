// Status as Kafka Connect reports it, assembled from the desired state (CONFIG) and what runtimes observed (STATUS).
import { awsNamesOf } from '../awsNames.js';
import type { PipelineRecord, PipelineStatus, TaskStatus } from '../ports/PipelineStore.js';
import type { ObservedRuntime } from '../ports/RuntimeObserver.js';
import { knownSinkTopics } from '../sinkGroups.js';
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

/** Kafka Connect's status plus the AWS names derived from the pipeline's name (Sluice's addition, runtime/awsNames.ts). */
export function connectorStatus(record: PipelineRecord, status: PipelineStatus | undefined, workerId: string): ConnectorStateInfo {
  const topics = record.type === 'sink' ? knownSinkTopics(record.config, status) : [];
  return { ...connectorState(record, status, workerId), aws_names: awsNamesOf(record.name, record.type, topics) };
}

/**
 * Adds what the platform reports: a live event source mapping whose last processing result is a PROBLEM makes a
 * task that the STATUS item thinks healthy show FAILED with that problem as its trace (Kafka Connect's view of a
 * task that cannot consume), and the mappings and recent metrics are reported under `runtime`.
 */
export function withRuntime(state: ConnectorStateInfo, observed: ObservedRuntime): ConnectorStateInfo {
  const problems = observed.mappings.filter((m) => m.lastProcessingResult?.startsWith('PROBLEM'));
  const tasks =
    problems.length === 0
      ? state.tasks
      : state.tasks.map((t) =>
          t.state === 'RUNNING' || t.state === 'UNASSIGNED'
            ? {
                ...t,
                state: 'FAILED' as const,
                trace: problems.map((m) => `Event source mapping ${m.uuid} (topic ${m.topic}): ${m.lastProcessingResult}${m.stateTransitionReason ? ` (${m.stateTransitionReason})` : ''}`).join('\n'),
              }
            : t,
        );
  return {
    ...state,
    tasks,
    runtime: {
      event_source_mappings: observed.mappings.map((m) => ({
        topic: m.topic,
        uuid: m.uuid,
        state: m.state,
        ...(m.stateTransitionReason ? { state_transition_reason: m.stateTransitionReason } : {}),
        ...(m.lastProcessingResult ? { last_processing_result: m.lastProcessingResult } : {}),
      })),
      metrics: { ...observed.metrics },
      metrics_window_minutes: observed.windowMinutes,
    },
  };
}
