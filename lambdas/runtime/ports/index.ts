export type { ConsumerGroupOffsets, TopicPartitionOffset } from './ConsumerGroupOffsets.js';
export type {
  ConnectorType,
  InstanceState,
  InstanceStatus,
  Lease,
  PipelineRecord,
  PipelineStatus,
  PipelineStore,
  SourceOffset,
  StatusPatch,
  TargetState,
  TaskStatus,
} from './PipelineStore.js';
export { type Clock, systemClock } from './Clock.js';
