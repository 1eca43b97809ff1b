// The broker's topics: name -> partition logs, backed by a Store, plus the append notifications
// that wake parked fetches and the producer-id counter for InitProducerId.
import { ErrorCode } from '../protocol/errors.js';
import type { PartitionLog } from './PartitionLog.js';
import type { Store } from './Store.js';

const LEGAL_TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;

export function isValidTopicName(name: string): boolean {
  return LEGAL_TOPIC.test(name) && name !== '.' && name !== '..';
}

export class TopicManager {
  private readonly topics = new Map<string, PartitionLog[]>();
  private readonly appendListeners = new Set<() => void>();
  private nextProducerId: number;

  constructor(private readonly store: Store) {
    const meta = store.loadMeta();
    this.nextProducerId = meta.nextProducerId;
    for (const t of meta.topics) {
      const logs: PartitionLog[] = [];
      for (let p = 0; p < t.partitions; p++) logs.push(store.openLog(t.name, p));
      this.topics.set(t.name, logs);
      for (const log of logs) this.nextProducerId = Math.max(this.nextProducerId, log.producers.maxProducerId() + 1);
    }
  }

  names(): string[] {
    return [...this.topics.keys()];
  }

  partitions(topic: string): PartitionLog[] | undefined {
    return this.topics.get(topic);
  }

  log(topic: string, partition: number): PartitionLog | undefined {
    return this.topics.get(topic)?.[partition];
  }

  /** Creates a topic; returns an error code (NONE on success). */
  create(name: string, partitions: number): number {
    if (!isValidTopicName(name)) return ErrorCode.INVALID_TOPIC_EXCEPTION;
    if (this.topics.has(name)) return ErrorCode.TOPIC_ALREADY_EXISTS;
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > 10_000) return ErrorCode.INVALID_PARTITIONS;
    const logs: PartitionLog[] = [];
    for (let p = 0; p < partitions; p++) logs.push(this.store.openLog(name, p));
    this.topics.set(name, logs);
    this.saveMeta();
    return ErrorCode.NONE;
  }

  delete(name: string): number {
    const logs = this.topics.get(name);
    if (logs === undefined) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    this.topics.delete(name);
    this.store.deleteTopicData(name, logs.length);
    this.saveMeta();
    return ErrorCode.NONE;
  }

  allocateProducerId(): number {
    const id = this.nextProducerId++;
    this.saveMeta();
    return id;
  }

  private saveMeta(): void {
    this.store.saveMeta({
      topics: [...this.topics].map(([name, logs]) => ({ name, partitions: logs.length })),
      nextProducerId: this.nextProducerId,
    });
  }

  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  notifyAppend(): void {
    for (const l of [...this.appendListeners]) l();
  }
}
