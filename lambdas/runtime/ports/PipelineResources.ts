// What the lifecycle reconciler needs from outside: the resources it manages (Lambda aliases, event source mappings and
// schedules in AWS; their emulators in standalone mode) and facts about the Kafka cluster.
import type { Action, Observed } from '../lifecycle/plan.js';

export interface ObserveTarget {
  readonly alias: string;
  readonly scheduleName: string;
}

/** Observes and changes the aliases, event source mappings and schedules of one pipeline (create/update/enable/disable/delete). */
export interface ControllerResources {
  observe(target: ObserveTarget): Promise<Observed>;
  apply(action: Action): Promise<void>;
  /** Resource ids to record in STATUS (alias ARN, ESM UUIDs, schedule ARN). */
  describe(target: ObserveTarget, observed: Observed): Record<string, string>;
}

/** The topics of the Kafka cluster, for `topics.regex` pipelines. */
export interface TopicLister {
  listTopics(): Promise<string[]>;
}

/** Whether the configured cluster exists (checked when a pipeline is first reconciled). */
export interface ClusterCheck {
  /** undefined when the cluster is fine, else the problem to report. */
  problem(): Promise<string | undefined>;
}
