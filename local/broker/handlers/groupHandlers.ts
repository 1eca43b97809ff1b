// FindCoordinator and the consumer-group APIs, answered by the GroupCoordinator.
import { ErrorCode } from '../protocol/errors.js';
import {
  decodeDeleteGroupsRequest,
  decodeDescribeGroupsRequest,
  encodeDeleteGroupsResponse,
  encodeDescribeGroupsResponse,
  encodeListGroupsResponse,
} from '../protocol/groupAdmin.js';
import {
  decodeFindCoordinatorRequest,
  decodeHeartbeatRequest,
  decodeJoinGroupRequest,
  decodeLeaveGroupRequest,
  decodeSyncGroupRequest,
  encodeErrorOnlyResponse,
  encodeFindCoordinatorResponse,
  encodeJoinGroupResponse,
  encodeLeaveGroupResponse,
  encodeSyncGroupResponse,
} from '../protocol/groupMembership.js';
import {
  decodeOffsetCommitRequest,
  decodeOffsetFetchRequest,
  encodeOffsetCommitResponse,
  encodeOffsetFetchResponse,
} from '../protocol/offsets.js';
import type { Handler } from './context.js';

export const handleFindCoordinator: Handler = (broker, req, r, w) => {
  decodeFindCoordinatorRequest(r, req.header.apiVersion);
  encodeFindCoordinatorResponse(w, req.header.apiVersion, {
    errorCode: ErrorCode.NONE,
    nodeId: broker.nodeId,
    host: broker.host,
    port: broker.port,
  });
  return true;
};

export const handleJoinGroup: Handler = async (broker, req, r, w) => {
  const request = decodeJoinGroupRequest(r, req.header.apiVersion);
  const response = await broker.groups.join(request, req.header.clientId ?? '', req.clientHost);
  encodeJoinGroupResponse(w, req.header.apiVersion, response);
  return true;
};

export const handleSyncGroup: Handler = async (broker, req, r, w) => {
  const request = decodeSyncGroupRequest(r, req.header.apiVersion);
  const result = await broker.groups.sync(request.groupId, request.generationId, request.memberId, request.assignments);
  encodeSyncGroupResponse(w, req.header.apiVersion, result.errorCode, result.assignment);
  return true;
};

export const handleHeartbeat: Handler = (broker, req, r, w) => {
  const request = decodeHeartbeatRequest(r, req.header.apiVersion);
  encodeErrorOnlyResponse(w, req.header.apiVersion, broker.groups.heartbeat(request.groupId, request.generationId, request.memberId));
  return true;
};

export const handleLeaveGroup: Handler = (broker, req, r, w) => {
  const request = decodeLeaveGroupRequest(r, req.header.apiVersion);
  const members = request.members.map((m) => ({ ...m, errorCode: broker.groups.leave(request.groupId, m.memberId) }));
  const topError = req.header.apiVersion < 3 ? members[0]!.errorCode : ErrorCode.NONE;
  encodeLeaveGroupResponse(w, req.header.apiVersion, topError, members);
  return true;
};

export const handleOffsetCommit: Handler = (broker, req, r, w) => {
  const request = decodeOffsetCommitRequest(r, req.header.apiVersion);
  encodeOffsetCommitResponse(w, req.header.apiVersion, broker.groups.commit(request));
  return true;
};

export const handleOffsetFetch: Handler = (broker, req, r, w) => {
  const request = decodeOffsetFetchRequest(r, req.header.apiVersion);
  encodeOffsetFetchResponse(w, req.header.apiVersion, ErrorCode.NONE, broker.groups.fetchOffsets(request.groupId, request.topics));
  return true;
};

export const handleDescribeGroups: Handler = (broker, req, r, w) => {
  const ids = decodeDescribeGroupsRequest(r, req.header.apiVersion);
  encodeDescribeGroupsResponse(w, req.header.apiVersion, ids.map((id) => broker.groups.describe(id)));
  return true;
};

export const handleListGroups: Handler = (broker, req, _r, w) => {
  encodeListGroupsResponse(w, req.header.apiVersion, broker.groups.list());
  return true;
};

export const handleDeleteGroups: Handler = (broker, req, r, w) => {
  const ids = decodeDeleteGroupsRequest(r, req.header.apiVersion);
  encodeDeleteGroupsResponse(w, req.header.apiVersion, ids.map((groupId) => ({ groupId, errorCode: broker.groups.delete(groupId) })));
  return true;
};
