// Fetch (key 1), versions 4-11 (v4 is the first that carries record batch v2).
// Request:  replica_id int32 | max_wait_ms int32 | min_bytes int32 | max_bytes int32 | isolation_level int8
//           | v7+: session_id int32, session_epoch int32
//           | topics [topic string, partitions [partition int32, v9+: current_leader_epoch int32,
//                                               fetch_offset int64, v5+: log_start_offset int64,
//                                               partition_max_bytes int32]]
//           | v7+: forgotten_topics_data [topic string, partitions [int32]] | v11+: rack_id string
// Response: throttle_time_ms int32 | v7+: error_code int16, session_id int32
//           | responses [topic string,
//                        partitions [partition_index int32, error_code int16, high_watermark int64,
//                                    last_stable_offset int64, v5+: log_start_offset int64,
//                                    aborted_transactions nullable [producer_id int64, first_offset int64],
//                                    v11+: preferred_read_replica int32, records nullable bytes]]
// Fetch sessions (KIP-227) are not kept: the response's session_id is 0, so clients send full fetches.
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface FetchPartition {
  partition: number;
  fetchOffset: number;
  partitionMaxBytes: number;
}

export interface FetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  topics: Array<{ topic: string; partitions: FetchPartition[] }>;
}

export interface FetchPartitionResponse {
  partition: number;
  errorCode: number;
  highWatermark: number;
  logStartOffset: number;
  records: Buffer[] | null;
}

export interface FetchTopicResponse {
  topic: string;
  partitions: FetchPartitionResponse[];
}

export function decodeFetchRequest(r: Reader, version: number): FetchRequest {
  r.int32();
  const maxWaitMs = r.int32();
  const minBytes = r.int32();
  const maxBytes = r.int32();
  r.int8();
  if (version >= 7) {
    r.int32();
    r.int32();
  }
  const topics = r.array((r2) => ({
    topic: r2.string(),
    partitions: r2.array((r3): FetchPartition => {
      const partition = r3.int32();
      if (version >= 9) r3.int32();
      const fetchOffset = r3.int64();
      if (version >= 5) r3.int64();
      return { partition, fetchOffset, partitionMaxBytes: r3.int32() };
    }),
  }));
  if (version >= 7) r.array((r2) => [r2.string(), r2.array((r3) => r3.int32())]);
  if (version >= 11) r.string();
  return { maxWaitMs, minBytes, maxBytes, topics };
}

export function encodeFetchResponse(w: Writer, version: number, topics: FetchTopicResponse[]): void {
  w.int32(0);
  if (version >= 7) w.int16(0).int32(0);
  w.array(topics, (w2, t) => {
    w2.string(t.topic);
    w2.array(t.partitions, (w3, p) => {
      w3.int32(p.partition).int16(p.errorCode).int64(p.highWatermark).int64(p.highWatermark);
      if (version >= 5) w3.int64(p.logStartOffset);
      w3.nullableArray(null, () => {});
      if (version >= 11) w3.int32(-1);
      w3.bytesList(p.records);
    });
  });
}
