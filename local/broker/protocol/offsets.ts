// OffsetCommit (8) v0-7 and OffsetFetch (9) v1-5.
// OffsetCommit req: group_id string | v1+: generation_id int32, member_id string
//                   | v7+: group_instance_id nullable string | v2-4: retention_time_ms int64
//                   | topics [name string, partitions [partition_index int32, committed_offset int64,
//                             v6+: committed_leader_epoch int32, v1: commit_timestamp int64,
//                             committed_metadata nullable string]]
// OffsetCommit res: v3+: throttle_time_ms int32 | topics [name string, partitions [partition_index int32, error_code int16]]
// OffsetFetch req:  group_id string | topics (v2+: nullable = all) [name string, partition_indexes [int32]]
// OffsetFetch res:  v3+: throttle_time_ms int32
//                   | topics [name string, partitions [partition_index int32, committed_offset int64,
//                             v5+: committed_leader_epoch int32, metadata nullable string, error_code int16]]
//                   | v2+: error_code int16
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface OffsetCommitRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  topics: Array<{ name: string; partitions: Array<{ partition: number; offset: number; metadata: string | null }> }>;
}

export interface PartitionError {
  partition: number;
  errorCode: number;
}

export function decodeOffsetCommitRequest(r: Reader, version: number): OffsetCommitRequest {
  const groupId = r.string();
  const generationId = version >= 1 ? r.int32() : -1;
  const memberId = version >= 1 ? r.string() : '';
  if (version >= 7) r.nullableString();
  if (version >= 2 && version <= 4) r.int64();
  const topics = r.array((r2) => ({
    name: r2.string(),
    partitions: r2.array((r3) => {
      const partition = r3.int32();
      const offset = r3.int64();
      if (version >= 6) r3.int32();
      if (version === 1) r3.int64();
      return { partition, offset, metadata: r3.nullableString() };
    }),
  }));
  return { groupId, generationId, memberId, topics };
}

export function encodeOffsetCommitResponse(
  w: Writer,
  version: number,
  topics: Array<{ name: string; partitions: PartitionError[] }>,
): void {
  if (version >= 3) w.int32(0);
  w.array(topics, (w2, t) => {
    w2.string(t.name);
    w2.array(t.partitions, (w3, p) => {
      w3.int32(p.partition).int16(p.errorCode);
    });
  });
}

export interface OffsetFetchRequest {
  groupId: string;
  /** null = every partition with a committed offset. */
  topics: Array<{ name: string; partitions: number[] }> | null;
}

export interface FetchedOffset {
  partition: number;
  offset: number;
  metadata: string | null;
  errorCode: number;
}

export function decodeOffsetFetchRequest(r: Reader, _version: number): OffsetFetchRequest {
  const groupId = r.string();
  const topics = r.nullableArray((r2) => ({ name: r2.string(), partitions: r2.array((r3) => r3.int32()) }));
  return { groupId, topics };
}

export function encodeOffsetFetchResponse(
  w: Writer,
  version: number,
  errorCode: number,
  topics: Array<{ name: string; partitions: FetchedOffset[] }>,
): void {
  if (version >= 3) w.int32(0);
  w.array(topics, (w2, t) => {
    w2.string(t.name);
    w2.array(t.partitions, (w3, p) => {
      w3.int32(p.partition).int64(p.offset);
      if (version >= 5) w3.int32(-1);
      w3.nullableString(p.metadata).int16(p.errorCode);
    });
  });
  if (version >= 2) w.int16(errorCode);
}
