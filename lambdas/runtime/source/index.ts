// The source framework: what lambdas/source and standalone mode may import. It knows no connector: each is a plugin.
export { connectorSourceTask, createSourceTask, DEFAULT_POLL_INTERVAL_MS, type SourceTaskEnv } from './createSourceTask.js';
export { type InvocationOutcome, type InvocationResult, SCHEDULER_PERIOD_MS } from './sourceInvocation.js';
export { type PollSummary, type SourceTaskConfig, type SourceTaskDeps, WorkerSourceTask } from './WorkerSourceTask.js';
