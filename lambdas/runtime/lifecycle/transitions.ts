// The lifecycle of a pipeline as one table, Kafka Connect's rules (KIP-745 restarts, KIP-875 offsets, KIP-980 initial
// state, 3.5+ STOP): from state × request → the state it leads to, what happens to the task list and which instances
// restart. What each state means for the resources (mappings, schedule, consumer group, offsets) is `RESOURCES`.
// The REST service, the reconciler, the status view and the README's Lifecycle section all read these two tables.
import type { TargetState } from '../ports/PipelineStore.js';

/**
 * Where a pipeline is. FAILED: a task failed and no restart was asked since (whatever the target state, as Kafka keeps
 * a failed task stopped). STOPPING: stop was asked and the resources have not yet been seen released.
 */
export type LifecycleState = 'RUNNING' | 'PAUSED' | 'STOPPING' | 'STOPPED' | 'FAILED';
export type From = LifecycleState | 'ABSENT';

export const REQUESTS = ['create', 'create PAUSED', 'create STOPPED', 'pause', 'resume', 'stop', 'restart', 'restart onlyFailed', 'config', 'task fails', 'offsets', 'delete'] as const;
export type Request = (typeof REQUESTS)[number];

/** generated: task 0 exists afresh; kept: the task list stays as it was; cleared: no task (Kafka empties the task configs). */
export type TaskList = 'generated' | 'kept' | 'cleared';
/** Which instances a restart request marks RESTARTING: all, only FAILED ones, or none. */
export type Restarts = 'all' | 'failed' | 'none';

export interface Transition {
  readonly to: From;
  /** The target state written; undefined: unchanged. */
  readonly target?: TargetState;
  readonly tasks: TaskList;
  readonly restarts: Restarts;
  /** The request is refused with this HTTP status and reason (nothing changes). */
  readonly refused?: { readonly status: 400 | 404 | 409; readonly reason: string };
}

const go = (to: From, tasks: TaskList, target?: TargetState, restarts: Restarts = 'none'): Transition => ({ to, tasks, restarts, ...(target ? { target } : {}) });
const refuse = (from: From, status: 400 | 404 | 409, reason: string): Transition => ({ to: from, tasks: 'kept', restarts: 'none', refused: { status, reason } });

const NOT_STOPPED = 'offsets can be changed only in the STOPPED state';
const STILL_STOPPING = 'the consumer group still has members (or the schedule has an invocation in flight): retry once the status says STOPPED';
const UNKNOWN = 'no such connector';
const EXISTS = 'the connector already exists';

/** Requests every existing pipeline answers alike. */
function common(from: LifecycleState): Pick<Record<Request, Transition>, 'create' | 'create PAUSED' | 'create STOPPED' | 'delete'> {
  const exists = refuse(from, 409, EXISTS);
  return { create: exists, 'create PAUSED': exists, 'create STOPPED': exists, delete: go('ABSENT', 'cleared') };
}

