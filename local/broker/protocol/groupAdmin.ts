// DescribeGroups (15) v0-4, ListGroups (16) v0-2, DeleteGroups (42) v0-1.
// DescribeGroups req: groups [string] | v3+: include_authorized_operations bool
// DescribeGroups res: v1+: throttle_time_ms int32
//                     | groups [error_code int16, group_id string, group_state string, protocol_type string,
//                               protocol_data string,
//                               members [member_id string, v4+: group_instance_id nullable string,
//                                        client_id string, client_host string, member_metadata bytes,
//                                        member_assignment bytes],
//                               v3+: authorized_operations int32]
// ListGroups req:     (empty)
// ListGroups res:     v1+: throttle_time_ms int32 | error_code int16 | groups [group_id string, protocol_type string]
// DeleteGroups req:   groups_names [string]
// DeleteGroups res:   throttle_time_ms int32 | results [group_id string, error_code int16]
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface DescribedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  metadata: Buffer;
  assignment: Buffer;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: DescribedMember[];
}

export function decodeDescribeGroupsRequest(r: Reader, version: number): string[] {
  const groups = r.array((r2) => r2.string());
  if (version >= 3) r.bool();
  return groups;
}

export function encodeDescribeGroupsResponse(w: Writer, version: number, groups: DescribedGroup[]): void {
  if (version >= 1) w.int32(0);
  w.array(groups, (w2, g) => {
    w2.int16(g.errorCode).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocol);
    w2.array(g.members, (w3, m) => {
      w3.string(m.memberId);
      if (version >= 4) w3.nullableString(m.groupInstanceId);
      w3.string(m.clientId).string(m.clientHost).nullableBytes(m.metadata).nullableBytes(m.assignment);
    });
    if (version >= 3) w2.int32(-2147483648);
  });
}

export function encodeListGroupsResponse(
  w: Writer,
  version: number,
  groups: Array<{ groupId: string; protocolType: string }>,
): void {
  if (version >= 1) w.int32(0);
  w.int16(0);
  w.array(groups, (w2, g) => {
    w2.string(g.groupId).string(g.protocolType);
  });
}

export function decodeDeleteGroupsRequest(r: Reader, _version: number): string[] {
  return r.array((r2) => r2.string());
}

export function encodeDeleteGroupsResponse(
  w: Writer,
  _version: number,
  results: Array<{ groupId: string; errorCode: number }>,
): void {
  w.int32(0);
  w.array(results, (w2, g) => {
    w2.string(g.groupId).int16(g.errorCode);
  });
}
