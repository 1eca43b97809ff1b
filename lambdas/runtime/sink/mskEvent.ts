// The event Lambda's event source mapping delivers for Amazon MSK and self-managed Kafka, declared here so the
// core needs no `aws-lambda` types, and its decoding into raw records: base64 key/value and byte-array headers.
import type { RawKafkaRecord, TimestampType } from '../../connect-api/data/ConnectRecord.js';
import { SluiceError } from '../../connect-api/errors.js';

export interface MskRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly timestampType: TimestampType;
  /** Base64; absent (or empty) when the record has no key. */
  readonly key?: string | null;
  /** Base64; absent or null for a tombstone. */
  readonly value?: string | null;
  /** Single-key objects mapping a header name to its value's bytes, in record order. */
  readonly headers?: ReadonlyArray<Readonly<Record<string, readonly number[] | null>>> | null;
}

export interface MskEvent {
  /** `aws:kafka` for Amazon MSK, `SelfManagedKafka` for self-managed clusters. */
  readonly eventSource: string;
  /** The MSK cluster ARN; absent for self-managed Kafka. */
  readonly eventSourceArn?: string;
  /** Comma-separated host:port list. */
  readonly bootstrapServers: string;
  /** Keyed by `<topic>-<partition>`. */
  readonly records: Readonly<Record<string, readonly MskRecord[]>>;
}

/** One consumed record before conversion: where it came from and its bytes, kept for the dead-letter queue. */
export interface RawRecord extends RawKafkaRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** Epoch milliseconds, or null when the record has none. */
  readonly timestamp: number | null;
  readonly timestampType: TimestampType;
}

/**
 * Decodes the base64 of an event's keys and values into one shared buffer (one allocation per event instead of one
 * Buffer plus a Uint8Array view per field); each field is a plain Uint8Array view of its bytes.
 */
class Slab {
  private readonly buffer: Buffer;
  private used = 0;

  constructor(records: readonly MskRecord[][]) {
    let size = 0;
    for (const batch of records) for (const r of batch) size += decodedLength(r.key) + decodedLength(r.value);
    this.buffer = Buffer.allocUnsafe(size);
  }

  bytes(base64: string): Uint8Array {
    const written = this.buffer.write(base64, this.used, 'base64');
    const view = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset + this.used, written);
    this.used += written;
    return view;
  }
}

/** An upper bound of the bytes a base64 text decodes to (Node's decoder skips characters outside the alphabet). */
function decodedLength(base64: string | null | undefined): number {
  return typeof base64 === 'string' ? Math.ceil((base64.length * 3) / 4) : 0;
}

/** The headers of every record that has none: one frozen array, not one per record. */
const NO_HEADERS: RawRecord['headers'] = Object.freeze([]);

function decodeRecord(r: MskRecord, slab: Slab): RawRecord {
  let headers: RawRecord['headers'] = NO_HEADERS;
  if (r.headers && r.headers.length > 0) {
    const decoded: Array<{ key: string; value: Uint8Array | null }> = [];
    for (const header of r.headers) {
      for (const [key, value] of Object.entries(header)) decoded.push({ key, value: value === null ? null : Uint8Array.from(value) });
    }
    headers = decoded;
  }
  const noTimestamp = r.timestampType === 'NO_TIMESTAMP_TYPE' || typeof r.timestamp !== 'number' || r.timestamp < 0;
  return Object.freeze({
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    timestamp: noTimestamp ? null : r.timestamp,
    timestampType: r.timestampType ?? 'NO_TIMESTAMP_TYPE',
    key: r.key === undefined || r.key === null || r.key === '' ? null : slab.bytes(r.key),
    value: r.value === undefined || r.value === null ? null : slab.bytes(r.value),
    headers,
  });
}

/** The event's records ordered by topic, partition, then offset, with key, value and headers as bytes. */
export function decodeMskEvent(event: MskEvent): RawRecord[] {
  if (typeof event !== 'object' || event === null || typeof event.records !== 'object' || event.records === null) {
    throw new SluiceError('Not an MSK event: expected an object with a "records" property');
  }
  const out: RawRecord[] = [];
  const batches = Object.values(event.records) as MskRecord[][];
  const slab = new Slab(batches);
  for (const batch of batches) for (const r of batch) out.push(decodeRecord(r, slab));
  // The ESM usually delivers partitions in order and each partition's records by offset: then no sort is needed.
  for (let i = 1; i < out.length; i++) if (byCoordinates(out[i - 1]!, out[i]!) > 0) return out.sort(byCoordinates);
  return out;
}

function byCoordinates(a: RawRecord, b: RawRecord): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || a.offset - b.offset;
}
