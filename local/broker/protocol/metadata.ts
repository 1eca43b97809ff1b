// Metadata (key 3), versions 0-8.
// Request:  topics [name string] (v1+: nullable = all topics; v0: empty = all)
//           | v4+: allow_auto_topic_creation bool
//           | v8+: include_cluster_authorized_operations bool, include_topic_authorized_operations bool
// Response: v3+: throttle_time_ms int32 | brokers [node_id int32, host string, port int32, v1+: rack nullable string]
//           | v2+: cluster_id nullable string | v1+: controller_id int32
//           | topics [error_code int16, name string, v1+: is_internal bool,
//                     partitions [error_code int16, partition_index int32, leader_id int32,
//                                 v7+: leader_epoch int32, replica_nodes [int32], isr_nodes [int32],
//                                 v5+: offline_replicas [int32]],
//                     v8+: topic_authorized_operations int32]
//           | v8+: cluster_authorized_operations int32
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface MetadataRequest {
  /** null = every topic. */
  topics: string[] | null;
  allowAutoTopicCreation: boolean;
}

export interface MetadataBroker {
  nodeId: number;
  host: string;
  port: number;
}

export interface MetadataTopic {
  errorCode: number;
  name: string;
  partitions: number[];
}

export interface MetadataResponse {
  brokers: MetadataBroker[];
  clusterId: string;
  controllerId: number;
  topics: MetadataTopic[];
}

export function decodeMetadataRequest(r: Reader, version: number): MetadataRequest {
  let topics = r.nullableArray((r2) => r2.string());
  if (version === 0 && topics !== null && topics.length === 0) topics = null;
  const allowAutoTopicCreation = version >= 4 ? r.bool() : true;
  if (version >= 8) {
    r.bool();
    r.bool();
  }
  return { topics, allowAutoTopicCreation };
}

const UNKNOWN_AUTHORIZED_OPERATIONS = -2147483648;

export function encodeMetadataResponse(w: Writer, version: number, res: MetadataResponse): void {
  if (version >= 3) w.int32(0);
  w.array(res.brokers, (w2, b) => {
    w2.int32(b.nodeId).string(b.host).int32(b.port);
    if (version >= 1) w2.nullableString(null);
  });
  if (version >= 2) w.nullableString(res.clusterId);
  if (version >= 1) w.int32(res.controllerId);
  w.array(res.topics, (w2, t) => {
    w2.int16(t.errorCode).string(t.name);
    if (version >= 1) w2.bool(false);
    w2.array(t.partitions, (w3, p) => {
      w3.int16(0).int32(p).int32(res.controllerId);
      if (version >= 7) w3.int32(0);
      w3.array([res.controllerId], (w4, n) => w4.int32(n));
      w3.array([res.controllerId], (w4, n) => w4.int32(n));
      if (version >= 5) w3.array([], () => {});
    });
    if (version >= 8) w2.int32(UNKNOWN_AUTHORIZED_OPERATIONS);
  });
  if (version >= 8) w.int32(UNKNOWN_AUTHORIZED_OPERATIONS);
}
