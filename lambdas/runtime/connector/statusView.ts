// Status as Kafka Connect reports it, assembled from the desired state (CONFIG) and what runtimes observed (STATUS).
import { stateOf, taskIdsOf } from '../lifecycle/state.js';
import { awsNamesOf } from '../awsNames.js';
import type { PipelineRecord, PipelineStatus, TaskStatus } from '../ports/PipelineStore.js';
import type { ObservedRuntime } from '../ports/RuntimeObserver.js';
import { knownSinkTopics } from '../sinkGroups.js';
import type { ConnectorStateInfo, StateInfo, TaskState } from './entities.js';

/** Sluice runs one logical task per pipeline (task 0): the event source mapping (or the schedule) scales it. */
export { taskIdsOf } from '../lifecycle/state.js';

function toStateInfo(s: { state: StateInfo['state']; workerId: string; trace?: string }): StateInfo {
  return s.trace ? { state: s.state, worker_id: s.workerId, trace: s.trace } : { state: s.state, worker_id: s.workerId };
}

/** FAILED shows whatever the target state; a pause wins over RESTARTING and RUNNING, as in Kafka Connect. */
export function taskState(record: PipelineRecord, status: PipelineStatus | undefined, id: number, workerId: string): TaskState {
  const observed: TaskStatus | undefined = status?.tasks.find((t) => t.id === id);
  if (observed?.state === 'FAILED') return { id, ...toStateInfo(observed) };
  if (record.targetState === 'PAUSED') return { id, state: 'PAUSED', worker_id: observed?.workerId ?? workerId };
  if (observed) return { id, ...toStateInfo(observed) };
  return { id, state: 'UNASSIGNED', worker_id: workerId };
}

/**
 * The connector's state and tasks from the lifecycle state (lifecycle/state.ts): STOPPED only once the reconciler saw
 * the resources released; while STOPPING, what the runtimes last reported (the consumer is still in its group).
 */
export function connectorState(record: PipelineRecord, status: PipelineStatus | undefined, workerId: string): ConnectorStateInfo {
  const observed = status?.connector;
  const lifecycle = stateOf(record, status);
  let connector: StateInfo;
  let tasks: TaskState[];
  if (lifecycle === 'STOPPING') {
    connector = toStateInfo(observed!);
    tasks = (status?.tasks ?? []).map((t) => ({ id: t.id, ...toStateInfo(t) }));
  } else {
    const shown = observed && (observed.state === 'FAILED' || (observed.state === 'RESTARTING' && record.targetState === 'RUNNING')) && record.targetState !== 'STOPPED';
    connector = shown ? toStateInfo(observed) : { state: record.targetState, worker_id: observed?.workerId ?? workerId };
    tasks = taskIdsOf(record).map((id) => taskState(record, status, id, workerId));
  }
  return { name: record.name, connector, tasks, type: record.type };
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
      ...(observed.history
        ? { metrics_history: { period_seconds: observed.history.periodSeconds, series: Object.fromEntries(Object.entries(observed.history.series).map(([k, points]) => [k, points.map(([t, v]) => [t, v] as [number, number])])) } }
        : {}),
    },
  };
}
