// The REST API's entities, with Kafka Connect's JSON property names exactly.
import type { ConnectorType, InstanceState } from '../ports/PipelineStore.js';
import type { AwsNames } from '../awsNames.js';

export interface ServerInfo {
  version: string;
  commit: string;
  kafka_cluster_id: string;
}

/** GET /health (KIP-1017). */
export interface WorkerStatus {
  status: 'healthy' | 'starting' | 'unhealthy';
  message: string;
}

export interface ConnectorTaskId {
  connector: string;
  task: number;
}

export interface ConnectorInfo {
  name: string;
  config: Record<string, string>;
  tasks: ConnectorTaskId[];
  type: ConnectorType | 'unknown';
}

export interface StateInfo {
  state: InstanceState;
  worker_id: string;
  trace?: string;
}

export interface TaskState extends StateInfo {
  id: number;
}

export interface ConnectorStateInfo {
  name: string;
  connector: StateInfo;
  tasks: TaskState[];
  type: ConnectorType | 'unknown';
  /** Sluice's addition (clients ignore unknown fields): what the platform reports, when it is observable. */
  runtime?: RuntimeInfo;
  /** Sluice's addition: the AWS names derived from the pipeline name (runtime/awsNames.ts), the same in standalone mode. */
  aws_names?: AwsNames;
}

export interface RuntimeInfo {
  event_source_mappings: Array<{ topic: string; uuid: string; state: string; state_transition_reason?: string; last_processing_result?: string }>;
  metrics: Record<string, number>;
  metrics_window_minutes: number;
  /** Each metric per period over the last minutes: [period start, epoch ms; value], oldest first, only periods with data. */
  metrics_history?: { period_seconds: number; series: Record<string, Array<[number, number]>> };
}

export interface TaskInfo {
  id: ConnectorTaskId;
  config: Record<string, string>;
}

export interface ConnectorOffsets {
  offsets: Array<{ partition: Record<string, unknown>; offset: Record<string, unknown> | null }>;
}

export interface Message {
  message: string;
}

export interface ActiveTopics {
  [connector: string]: { topics: string[] };
}
