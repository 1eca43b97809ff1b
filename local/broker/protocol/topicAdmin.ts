// CreateTopics (key 19), versions 0-4, and DeleteTopics (key 20), versions 0-3.
// CreateTopics request:  topics [name string, num_partitions int32, replication_factor int16,
//                                assignments [partition_index int32, broker_ids [int32]],
//                                configs [name string, value nullable string]]
//                        | timeout_ms int32 | v1+: validate_only bool
// CreateTopics response: v2+: throttle_time_ms int32
//                        | topics [name string, error_code int16, v1+: error_message nullable string]
// DeleteTopics request:  topic_names [string] | timeout_ms int32
// DeleteTopics response: v1+: throttle_time_ms int32 | responses [name string, error_code int16]
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface CreatableTopic {
  name: string;
  numPartitions: number;
  /** Partitions named by a manual assignment (used when numPartitions is -1). */
  assignedPartitions: number;
}

export interface CreateTopicsRequest {
  topics: CreatableTopic[];
  validateOnly: boolean;
}

export interface TopicResult {
  name: string;
  errorCode: number;
  errorMessage: string | null;
}

export function decodeCreateTopicsRequest(r: Reader, version: number): CreateTopicsRequest {
  const topics = r.array((r2): CreatableTopic => {
    const name = r2.string();
    const numPartitions = r2.int32();
    r2.int16();
    const assignments = r2.array((r3) => {
      r3.int32();
      return r3.array((r4) => r4.int32());
    });
    r2.array((r3) => [r3.string(), r3.nullableString()]);
    return { name, numPartitions, assignedPartitions: assignments.length };
  });
  r.int32();
  const validateOnly = version >= 1 ? r.bool() : false;
  return { topics, validateOnly };
}

export function encodeCreateTopicsResponse(w: Writer, version: number, results: TopicResult[]): void {
  if (version >= 2) w.int32(0);
  w.array(results, (w2, t) => {
    w2.string(t.name).int16(t.errorCode);
    if (version >= 1) w2.nullableString(t.errorMessage);
  });
}

export function decodeDeleteTopicsRequest(r: Reader, _version: number): string[] {
  const names = r.array((r2) => r2.string());
  r.int32();
  return names;
}

export function encodeDeleteTopicsResponse(w: Writer, version: number, results: TopicResult[]): void {
  if (version >= 1) w.int32(0);
  w.array(results, (w2, t) => {
    w2.string(t.name).int16(t.errorCode);
  });
}
