// Group membership APIs (classic protocol).
// FindCoordinator (10) v0-2  req: key string | v1+: key_type int8
//                            res: v1+: throttle_time_ms int32 | error_code int16 | v1+: error_message nullable string
//                                 | node_id int32 | host string | port int32
// JoinGroup (11) v0-5        req: group_id string | session_timeout_ms int32 | v1+: rebalance_timeout_ms int32
//                                 | member_id string | v5+: group_instance_id nullable string | protocol_type string
//                                 | protocols [name string, metadata bytes]
//                            res: v2+: throttle_time_ms int32 | error_code int16 | generation_id int32
//                                 | protocol_name string | leader string | member_id string
//                                 | members [member_id string, v5+: group_instance_id nullable string, metadata bytes]
// SyncGroup (14) v0-3        req: group_id string | generation_id int32 | member_id string
//                                 | v3+: group_instance_id nullable string | assignments [member_id string, assignment bytes]
//                            res: v1+: throttle_time_ms int32 | error_code int16 | assignment bytes
// Heartbeat (12) v0-3        req: group_id string | generation_id int32 | member_id string
//                                 | v3+: group_instance_id nullable string
//                            res: v1+: throttle_time_ms int32 | error_code int16
// LeaveGroup (13) v0-3       req: group_id string | v0-2: member_id string
//                                 | v3+: members [member_id string, group_instance_id nullable string]
//                            res: v1+: throttle_time_ms int32 | error_code int16
//                                 | v3+: members [member_id string, group_instance_id nullable string, error_code int16]
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export function decodeFindCoordinatorRequest(r: Reader, version: number): { key: string; keyType: number } {
  const key = r.string();
  return { key, keyType: version >= 1 ? r.int8() : 0 };
}

export function encodeFindCoordinatorResponse(
  w: Writer,
  version: number,
  res: { errorCode: number; nodeId: number; host: string; port: number },
): void {
  if (version >= 1) w.int32(0);
  w.int16(res.errorCode);
  if (version >= 1) w.nullableString(null);
  w.int32(res.nodeId).string(res.host).int32(res.port);
}

export interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: Array<{ name: string; metadata: Buffer }>;
}

export interface JoinGroupResponse {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  members: Array<{ memberId: string; groupInstanceId: string | null; metadata: Buffer }>;
}

export function decodeJoinGroupRequest(r: Reader, version: number): JoinGroupRequest {
  const groupId = r.string();
  const sessionTimeoutMs = r.int32();
  const rebalanceTimeoutMs = version >= 1 ? r.int32() : sessionTimeoutMs;
  const memberId = r.string();
  const groupInstanceId = version >= 5 ? r.nullableString() : null;
  const protocolType = r.string();
  const protocols = r.array((r2) => ({ name: r2.string(), metadata: Buffer.from(r2.bytes()) }));
  return { groupId, sessionTimeoutMs, rebalanceTimeoutMs, memberId, groupInstanceId, protocolType, protocols };
}

export function encodeJoinGroupResponse(w: Writer, version: number, res: JoinGroupResponse): void {
  if (version >= 2) w.int32(0);
  w.int16(res.errorCode).int32(res.generationId).string(res.protocolName).string(res.leader).string(res.memberId);
  w.array(res.members, (w2, m) => {
    w2.string(m.memberId);
    if (version >= 5) w2.nullableString(m.groupInstanceId);
    w2.nullableBytes(m.metadata);
  });
}

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: Array<{ memberId: string; assignment: Buffer }>;
}

export function decodeSyncGroupRequest(r: Reader, version: number): SyncGroupRequest {
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (version >= 3) r.nullableString();
  const assignments = r.array((r2) => ({ memberId: r2.string(), assignment: Buffer.from(r2.bytes()) }));
  return { groupId, generationId, memberId, assignments };
}

export function encodeSyncGroupResponse(w: Writer, version: number, errorCode: number, assignment: Buffer): void {
  if (version >= 1) w.int32(0);
  w.int16(errorCode).nullableBytes(assignment);
}

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
}

export function decodeHeartbeatRequest(r: Reader, version: number): HeartbeatRequest {
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (version >= 3) r.nullableString();
  return { groupId, generationId, memberId };
}

/** Heartbeat's response, and any other response that is only an error code after the throttle time. */
export function encodeErrorOnlyResponse(w: Writer, version: number, errorCode: number): void {
  if (version >= 1) w.int32(0);
  w.int16(errorCode);
}

export interface LeaveGroupRequest {
  groupId: string;
  members: Array<{ memberId: string; groupInstanceId: string | null }>;
}

export function decodeLeaveGroupRequest(r: Reader, version: number): LeaveGroupRequest {
  const groupId = r.string();
  if (version < 3) return { groupId, members: [{ memberId: r.string(), groupInstanceId: null }] };
  const members = r.array((r2) => ({ memberId: r2.string(), groupInstanceId: r2.nullableString() }));
  return { groupId, members };
}

export function encodeLeaveGroupResponse(
  w: Writer,
  version: number,
  errorCode: number,
  members: Array<{ memberId: string; groupInstanceId: string | null; errorCode: number }>,
): void {
  encodeErrorOnlyResponse(w, version, errorCode);
  if (version >= 3) {
    w.array(members, (w2, m) => {
      w2.string(m.memberId).nullableString(m.groupInstanceId).int16(m.errorCode);
    });
  }
}
