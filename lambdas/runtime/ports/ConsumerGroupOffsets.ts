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
}
