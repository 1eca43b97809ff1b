// The Kafka Connect REST API's bodies as the console reads them (Sluice's `runtime` block included).

export type InstanceState = 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'RESTARTING' | 'UNASSIGNED';
export type ConnectorType = 'sink' | 'source' | 'unknown';

export interface StateInfo {
  state: InstanceState;
  worker_id: string;
  trace?: string;
}

export interface TaskState extends StateInfo {
  id: number;
}

/** [epoch milliseconds, the metric's sum over the period that starts there]. */
export type MetricPoint = [number, number];

export interface MetricsHistory {
  period_seconds: number;
  series: Record<string, MetricPoint[]>;
}

export interface RuntimeInfo {
  event_source_mappings?: Array<{ topic: string; uuid: string; state: string; state_transition_reason?: string; last_processing_result?: string }>;
  metrics?: Record<string, number>;
  metrics_window_minutes?: number;
  metrics_history?: MetricsHistory;
}

export interface ConnectorStatus {
  name: string;
  connector: StateInfo;
  tasks: TaskState[];
  type: ConnectorType;
  runtime?: RuntimeInfo;
}

export interface ConnectorInfo {
  name: string;
  config: Record<string, string>;
  tasks: Array<{ connector: string; task: number }>;
  type: ConnectorType;
}

/** GET /connectors?expand=status&expand=info */
export type ExpandedConnectors = Record<string, { status?: ConnectorStatus; info?: ConnectorInfo }>;

export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

export interface ConfigKeyInfo {
  name: string;
  type: string;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  display_name: string;
}

/** PUT /connector-plugins/{class}/config/validate */
export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: Array<{ definition: ConfigKeyInfo | null; value: ConfigValueInfo }>;
}

export interface ConnectorOffsets {
  offsets: Array<{ partition: Record<string, unknown>; offset: Record<string, unknown> | null }>;
}

export interface PluginInfo {
  class: string;
  type: string;
  version?: string;
}
