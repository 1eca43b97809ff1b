import { type Admin, type Consumer, type EachMessagePayload, Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { ApiKey } from '../../../local/broker/protocol/apiKeys.js';
import { ErrorCode } from '../../../local/broker/protocol/errors.js';
import { Writer } from '../../../local/broker/protocol/Writer.js';
import { RawClient, waitFor } from './helpers.js';

describe('consumer groups', () => {
  let broker: BrokerHandle;
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    broker = await startBroker({ port: 0, numPartitions: 1 });
    kafka = new Kafka({ clientId: 'groups', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.disconnect();
    await broker.stop();
  });

  function consumerOf(groupId: string): Consumer {
    return kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 6000, rebalanceTimeout: 5000, heartbeatInterval: 100 });
  }

  it('splits partitions between two consumers of a group and hands them all to the one left after the other leaves', async () => {
    await admin.createTopics({ topics: [{ topic: 'split', numPartitions: 4 }] });
    const assigned = new Map<string, number[]>();
    const received = new Map<string, Set<number>>();
    const track = (name: string, c: Consumer) => {
      c.on(c.events.GROUP_JOIN, (e) => assigned.set(name, e.payload.memberAssignment['split'] ?? []));
      return async ({ partition }: EachMessagePayload) => {
        received.set(name, (received.get(name) ?? new Set()).add(partition));
      };
    };
    const a = consumerOf('split-group');
    const b = consumerOf('split-group');
    await a.connect();
    await b.connect();
    await a.subscribe({ topic: 'split', fromBeginning: true });
    await b.subscribe({ topic: 'split', fromBeginning: true });
    await a.run({ eachMessage: track('a', a) });
    await b.run({ eachMessage: track('b', b) });
    await waitFor(() => (assigned.get('a')?.length ?? 0) + (assigned.get('b')?.length ?? 0) === 4 && (assigned.get('a')?.length ?? 0) > 0 && (assigned.get('b')?.length ?? 0) > 0, 30_000, 'both consumers to hold partitions');
    expect([...assigned.get('a')!, ...assigned.get('b')!].sort()).toEqual([0, 1, 2, 3]);
    const described = await admin.describeGroups(['split-group']);
    expect(described.groups[0]!.state).toBe('Stable');
    expect(described.groups[0]!.members).toHaveLength(2);

    await b.disconnect();
    await waitFor(() => assigned.get('a')?.length === 4, 30_000, 'the remaining consumer to take every partition');
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'split', messages: [0, 1, 2, 3].map((p) => ({ partition: p, value: `to-${p}` })) });
    await producer.disconnect();
    await waitFor(() => received.get('a')?.size === 4, 20_000, 'records from every partition');
    await a.disconnect();
  }, 60_000);

  it('keeps committed offsets across a consumer restart', async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'restart', messages: [1, 2, 3].map((i) => ({ value: `first-${i}` })) });
    const seen: string[] = [];
    const runOnce = async (count: number) => {
      const c = consumerOf('restart-group');
      await c.connect();
      await c.subscribe({ topic: 'restart', fromBeginning: true });
      await c.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
      await waitFor(() => seen.length >= count, 20_000, `${count} records`);
      await c.disconnect();
    };
    await runOnce(3);
    const offsets = await admin.fetchOffsets({ groupId: 'restart-group', topics: ['restart'] });
    expect(offsets[0]!.partitions[0]!.offset).toBe('3');
    await producer.send({ topic: 'restart', messages: [{ value: 'second-1' }] });
    await producer.disconnect();
    await runOnce(4);
    expect(seen).toEqual(['first-1', 'first-2', 'first-3', 'second-1']);
  }, 60_000);

  it('lists, describes and deletes groups through the admin client, refusing to delete a group with members', async () => {
    const c = consumerOf('admin-group');
    await c.connect();
    await c.subscribe({ topic: 'admin-topic', fromBeginning: true });
    let joined = false;
    c.on(c.events.GROUP_JOIN, () => {
      joined = true;
    });
    await c.run({ eachMessage: async () => {} });
    await waitFor(() => joined, 20_000, 'the consumer to join');
    const listed = await admin.listGroups();
    expect(listed.groups).toContainEqual({ groupId: 'admin-group', protocolType: 'consumer' });
    const described = await admin.describeGroups(['admin-group', 'no-such-group']);
    expect(described.groups[0]).toMatchObject({ groupId: 'admin-group', state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner' });
    expect(described.groups[0]!.members[0]!.clientId).toBe('groups');
    expect(described.groups[1]).toMatchObject({ groupId: 'no-such-group', state: 'Dead' });
    await expect(admin.deleteGroups(['admin-group'])).rejects.toMatchObject({
      groups: [expect.objectContaining({ errorCode: ErrorCode.NON_EMPTY_GROUP })],
    });
    await c.disconnect();
    expect((await admin.describeGroups(['admin-group'])).groups[0]!.state).toBe('Empty');
    const deleted = await admin.deleteGroups(['admin-group']);
    expect(deleted).toEqual([expect.objectContaining({ groupId: 'admin-group', errorCode: ErrorCode.NONE })]);
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).not.toContain('admin-group');
    await expect(admin.deleteGroups(['admin-group'])).rejects.toMatchObject({
      groups: [expect.objectContaining({ errorCode: ErrorCode.GROUP_ID_NOT_FOUND })],
    });
  }, 60_000);

  it('expires a member that stops heartbeating, and rebalances a stable group when another member joins', async () => {
    const join = (client: RawClient, memberId: string, sessionTimeoutMs: number) =>
      client.request(
        ApiKey.JoinGroup,
        1,
        new Writer()
          .string('raw-group')
          .int32(sessionTimeoutMs)
          .int32(10_000)
          .string(memberId)
          .string('consumer')
          .array(['range'], (w, name) => void w.string(name).nullableBytes(Buffer.from('meta'))),
      );
    const heartbeat = async (client: RawClient, generation: number, memberId: string) => {
      const r = await client.request(ApiKey.Heartbeat, 1, new Writer().string('raw-group').int32(generation).string(memberId));
      r.int32();
      return r.int16();
    };
    const first = await RawClient.connect(broker.port);
    const j1 = await join(first, '', 60_000);
    expect(j1.int16()).toBe(ErrorCode.NONE);
    const gen1 = j1.int32();
    j1.string();
    const leader = j1.string();
    const member1 = j1.string();
    expect(leader).toBe(member1);
    const sync = await first.request(
      ApiKey.SyncGroup,
      1,
      new Writer().string('raw-group').int32(gen1).string(member1).array([member1], (w, m) => void w.string(m).nullableBytes(Buffer.from('all'))),
    );
    sync.int32();
    expect(sync.int16()).toBe(ErrorCode.NONE);
    expect(sync.bytes().toString()).toBe('all');
    expect(await heartbeat(first, gen1, member1)).toBe(ErrorCode.NONE);
    expect(await heartbeat(first, gen1 + 5, member1)).toBe(ErrorCode.ILLEGAL_GENERATION);

    // A second member joining a stable group starts a rebalance the first learns of by heartbeat.
    const second = await RawClient.connect(broker.port);
    const pendingJoin = join(second, '', 300);
    await waitFor(async () => (await heartbeat(first, gen1, member1)) === ErrorCode.REBALANCE_IN_PROGRESS, 10_000, 'REBALANCE_IN_PROGRESS');
    const rejoin = await join(first, member1, 60_000);
    expect(rejoin.int16()).toBe(ErrorCode.NONE);
    const gen2 = rejoin.int32();
    expect(gen2).toBeGreaterThan(gen1);
    const j2 = await pendingJoin;
    expect(j2.int16()).toBe(ErrorCode.NONE);
    j2.int32();
    j2.string();
    j2.string();
    const member2 = j2.string();

    // The second member never heartbeats: its 300 ms session expires and the group rebalances again.
    const memberIds = async () => (await admin.describeGroups(['raw-group'])).groups[0]!.members.map((m) => m.memberId);
    await waitFor(async () => (await memberIds()).length === 1, 10_000, 'member expiry');
    expect(await memberIds()).toEqual([member1]);
    expect(await heartbeat(second, gen2, member2)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    first.close();
    second.close();
  }, 30_000);
});
