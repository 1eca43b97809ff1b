// A sink pipeline's offsets are its consumer group's (connect-<name>) committed offsets in Kafka.

export interface TopicPartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** null resets the partition (its committed offset is removed). */
  readonly offset: number | null;
}

export interface ConsumerGroupOffsets {
  fetch(groupId: string): Promise<TopicPartitionOffset[]>;
  alter(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void>;
  /** Deletes the consumer group with its committed offsets; a group that does not exist is not an error. */
  deleteGroup(groupId: string): Promise<void>;
  /** The partition count of each of `topics` that exists in the cluster; a topic that does not exist is absent. */
  partitionCounts(topics: readonly string[]): Promise<Map<string, number>>;
}
