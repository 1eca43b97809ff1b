// The lifecycle: pipeline row → desired resources → plan; the state-transition table; task-invocation gating.
export { desiredOf, esmSpecs, needsTopicList, pollIntervalMs, pollRateMinutes, scheduleNameFor } from './desired.js';
export { type ReconcileResult, type ReconcilerOptions, PipelineReconciler, type Trigger } from './PipelineReconciler.js';
export { ALIAS_VERSION, type Action, type Desired, type EsmSpec, type Observed, type ObservedEsm, type ObservedSchedule, plan, rateExpression, released, type ScheduleSpec } from './plan.js';
export { isFailed, isStopConfirmed, stateOf, taskIdsOf } from './state.js';
export { type From, type LifecycleState, REQUESTS, RESOURCES, type Request, type Resources, TRANSITIONS, type Transition, transition } from './transitions.js';
