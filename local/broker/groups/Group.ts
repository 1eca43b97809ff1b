// One consumer group's membership state machine (the classic rebalance protocol):
//   Empty -> PreparingRebalance (a join) -> CompletingRebalance (every member rejoined, or the
//   rebalance timeout dropped the laggards; join responses sent, leader gets the member list)
//   -> Stable (the leader's SyncGroup delivered the assignments).
// A join while Stable/CompletingRebalance, a leave or an expired session starts a new rebalance;
// members still in the old generation learn it from REBALANCE_IN_PROGRESS on heartbeat.
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../protocol/errors.js';
import type { JoinGroupRequest, JoinGroupResponse } from '../protocol/groupMembership.js';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface SyncResult {
  errorCode: number;
  assignment: Buffer;
}

export interface Member {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: Array<{ name: string; metadata: Buffer }>;
  assignment: Buffer;
  pendingJoin: ((res: JoinGroupResponse) => void) | null;
  pendingSync: ((res: SyncResult) => void) | null;
  sessionTimer: NodeJS.Timeout | null;
}

const EMPTY = Buffer.alloc(0);

function joinError(errorCode: number, memberId = ''): JoinGroupResponse {
  return { errorCode, generationId: -1, protocolName: '', leader: '', memberId, members: [] };
}

export class Group {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType = '';
  protocol = '';
  leaderId = '';
  readonly members = new Map<string, Member>();
  private rebalanceTimer: NodeJS.Timeout | null = null;

  constructor(readonly groupId: string) {}

