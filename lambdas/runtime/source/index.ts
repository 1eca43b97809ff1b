// The JDBC source runtime: what lambdas/source and the adapters may import.
export { type ColumnMapper, columnMapper, type NumericMapping } from '../../connectors/jdbc/source/columnMapping.js';
export { createSourceTask, type SourceTaskEnv } from './createSourceTask.js';
export { type JdbcSourceConfig, parseJdbcSourceConfig } from '../../connectors/jdbc/source/JdbcSourceConfig.js';
export { type OffsetState, offsetFromMap, offsetToMap, QUERY_PARTITION, tablePartition } from '../../connectors/jdbc/source/offsets.js';
export { type InvocationOutcome, type InvocationResult, SCHEDULER_PERIOD_MS } from './sourceInvocation.js';
export type { JdbcType, ResultColumn, ResultSet, SourceConnection, SourceConnector, SourceConnectOptions } from '../../connectors/jdbc/source/SourceSql.js';
export { type PollSummary, SourceTask, type SourceTaskDeps } from './WorkerSourceTask.js';
