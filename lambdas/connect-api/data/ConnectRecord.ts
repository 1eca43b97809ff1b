// The record model shared by sinks and sources (Connect's ConnectRecord / SinkRecord / SourceRecord).
import type { Schema } from './Schema.js';

export interface ConnectHeader {
  readonly key: string;
  readonly schema: Schema | null;
  readonly value: unknown;
}

export type TimestampType = 'CREATE_TIME' | 'LOG_APPEND_TIME' | 'NO_TIMESTAMP_TYPE';

/**
 * A record as transforms see it. Values: Struct for STRUCT schemas, plain objects for schemaless maps,
 * number (or bigint beyond 2^53) for integers, Decimal, Date for Date/Time/Timestamp, Uint8Array for BYTES.
 * Records are immutable: a transform returns a new record (use `withRecord`), or null to drop it.
 */
export interface ConnectRecord {
  readonly topic: string;
  readonly kafkaPartition: number | null;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  /** Epoch milliseconds, or null when the record has none. */
  readonly timestamp: number | null;
  readonly headers: readonly ConnectHeader[];
}

/** The raw bytes a sink record was consumed as; the dead-letter queue writes these back unchanged. */
export interface RawKafkaRecord {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: ReadonlyArray<{ readonly key: string; readonly value: Uint8Array | null }>;
}

export interface SinkRecord extends ConnectRecord {
  readonly kafkaOffset: number;
  readonly timestampType: TimestampType;
  /** Where the record came from before any RegexRouter renamed its topic. */
  readonly originalTopic: string;
  readonly originalKafkaPartition: number;
  readonly originalKafkaOffset: number;
  readonly raw: RawKafkaRecord;
}

export interface SourceRecord extends ConnectRecord {
  readonly sourcePartition: Readonly<Record<string, unknown>>;
  readonly sourceOffset: Readonly<Record<string, unknown>> | null;
}

/** Copies a record with some fields replaced, keeping its concrete kind (sink or source) and extra fields. */
export function withRecord<R extends ConnectRecord>(record: R, changes: Partial<ConnectRecord>): R {
  return Object.freeze({ ...record, ...changes });
}

export function isSinkRecord(record: ConnectRecord): record is SinkRecord {
  return typeof (record as Partial<SinkRecord>).kafkaOffset === 'number';
}
