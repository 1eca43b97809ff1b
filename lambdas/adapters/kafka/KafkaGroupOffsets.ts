// Sink pipeline offsets = the committed offsets of the consumer group connect-<name>, read and changed with kafkajs admin.
import type { Admin } from 'kafkajs';
import { ConflictError } from '../../connect-api/errors.js';
import type { ConsumerGroupOffsets, TopicPartitionOffset } from '../../runtime/ports/ConsumerGroupOffsets.js';

/** A group with members (a consumer not yet gone) is a 409 with the reason, never a 500. */
function groupInUse(groupId: string, e: unknown): ConflictError {
  return new ConflictError(`The consumer group ${groupId} still has active members, so its offsets cannot be modified yet; retry once the connector's status says STOPPED`, { cause: e });
}

export class KafkaGroupOffsets implements ConsumerGroupOffsets {
  constructor(private readonly admin: () => Promise<Admin>) {}

  async fetch(groupId: string): Promise<TopicPartitionOffset[]> {
    const admin = await this.admin();
    const topics = await admin.fetchOffsets({ groupId });
    return topics.flatMap((t) =>
      t.partitions
        .map((p) => ({ topic: t.topic, partition: p.partition, offset: Number(p.offset) }))
        .filter((p) => p.offset >= 0),
    );
  }

  /** A null offset resets the partition to its earliest offset, where a Connect sink without a committed offset starts. */
  async alter(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void> {
    const admin = await this.admin();
    const byTopic = new Map<string, TopicPartitionOffset[]>();
    for (const o of offsets) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
    for (const [topic, entries] of byTopic) {
      const needEarliest = entries.some((e) => e.offset === null);
      const earliest = needEarliest ? await admin.fetchTopicOffsets(topic) : [];
      const partitions = entries.map((e) => ({
        partition: e.partition,
        offset: String(e.offset ?? earliest.find((p) => p.partition === e.partition)?.low ?? '0'),
      }));
      try {
        await admin.setOffsets({ groupId, topic, partitions });
      } catch (e) {
        if (/no running instances/.test((e as Error).message ?? '')) throw groupInUse(groupId, e);
        throw e;
      }
    }
  }

  async deleteGroup(groupId: string): Promise<void> {
    const admin = await this.admin();
    try {
      await admin.deleteGroups([groupId]);
    } catch (e) {
      const code = (e as { groups?: Array<{ error?: { type?: string } }> }).groups?.[0]?.error?.type;
      if (code === 'NON_EMPTY_GROUP') throw groupInUse(groupId, e);
      if (code !== 'GROUP_ID_NOT_FOUND') throw e;
    }
  }

  async partitionCounts(topics: readonly string[]): Promise<Map<string, number>> {
    const admin = await this.admin();
    // Only topics that exist are asked about, so the metadata request can never create one.
    const existing = new Set(await admin.listTopics());
    const asked = topics.filter((t) => existing.has(t));
    if (asked.length === 0) return new Map();
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: asked });
    return new Map(metadata.map((t) => [t.name, t.partitions.length]));
  }
}
