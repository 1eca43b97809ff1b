// Idempotent-producer state of one partition: for each producer id, its epoch and the sequence
// ranges and offsets of its last five batches (Kafka keeps five, matching
// max.in.flight.requests.per.connection <= 5). A retried batch that matches one of them is a
// duplicate: it is acknowledged with the offset it got the first time and not appended again.
import type { BatchInfo } from './protocol/recordBatch.js';
import { ErrorCode } from './protocol/errors.js';

const KEPT_BATCHES = 5;
const MAX_SEQUENCE = 0x7fffffff;

interface SequencedBatch {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
}

interface ProducerEntry {
  epoch: number;
  batches: SequencedBatch[];
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: number }
  | { kind: 'error'; code: number; message: string };

function lastSequenceOf(batch: BatchInfo): number {
  return (batch.baseSequence + batch.lastOffsetDelta) % (MAX_SEQUENCE + 1);
}

function nextSequence(seq: number): number {
  return seq === MAX_SEQUENCE ? 0 : seq + 1;
}

export class ProducerStateManager {
  private readonly producers = new Map<number, ProducerEntry>();

  /** Decides what to do with a produced batch before it is appended. */
  check(batch: BatchInfo): SequenceCheck {
    if (batch.producerId < 0 || batch.baseSequence < 0) return { kind: 'append' };
    const entry = this.producers.get(batch.producerId);
    if (entry === undefined || batch.producerEpoch > entry.epoch) {
      if (batch.baseSequence === 0) return { kind: 'append' };
      return {
        kind: 'error',
        code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message: `producer ${batch.producerId} epoch ${batch.producerEpoch} must start at sequence 0, got ${batch.baseSequence}`,
      };
    }
    if (batch.producerEpoch < entry.epoch) {
      return { kind: 'error', code: ErrorCode.INVALID_PRODUCER_EPOCH, message: `epoch ${batch.producerEpoch} is fenced by ${entry.epoch}` };
    }
    const lastSeq = lastSequenceOf(batch);
    const same = entry.batches.find((b) => b.firstSeq === batch.baseSequence && b.lastSeq === lastSeq);
    if (same !== undefined) return { kind: 'duplicate', baseOffset: same.baseOffset };
    const last = entry.batches[entry.batches.length - 1];
    if (last === undefined || batch.baseSequence === nextSequence(last.lastSeq)) return { kind: 'append' };
    // At or behind the last written sequence (modulo wrap-around): already written, but not one of
    // the batches we can still answer for. Ahead of it: a gap.
    const behind = (last.lastSeq - batch.baseSequence + MAX_SEQUENCE + 1) % (MAX_SEQUENCE + 1);
    if (behind < 2 ** 30) {
      return {
        kind: 'error',
        code: ErrorCode.DUPLICATE_SEQUENCE_NUMBER,
        message: `sequence ${batch.baseSequence} was already written but is not one of the last ${KEPT_BATCHES} batches`,
      };
    }
    return {
      kind: 'error',
      code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
      message: `expected sequence ${nextSequence(last.lastSeq)}, got ${batch.baseSequence}`,
    };
  }

  /** Records an appended batch (also used when a stored log is loaded). */
  record(batch: BatchInfo): void {
    if (batch.producerId < 0 || batch.baseSequence < 0) return;
    let entry = this.producers.get(batch.producerId);
    if (entry === undefined || batch.producerEpoch > entry.epoch) {
      entry = { epoch: batch.producerEpoch, batches: [] };
      this.producers.set(batch.producerId, entry);
    }
    entry.batches.push({ firstSeq: batch.baseSequence, lastSeq: lastSequenceOf(batch), baseOffset: batch.baseOffset });
    if (entry.batches.length > KEPT_BATCHES) entry.batches.shift();
  }

  /** Highest producer id seen, so ids handed out after a restart do not collide. */
  maxProducerId(): number {
    let max = -1;
    for (const id of this.producers.keys()) if (id > max) max = id;
    return max;
  }
}
