// Kafka Connect's JDBC source offsets (TimestampIncrementingOffset, OffsetProtocols): the partition map of a table
// or query, and the offset map {"incrementing": n, "timestamp": ms, "timestamp_nanos": nanos-of-second}.
import { int64 } from '../../../runtime/converters/jsonNodes.js';

export const QUERY_PARTITION: Readonly<Record<string, string>> = Object.freeze({ query: 'query' });

/** Table mode, protocol v1: `{"protocol":"1","table":"<fully qualified, unquoted>"}`. */
export function tablePartition(qualifiedName: string): Record<string, string> {
  return { protocol: '1', table: qualifiedName };
}

/**
 * Partitions an earlier offset of this table may be stored under, tried in order when none is stored under its
 * current partition: protocol 1 with a former name (`<db>.<schema>.<table>`: Sluice before, Confluent 10.9.4), then
 * Confluent's protocol 0, `{"table":"<table>"}`.
 */
export function formerTablePartitions(table: { readonly id: { readonly table: string }; readonly formerNames: readonly string[] }): Record<string, string>[] {
  return [...table.formerNames.map(tablePartition), { table: table.id.table }];
}

/** Where a querier stands: the last incrementing value and the last timestamp (ms plus nanos of second). */
export interface OffsetState {
  readonly incrementing?: number | bigint;
  readonly timestampMs?: number;
  readonly timestampNanos?: number;
}

export function offsetToMap(o: OffsetState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // An incrementing value beyond 2^53 (snowflake ids) stays a bigint: rounding it could skip rows.
  if (o.incrementing !== undefined) out['incrementing'] = typeof o.incrementing === 'bigint' ? int64(o.incrementing) : o.incrementing;
  if (o.timestampMs !== undefined) {
    out['timestamp'] = o.timestampMs;
    out['timestamp_nanos'] = o.timestampNanos ?? (((o.timestampMs % 1000) + 1000) % 1000) * 1_000_000;
  }
  return out;
}

export function offsetFromMap(map: Readonly<Record<string, unknown>> | null | undefined): OffsetState {
  if (!map) return {};
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : typeof v === 'bigint' ? Number(v) : undefined);
  const long = (v: unknown): number | bigint | undefined =>
    typeof v === 'bigint' ? int64(v) : typeof v === 'string' && /^-?\d+$/.test(v) ? int64(BigInt(v)) : typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  const inc = long(map['incrementing']);
  const ts = num(map['timestamp']);
  const nanos = num(map['timestamp_nanos']);
  return {
    ...(inc !== undefined ? { incrementing: inc } : {}),
    ...(ts !== undefined ? { timestampMs: ts } : {}),
    ...(ts !== undefined && nanos !== undefined ? { timestampNanos: nanos } : {}),
  };
}

export function samePartition(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => String(a[k]) === String(b[k]));
}

/** Compares two timestamps at nanosecond precision. */
export function compareTimestamps(aMs: number, aNanos: number, bMs: number, bNanos: number): number {
  const aSec = Math.floor(aMs / 1000);
  const bSec = Math.floor(bMs / 1000);
  return aSec !== bSec ? aSec - bSec : aNanos - bNanos;
}
