// What the broker keeps across restarts, behind one interface: topic metadata, partition logs and
// committed group offsets. MemoryStore keeps nothing; FileStore writes under a data directory.
import type { PartitionLog } from './PartitionLog.js';

export interface TopicMeta {
  name: string;
  partitions: number;
}

export interface CommittedOffset {
  group: string;
  topic: string;
  partition: number;
  offset: number;
  metadata: string | null;
}

export interface BrokerMeta {
  topics: TopicMeta[];
  nextProducerId: number;
}

export interface Store {
  loadMeta(): BrokerMeta;
  saveMeta(meta: BrokerMeta): void;
  /** Opens (creating if needed) a partition's log, with whatever it already holds. */
  openLog(topic: string, partition: number): PartitionLog;
  deleteTopicData(topic: string, partitions: number): void;
  loadOffsets(): CommittedOffset[];
  commitOffsets(entries: CommittedOffset[]): void;
  deleteGroupOffsets(group: string): void;
  close(): void;
}
