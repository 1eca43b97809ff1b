// The event Lambda's event source mapping delivers for Amazon MSK and self-managed Kafka, declared here so the
// core needs no `aws-lambda` types, and its decoding into raw records: base64 key/value and byte-array headers.
import { asUint8Array } from '../converters/base64.js';
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

function bytes(base64: string): Uint8Array {
  return asUint8Array(Buffer.from(base64, 'base64'));
}

function decodeRecord(r: MskRecord): RawRecord {
  const headers: Array<{ key: string; value: Uint8Array | null }> = [];
  for (const header of r.headers ?? []) {
    for (const [key, value] of Object.entries(header)) headers.push({ key, value: value === null ? null : Uint8Array.from(value) });
  }
  const noTimestamp = r.timestampType === 'NO_TIMESTAMP_TYPE' || typeof r.timestamp !== 'number' || r.timestamp < 0;
  return Object.freeze({
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    timestamp: noTimestamp ? null : r.timestamp,
    timestampType: r.timestampType ?? 'NO_TIMESTAMP_TYPE',
    key: r.key === undefined || r.key === null || r.key === '' ? null : bytes(r.key),
    value: r.value === undefined || r.value === null ? null : bytes(r.value),
    headers,
  });
}

/** The event's records ordered by topic, partition, then offset, with key, value and headers as bytes. */
export function decodeMskEvent(event: MskEvent): RawRecord[] {
  if (typeof event !== 'object' || event === null || typeof event.records !== 'object' || event.records === null) {
    throw new SluiceError('Not an MSK event: expected an object with a "records" property');
  }
  const out: RawRecord[] = [];
  for (const batch of Object.values(event.records)) for (const r of batch) out.push(decodeRecord(r));
  // The ESM usually delivers partitions in order and each partition's records by offset: then no sort is needed.
  for (let i = 1; i < out.length; i++) if (byCoordinates(out[i - 1]!, out[i]!) > 0) return out.sort(byCoordinates);
  return out;
}

function byCoordinates(a: RawRecord, b: RawRecord): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || a.offset - b.offset;
}
