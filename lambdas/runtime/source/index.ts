// The JDBC source runtime: what lambdas/source and the adapters may import.
export { type ColumnMapper, columnMapper, type NumericMapping } from './columnMapping.js';
export { createSourceTask, type SourceTaskEnv } from './createSourceTask.js';
export { type JdbcSourceConfig, parseJdbcSourceConfig } from './JdbcSourceConfig.js';
export { type OffsetState, offsetFromMap, offsetToMap, QUERY_PARTITION, tablePartition } from './offsets.js';
export { type InvocationOutcome, type InvocationResult, SCHEDULER_PERIOD_MS } from './sourceInvocation.js';
export type { JdbcType, ResultColumn, ResultSet, SourceConnection, SourceConnector, SourceConnectOptions } from './SourceSql.js';
export { type PollSummary, SourceTask, type SourceTaskDeps } from './SourceTask.js';
