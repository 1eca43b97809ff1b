// One partition's log: an ordered list of stored v2 batches, indexed by base offset.
// Appends assign offsets by rewriting each batch's baseOffset; reads hand back the stored bytes.
import { ProducerStateManager } from '../ProducerStateManager.js';
import { type BatchInfo, decodeRecords, setBaseOffset } from '../protocol/recordBatch.js';

/** Where appended batches go to be kept (a segment writer for the file store; nothing in memory). */
export interface LogSink {
  append(bytes: Buffer, baseOffset: number): void;
}

export class PartitionLog {
  private readonly batches: BatchInfo[] = [];
  private readonly baseOffsets: number[] = [];
  readonly producers = new ProducerStateManager();
  /** The next offset to assign, which is also the high watermark (single replica). */
  nextOffset = 0;
  logStartOffset = 0;
  sizeBytes = 0;

  constructor(private readonly sink: LogSink | null = null) {}

  /** Adds a batch that already has its offset (from storage at load time). */
  restore(batch: BatchInfo): void {
    if (this.batches.length === 0) this.logStartOffset = batch.baseOffset;
    this.push(batch);
    this.producers.record(batch);
  }

  /** Appends a produced batch, assigning its offsets; returns the base offset. */
  append(batch: BatchInfo): number {
    const base = this.nextOffset;
    setBaseOffset(batch, base);
    // Keep our own copy: the request buffer is shared with the rest of the frame.
    const stored = { ...batch, bytes: Buffer.from(batch.bytes) };
    this.sink?.append(stored.bytes, base);
    this.push(stored);
    this.producers.record(stored);
    return base;
  }

  private push(batch: BatchInfo): void {
    this.batches.push(batch);
    this.baseOffsets.push(batch.baseOffset);
    this.nextOffset = batch.baseOffset + batch.lastOffsetDelta + 1;
    this.sizeBytes += batch.bytes.length;
  }

  /** Index of the batch containing `offset` (or the first after it), -1 if none. */
  private indexFor(offset: number): number {
    let lo = 0;
    let hi = this.baseOffsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.baseOffsets[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return this.batches.length > 0 ? 0 : -1;
    const b = this.batches[found]!;
    if (b.baseOffset + b.lastOffsetDelta >= offset) return found;
    return found + 1 < this.batches.length ? found + 1 : -1;
  }

  /** Stored batches from the one holding `offset`, up to maxBytes (always at least one batch). */
  read(offset: number, maxBytes: number): Buffer[] {
    const out: Buffer[] = [];
    let i = this.indexFor(offset);
    if (i < 0) return out;
    let total = 0;
    for (; i < this.batches.length; i++) {
      const bytes = this.batches[i]!.bytes;
      if (out.length > 0 && total + bytes.length > maxBytes) break;
      out.push(bytes);
      total += bytes.length;
    }
    return out;
  }

  /** Bytes available from `offset` to the end (for min-bytes decisions), capped at `cap`. */
  bytesFrom(offset: number, cap: number): number {
    let i = this.indexFor(offset);
    if (i < 0) return 0;
    let total = 0;
    for (; i < this.batches.length && total < cap; i++) total += this.batches[i]!.bytes.length;
    return total;
  }

  /** The earliest offset whose record timestamp is >= `timestamp`, with that timestamp. */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } | null {
    for (const batch of this.batches) {
      if (batch.maxTimestamp < timestamp || batch.isControl) continue;
      try {
        for (const rec of decodeRecords(batch)) {
          if (rec.timestamp >= timestamp) return { offset: rec.offset, timestamp: rec.timestamp };
        }
      } catch {
        // A codec this broker does not read: answer at batch granularity.
        return { offset: batch.baseOffset, timestamp: batch.maxTimestamp };
      }
    }
    return null;
  }
}