export const TRANSITIONS: Readonly<Record<From, Readonly<Record<Request, Transition>>>> = {
  ABSENT: {
    create: go('RUNNING', 'generated', 'RUNNING'),
    // KIP-980: a connector created paused or stopped generates no task until it is resumed.
    'create PAUSED': go('PAUSED', 'cleared', 'PAUSED'),
    'create STOPPED': go('STOPPED', 'cleared', 'STOPPED'),
    pause: refuse('ABSENT', 404, UNKNOWN),
    resume: refuse('ABSENT', 404, UNKNOWN),
    stop: refuse('ABSENT', 404, UNKNOWN),
    restart: refuse('ABSENT', 404, UNKNOWN),
    'restart onlyFailed': refuse('ABSENT', 404, UNKNOWN),
    config: go('RUNNING', 'generated', 'RUNNING'),
    'task fails': go('ABSENT', 'kept'),
    offsets: refuse('ABSENT', 404, UNKNOWN),
    delete: refuse('ABSENT', 404, UNKNOWN),
  },
  RUNNING: {
    ...common('RUNNING'),
    pause: go('PAUSED', 'kept', 'PAUSED'),
    resume: go('RUNNING', 'kept'),
    stop: go('STOPPING', 'cleared', 'STOPPED'),
    restart: go('RUNNING', 'kept', undefined, 'all'),
    'restart onlyFailed': go('RUNNING', 'kept', undefined, 'failed'),
    config: go('RUNNING', 'generated'),
    'task fails': go('FAILED', 'kept'),
    offsets: refuse('RUNNING', 400, NOT_STOPPED),
  },
  PAUSED: {
    ...common('PAUSED'),
    pause: go('PAUSED', 'kept'),
    resume: go('RUNNING', 'generated', 'RUNNING'),
    // Nothing polls while paused, so the reconciler confirms the stop at once.
    stop: go('STOPPED', 'cleared', 'STOPPED'),
    // Restart keeps the target state: a paused connector restarts paused.
    restart: go('PAUSED', 'kept', undefined, 'all'),
    'restart onlyFailed': go('PAUSED', 'kept', undefined, 'failed'),
    config: go('PAUSED', 'kept'),
    'task fails': go('PAUSED', 'kept'),
    offsets: refuse('PAUSED', 400, NOT_STOPPED),
  },
  STOPPING: {
    ...common('STOPPING'),
    pause: go('PAUSED', 'cleared', 'PAUSED'),
    resume: go('RUNNING', 'generated', 'RUNNING'),
    stop: go('STOPPING', 'cleared'),
    restart: go('STOPPING', 'cleared'),
    'restart onlyFailed': go('STOPPING', 'cleared'),
    config: go('STOPPING', 'cleared'),
    'task fails': go('STOPPING', 'cleared'),
    offsets: refuse('STOPPING', 409, STILL_STOPPING),
  },
  STOPPED: {
    ...common('STOPPED'),
    // Pausing a stopped connector generates no task (its task configs were emptied by the stop).
    pause: go('PAUSED', 'cleared', 'PAUSED'),
    resume: go('RUNNING', 'generated', 'RUNNING'),
    stop: go('STOPPED', 'cleared'),
    restart: go('STOPPED', 'cleared'),
    'restart onlyFailed': go('STOPPED', 'cleared'),
    config: go('STOPPED', 'cleared'),
    'task fails': go('STOPPED', 'cleared'),
    offsets: go('STOPPED', 'cleared'),
  },
  FAILED: {
    ...common('FAILED'),
    // A failed task stays failed while paused or resumed: only a restart, a new config or a stop + resume clears it.
    pause: go('FAILED', 'kept', 'PAUSED'),
    resume: go('FAILED', 'kept', 'RUNNING'),
    stop: go('STOPPED', 'cleared', 'STOPPED'),
    restart: go('RUNNING', 'kept', undefined, 'all'),
    'restart onlyFailed': go('RUNNING', 'kept', undefined, 'failed'),
    config: go('RUNNING', 'generated', undefined, 'failed'),
    'task fails': go('FAILED', 'kept'),
    offsets: refuse('FAILED', 400, NOT_STOPPED),
  },
};

export type Switch = 'enabled' | 'disabled' | 'deleted';

/** What a state means for what exists: Lambda ESMs (emulated consumers locally), the schedule, the group, offsets. */
export interface Resources {
  readonly mappings: Switch;
  readonly schedule: Switch;
  /** Whether the sink's consumer group has a member (an enabled mapping polls; a disabled one has left). */
  readonly groupMember: boolean;
  readonly offsetsChangeable: boolean;
}

export const RESOURCES: Readonly<Record<From, Resources>> = {
  ABSENT: { mappings: 'deleted', schedule: 'deleted', groupMember: false, offsetsChangeable: false },
  RUNNING: { mappings: 'enabled', schedule: 'enabled', groupMember: true, offsetsChangeable: false },
  PAUSED: { mappings: 'disabled', schedule: 'disabled', groupMember: false, offsetsChangeable: false },
  STOPPING: { mappings: 'disabled', schedule: 'disabled', groupMember: true, offsetsChangeable: false },
  STOPPED: { mappings: 'disabled', schedule: 'disabled', groupMember: false, offsetsChangeable: true },
  FAILED: { mappings: 'disabled', schedule: 'disabled', groupMember: false, offsetsChangeable: false },
};

export function transition(from: From, request: Request): Transition {
  return TRANSITIONS[from][request];
}

/** The record's task count after a transition (undefined stays undefined: a row from before task counts). */
export function taskCountAfter(t: Transition, before: { readonly taskCount?: number } | undefined): number | undefined {
  return t.tasks === 'generated' ? 1 : t.tasks === 'cleared' ? 0 : before?.taskCount;
}
