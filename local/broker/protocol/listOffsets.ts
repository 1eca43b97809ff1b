// ListOffsets (key 2), versions 1-5.
// Request:  replica_id int32 | v2+: isolation_level int8
//           | topics [name string, partitions [partition_index int32, v4+: current_leader_epoch int32,
//                                              timestamp int64]]
//           timestamp -1 = latest (the next offset), -2 = earliest, otherwise the first offset whose
//           record timestamp is >= it.
// Response: v2+: throttle_time_ms int32
//           | topics [name string, partitions [partition_index int32, error_code int16, timestamp int64,
//                                              offset int64, v4+: leader_epoch int32]]
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface ListOffsetsRequest {
  topics: Array<{ name: string; partitions: Array<{ partition: number; timestamp: number }> }>;
}

export interface ListOffsetsPartitionResponse {
  partition: number;
  errorCode: number;
  timestamp: number;
  offset: number;
}

export interface ListOffsetsTopicResponse {
  name: string;
  partitions: ListOffsetsPartitionResponse[];
}

export function decodeListOffsetsRequest(r: Reader, version: number): ListOffsetsRequest {
  r.int32();
  if (version >= 2) r.int8();
  const topics = r.array((r2) => ({
    name: r2.string(),
    partitions: r2.array((r3) => {
      const partition = r3.int32();
      if (version >= 4) r3.int32();
      return { partition, timestamp: r3.int64() };
    }),
  }));
  return { topics };
}

export function encodeListOffsetsResponse(w: Writer, version: number, topics: ListOffsetsTopicResponse[]): void {
  if (version >= 2) w.int32(0);
  w.array(topics, (w2, t) => {
    w2.string(t.name);
    w2.array(t.partitions, (w3, p) => {
      w3.int32(p.partition).int16(p.errorCode).int64(p.timestamp).int64(p.offset);
      if (version >= 4) w3.int32(0);
    });
  });
}
