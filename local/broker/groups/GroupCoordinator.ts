// The group coordinator of this single-node cluster: every group lives here. Holds the groups'
// membership state machines and their committed offsets (persisted through the Store).
import { ErrorCode } from '../protocol/errors.js';
import type { DescribedGroup } from '../protocol/groupAdmin.js';
import type { JoinGroupRequest, JoinGroupResponse } from '../protocol/groupMembership.js';
import type { FetchedOffset, OffsetCommitRequest, PartitionError } from '../protocol/offsets.js';
import type { Store } from '../storage/Store.js';
import { Group, type SyncResult } from './Group.js';

const MIN_SESSION_TIMEOUT_MS = 100;
const MAX_SESSION_TIMEOUT_MS = 30 * 60 * 1000;

interface Committed {
  offset: number;
  metadata: string | null;
}

type OffsetTable = Map<string, Map<number, Committed>>;

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly offsets = new Map<string, OffsetTable>();

  constructor(private readonly store: Store) {
    for (const e of store.loadOffsets()) {
      this.partitionsOf(e.group, e.topic).set(e.partition, { offset: e.offset, metadata: e.metadata });
    }
  }

  private table(group: string): OffsetTable {
    let t = this.offsets.get(group);
    if (t === undefined) {
      t = new Map();
      this.offsets.set(group, t);
    }
    return t;
  }

  private partitionsOf(group: string, topic: string): Map<number, Committed> {
    const table = this.table(group);
    let parts = table.get(topic);
    if (parts === undefined) {
      parts = new Map();
      table.set(topic, parts);
    }
    return parts;
  }

  private group(groupId: string): Group {
    let g = this.groups.get(groupId);
    if (g === undefined) {
      g = new Group(groupId);
      this.groups.set(groupId, g);
    }
    return g;
  }

  join(req: JoinGroupRequest, clientId: string, clientHost: string): Promise<JoinGroupResponse> {
    const invalid = (errorCode: number): Promise<JoinGroupResponse> =>
      Promise.resolve({ errorCode, generationId: -1, protocolName: '', leader: '', memberId: req.memberId, members: [] });
    if (req.groupId === '') return invalid(ErrorCode.INVALID_GROUP_ID);
    if (req.sessionTimeoutMs < MIN_SESSION_TIMEOUT_MS || req.sessionTimeoutMs > MAX_SESSION_TIMEOUT_MS) {
      return invalid(ErrorCode.INVALID_SESSION_TIMEOUT);
    }
    return this.group(req.groupId).join(req, clientId, clientHost);
  }

  sync(groupId: string, generationId: number, memberId: string, assignments: Array<{ memberId: string; assignment: Buffer }>): Promise<SyncResult> {
    const g = this.groups.get(groupId);
    if (g === undefined) return Promise.resolve({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: Buffer.alloc(0) });
    return g.sync(generationId, memberId, assignments);
  }

  heartbeat(groupId: string, generationId: number, memberId: string): number {
    return this.groups.get(groupId)?.heartbeat(generationId, memberId) ?? ErrorCode.UNKNOWN_MEMBER_ID;
  }

  leave(groupId: string, memberId: string): number {
    return this.groups.get(groupId)?.leave(memberId) ?? ErrorCode.UNKNOWN_MEMBER_ID;
  }

  commit(req: OffsetCommitRequest): Array<{ name: string; partitions: PartitionError[] }> {
    const g = this.groups.get(req.groupId);
    let errorCode: number = req.groupId === '' ? ErrorCode.INVALID_GROUP_ID : ErrorCode.NONE;
    if (errorCode === ErrorCode.NONE && g !== undefined) errorCode = g.commitCheck(req.generationId, req.memberId);
    else if (errorCode === ErrorCode.NONE && req.generationId >= 0) errorCode = ErrorCode.ILLEGAL_GENERATION;
    if (errorCode === ErrorCode.NONE) {
      const entries = [];
      for (const t of req.topics) {
        const parts = this.partitionsOf(req.groupId, t.name);
        for (const p of t.partitions) {
          parts.set(p.partition, { offset: p.offset, metadata: p.metadata });
          entries.push({ group: req.groupId, topic: t.name, partition: p.partition, offset: p.offset, metadata: p.metadata });
        }
      }
      this.store.commitOffsets(entries);
    }
    return req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode })) }));
  }

  fetchOffsets(groupId: string, topics: Array<{ name: string; partitions: number[] }> | null): Array<{ name: string; partitions: FetchedOffset[] }> {
    const table = this.offsets.get(groupId);
    const wanted = topics ?? [...(table ?? new Map<string, Map<number, Committed>>())].map(([name, parts]) => ({ name, partitions: [...parts.keys()] }));
    return wanted.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((partition) => {
        const c = table?.get(t.name)?.get(partition);
        return { partition, offset: c?.offset ?? -1, metadata: c?.metadata ?? '', errorCode: ErrorCode.NONE };
      }),
    }));
  }

  private exists(groupId: string): boolean {
    const g = this.groups.get(groupId);
    return (g !== undefined && (g.members.size > 0 || g.generationId > 0)) || (this.offsets.get(groupId)?.size ?? 0) > 0;
  }

  describe(groupId: string): DescribedGroup {
    const g = this.groups.get(groupId);
    if (g === undefined || !this.exists(groupId)) {
      return { errorCode: ErrorCode.NONE, groupId, state: 'Dead', protocolType: '', protocol: '', members: [] };
    }
    const stable = g.state === 'Stable';
    return {
      errorCode: ErrorCode.NONE,
      groupId,
      state: g.state,
      protocolType: g.protocolType,
      protocol: stable ? g.protocol : '',
      members: [...g.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? (m.protocols.find((p) => p.name === g.protocol)?.metadata ?? Buffer.alloc(0)) : Buffer.alloc(0),
        assignment: stable ? m.assignment : Buffer.alloc(0),
      })),
    };
  }

  list(): Array<{ groupId: string; protocolType: string }> {
    const ids = new Set([...this.groups.keys(), ...this.offsets.keys()]);
    return [...ids].filter((id) => this.exists(id)).map((groupId) => ({ groupId, protocolType: this.groups.get(groupId)?.protocolType ?? '' }));
  }

  delete(groupId: string): number {
    if (!this.exists(groupId)) return ErrorCode.GROUP_ID_NOT_FOUND;
    const g = this.groups.get(groupId);
    if (g !== undefined && g.members.size > 0) return ErrorCode.NON_EMPTY_GROUP;
    this.groups.delete(groupId);
    this.offsets.delete(groupId);
    this.store.deleteGroupOffsets(groupId);
    return ErrorCode.NONE;
  }

  shutdown(): void {
    for (const g of this.groups.values()) g.shutdown();
    this.groups.clear();
  }
}