  join(req: JoinGroupRequest, clientId: string, clientHost: string): Promise<JoinGroupResponse> {
    if (this.members.size > 0 && req.protocolType !== this.protocolType) {
      return Promise.resolve(joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId));
    }
    const names = new Set(req.protocols.map((p) => p.name));
    const others = [...this.members.values()].filter((m) => m.memberId !== req.memberId);
    if (req.protocols.length === 0 || others.some((m) => !m.protocols.some((p) => names.has(p.name)))) {
      return Promise.resolve(joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId));
    }
    let member: Member | undefined;
    if (req.memberId === '') {
      member = {
        memberId: `${clientId}-${randomUUID()}`,
        groupInstanceId: req.groupInstanceId,
        clientId,
        clientHost,
        sessionTimeoutMs: req.sessionTimeoutMs,
        rebalanceTimeoutMs: req.rebalanceTimeoutMs,
        protocols: req.protocols,
        assignment: EMPTY,
        pendingJoin: null,
        pendingSync: null,
        sessionTimer: null,
      };
      this.members.set(member.memberId, member);
    } else {
      member = this.members.get(req.memberId);
      if (member === undefined) return Promise.resolve(joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId));
      member.protocols = req.protocols;
      member.sessionTimeoutMs = req.sessionTimeoutMs;
      member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    }
    this.protocolType = req.protocolType;
    const joined = member;
    if (joined.sessionTimer) clearTimeout(joined.sessionTimer);
    joined.sessionTimer = null;
    const response = new Promise<JoinGroupResponse>((resolve) => {
      joined.pendingJoin?.(joinError(ErrorCode.REBALANCE_IN_PROGRESS, joined.memberId));
      joined.pendingJoin = resolve;
    });
    if (this.state !== 'PreparingRebalance') this.prepareRebalance();
    this.tryCompleteJoin();
    return response;
  }

  sync(generationId: number, memberId: string, assignments: Array<{ memberId: string; assignment: Buffer }>): Promise<SyncResult> {
    const member = this.members.get(memberId);
    if (member === undefined) return Promise.resolve({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    if (generationId !== this.generationId) return Promise.resolve({ errorCode: ErrorCode.ILLEGAL_GENERATION, assignment: EMPTY });
    if (this.state === 'PreparingRebalance') {
      return Promise.resolve({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
    }
    this.touch(member);
    if (this.state === 'Stable') return Promise.resolve({ errorCode: ErrorCode.NONE, assignment: member.assignment });
    const result = new Promise<SyncResult>((resolve) => {
      member.pendingSync = resolve;
    });
    if (memberId === this.leaderId) {
      const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]));
      for (const m of this.members.values()) m.assignment = byMember.get(m.memberId) ?? EMPTY;
      this.state = 'Stable';
      for (const m of this.members.values()) {
        m.pendingSync?.({ errorCode: ErrorCode.NONE, assignment: m.assignment });
        m.pendingSync = null;
      }
    }
    return result;
  }

  heartbeat(generationId: number, memberId: string): number {
    const member = this.members.get(memberId);
    if (member === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    this.touch(member);
    return this.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  /** Whether an offset commit from this member/generation is accepted now (error code). */
  commitCheck(generationId: number, memberId: string): number {
    if (generationId < 0 && memberId === '' && this.members.size === 0) return ErrorCode.NONE;
    if (this.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    const member = this.members.get(memberId);
    if (member === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    this.touch(member);
    return ErrorCode.NONE;
  }

  leave(memberId: string): number {
    const member = this.members.get(memberId);
    if (member === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.remove(member);
    return ErrorCode.NONE;
  }

  /** Stops every timer and answers parked requests (the broker is stopping). */
  shutdown(): void {
    if (this.rebalanceTimer) clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = null;
    for (const m of this.members.values()) {
      if (m.sessionTimer) clearTimeout(m.sessionTimer);
      m.pendingJoin?.(joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, m.memberId));
      m.pendingSync?.({ errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, assignment: EMPTY });
    }
    this.members.clear();
    this.state = 'Dead';
  }

  private remove(member: Member): void {
    if (member.sessionTimer) clearTimeout(member.sessionTimer);
    member.pendingJoin?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId));
    member.pendingSync?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    this.members.delete(member.memberId);
    if (this.state === 'PreparingRebalance') this.tryCompleteJoin();
    else if (this.members.size === 0) this.becomeEmpty();
    else this.prepareRebalance();
  }

  private becomeEmpty(): void {
    if (this.rebalanceTimer) clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = null;
    this.state = 'Empty';
    this.generationId++;
    this.protocol = '';
    this.leaderId = '';
  }

  private touch(member: Member): void {
    if (member.sessionTimer) clearTimeout(member.sessionTimer);
    member.sessionTimer = setTimeout(() => {
      member.sessionTimer = null;
      if (this.members.get(member.memberId) === member && member.pendingJoin === null) this.remove(member);
    }, member.sessionTimeoutMs);
    member.sessionTimer.unref();
  }

  private prepareRebalance(): void {
    this.state = 'PreparingRebalance';
    for (const m of this.members.values()) {
      m.pendingSync?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
      m.pendingSync = null;
    }
    if (this.rebalanceTimer) clearTimeout(this.rebalanceTimer);
    const timeout = Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    this.rebalanceTimer = setTimeout(() => {
      this.rebalanceTimer = null;
      for (const m of [...this.members.values()]) {
        if (m.pendingJoin === null) {
          if (m.sessionTimer) clearTimeout(m.sessionTimer);
          this.members.delete(m.memberId);
        }
      }
      this.completeJoin();
    }, timeout);
    this.rebalanceTimer.unref();
  }

  private tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance') return;
    for (const m of this.members.values()) if (m.pendingJoin === null) return;
    this.completeJoin();
  }

  private completeJoin(): void {
    if (this.rebalanceTimer) clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = null;
    const members = [...this.members.values()];
    if (members.length === 0) {
      this.becomeEmpty();
      return;
    }
    this.generationId++;
    if (!this.members.has(this.leaderId)) this.leaderId = members[0]!.memberId;
    const leader = this.members.get(this.leaderId)!;
    const chosen = leader.protocols.find((p) => members.every((m) => m.protocols.some((q) => q.name === p.name)));
    this.protocol = chosen?.name ?? leader.protocols[0]!.name;
    this.state = 'CompletingRebalance';
    for (const m of members) {
      const metadataOf = (x: Member) => x.protocols.find((p) => p.name === this.protocol)?.metadata ?? EMPTY;
      const resolve = m.pendingJoin;
      m.pendingJoin = null;
      resolve?.({
        errorCode: ErrorCode.NONE,
        generationId: this.generationId,
        protocolName: this.protocol,
        leader: this.leaderId,
        memberId: m.memberId,
        members:
          m.memberId === this.leaderId
            ? members.map((x) => ({ memberId: x.memberId, groupInstanceId: x.groupInstanceId, metadata: metadataOf(x) }))
            : [],
      });
      this.touch(m);
    }
  }
}
