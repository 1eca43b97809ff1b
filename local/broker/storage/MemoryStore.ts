// The default store: everything lives in the broker's memory and is gone when it stops.
import { PartitionLog } from './PartitionLog.js';
import type { BrokerMeta, CommittedOffset, Store } from './Store.js';

export class MemoryStore implements Store {
  loadMeta(): BrokerMeta {
    return { topics: [], nextProducerId: 1000 };
  }

  saveMeta(_meta: BrokerMeta): void {}

  openLog(_topic: string, _partition: number): PartitionLog {
    return new PartitionLog();
  }

  deleteTopicData(_topic: string, _partitions: number): void {}

  loadOffsets(): CommittedOffset[] {
    return [];
  }

  commitOffsets(_entries: CommittedOffset[]): void {}

  deleteGroupOffsets(_group: string): void {}

  close(): void {}
}
