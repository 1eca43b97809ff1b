// Produce (key 0), versions 3-8 (record batch v2 only, so v3 is the lowest).
// Request:  transactional_id nullable string | acks int16 | timeout_ms int32
//           | topic_data [name string, partition_data [index int32, records nullable bytes]]
// Response: responses [name string,
//                      partition_responses [index int32, error_code int16, base_offset int64,
//                                           log_append_time_ms int64, v5+: log_start_offset int64,
//                                           v8+: record_errors [batch_index int32,
//                                                               batch_index_error_message nullable string],
//                                           v8+: error_message nullable string]]
//           | throttle_time_ms int32
// acks = 0 gets no response at all.
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface ProducePartitionData {
  index: number;
  records: Buffer | null;
}

export interface ProduceRequest {
  transactionalId: string | null;
  acks: number;
  timeoutMs: number;
  topics: Array<{ name: string; partitions: ProducePartitionData[] }>;
}

export interface ProducePartitionResponse {
  index: number;
  errorCode: number;
  baseOffset: number;
  logStartOffset: number;
  errorMessage: string | null;
}

export interface ProduceTopicResponse {
  name: string;
  partitions: ProducePartitionResponse[];
}

export function decodeProduceRequest(r: Reader, _version: number): ProduceRequest {
  const transactionalId = r.nullableString();
  const acks = r.int16();
  const timeoutMs = r.int32();
  const topics = r.array((r2) => ({
    name: r2.string(),
    partitions: r2.array((r3) => ({ index: r3.int32(), records: r3.nullableBytes() })),
  }));
  return { transactionalId, acks, timeoutMs, topics };
}

export function encodeProduceResponse(w: Writer, version: number, topics: ProduceTopicResponse[]): void {
  w.array(topics, (w2, t) => {
    w2.string(t.name);
    w2.array(t.partitions, (w3, p) => {
      w3.int32(p.index).int16(p.errorCode).int64(p.baseOffset).int64(-1);
      if (version >= 5) w3.int64(p.logStartOffset);
      if (version >= 8) w3.array([], () => {}).nullableString(p.errorMessage);
    });
  });
  w.int32(0);
}
