// A small least-recently-used cache (Kafka's SynchronizedCache(LRUCache)), used for the JsonConverter's schema caches.

export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  /** The most recently used key, whose entry needs no reordering on a hit (the common case: one schema per topic). */
  private newest: K | undefined;

  constructor(readonly maxSize: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined || key === this.newest) return value;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    return value;
  }

  set(key: K, value: V): void {
    if (this.maxSize <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.maxSize) this.entries.delete(this.entries.keys().next().value as K);
  }

  get size(): number {
    return this.entries.size;
  }
}
