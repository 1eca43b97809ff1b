// GET / PATCH / DELETE /connectors/{name}/offsets (KIP-875): source offsets live in the store, sink offsets are the
// consumer group connect-<name>'s committed offsets. Changes are allowed only while the pipeline is STOPPED.
import { BadRequestError, SluiceError } from '../errors.js';
import type { ConsumerGroupOffsets, TopicPartitionOffset } from '../ports/ConsumerGroupOffsets.js';
import type { PipelineRecord, PipelineStore, SourceOffset } from '../ports/PipelineStore.js';
import { connectGroup, consumerGroupFor, knownSinkTopics, sinkTopics } from '../sinkGroups.js';
import type { ConnectorOffsets, Message } from './entities.js';

/** The topics a sink consumes as far as the API can tell (sinkGroups.knownSinkTopics). */
async function knownTopics(store: PipelineStore, r: PipelineRecord): Promise<string[]> {
  const listed = sinkTopics(r.config);
  if (listed.length > 0 || (r.config['topics.regex'] ?? '').trim() === '') return listed;
  return knownSinkTopics(r.config, await store.getStatus(r.name));
}

/** Every group the pipeline may have committed offsets in, each with the topics it owns. */
function groupsOf(name: string, topics: readonly string[]): Array<{ groupId: string; topics: readonly string[] | 'all' }> {
  if (topics.length <= 1) return [{ groupId: connectGroup(name), topics: 'all' }];
  return topics.map((t) => ({ groupId: consumerGroupFor(name, t, topics.length), topics: [t] }));
}

const ALTERED =
  'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.';
const RESET =
  'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.';

type Entry = { partition?: unknown; offset?: unknown };

export class OffsetsManager {
  constructor(
    private readonly store: PipelineStore,
    private readonly groups: ConsumerGroupOffsets | undefined,
  ) {}

  async get(r: PipelineRecord): Promise<ConnectorOffsets> {
    if (r.type === 'source') {
      const offsets = await this.store.listOffsets(r.name);
      return { offsets: offsets.map((o) => ({ partition: { ...o.partition }, offset: o.offset ? { ...o.offset } : null })) };
    }
    const groups = this.requireGroups();
    const committed: TopicPartitionOffset[] = [];
    for (const g of groupsOf(r.name, await knownTopics(this.store, r))) {
      for (const o of await groups.fetch(g.groupId)) if (g.topics === 'all' || g.topics.includes(o.topic)) committed.push(o);
    }
    committed.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return {
      offsets: committed
        .filter((o) => o.offset !== null)
        .map((o) => ({ partition: { kafka_topic: o.topic, kafka_partition: o.partition }, offset: { kafka_offset: o.offset } })),
    };
  }

  /** The caller checked that the connector is STOPPED (ConnectorService, from the lifecycle table). */
  async alter(r: PipelineRecord, body: unknown): Promise<Message> {
    const entries = (body as { offsets?: unknown } | null)?.offsets;
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new BadRequestError('Partitions / offsets need to be provided for an alter offsets request');
    }
    if (r.type === 'source') {
      await this.store.putOffsets(r.name, entries.map(sourceEntry));
    } else {
      const topics = await knownTopics(this.store, r);
      const byGroup = new Map<string, TopicPartitionOffset[]>();
      for (const e of entries.map(sinkEntry)) {
        const groupId = consumerGroupFor(r.name, e.topic, Math.max(topics.length, 1));
        byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), e]);
      }
      for (const [groupId, offsets] of byGroup) await this.requireGroups().alter(groupId, offsets);
    }
    return { message: ALTERED };
  }

  async reset(r: PipelineRecord): Promise<Message> {
    if (r.type === 'source') await this.store.deleteOffsets(r.name);
    else for (const g of groupsOf(r.name, await knownTopics(this.store, r))) await this.requireGroups().deleteGroup(g.groupId);
    return { message: RESET };
  }

  private requireGroups(): ConsumerGroupOffsets {
    if (!this.groups) throw new SluiceError('Sink connector offsets are not available: this API has no Kafka cluster configured (set KAFKA_BROKERS).');
    return this.groups;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sourceEntry(e: unknown): SourceOffset {
  const { partition, offset } = (isPlainObject(e) ? e : {}) as Entry;
  if (!isPlainObject(partition)) throw new BadRequestError('The partition for a source connector offset cannot be null or missing');
  if (offset !== null && !isPlainObject(offset)) throw new BadRequestError('The offset for a source connector should either be null or be a map');
  return { partition, offset: offset ?? null };
}

function integer(v: unknown, message: string): number {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new BadRequestError(message);
  return n;
}

function sinkEntry(e: unknown): TopicPartitionOffset {
  const { partition, offset } = (isPlainObject(e) ? e : {}) as Entry;
  if (!isPlainObject(partition)) throw new BadRequestError('The partition for a sink connector offset cannot be null or missing');
  if (!('kafka_topic' in partition) || !('kafka_partition' in partition)) {
    throw new BadRequestError("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'");
  }
  const topic = partition['kafka_topic'];
  if (typeof topic !== 'string' || topic === '') throw new BadRequestError('Kafka topic names must be valid strings and may not be null');
  if (partition['kafka_partition'] === null) throw new BadRequestError('Kafka partitions must be valid numbers and may not be null');
  const p = integer(partition['kafka_partition'], `Failed to parse the following Kafka partition value in the provided offsets: '${String(partition['kafka_partition'])}'. Partition values for sink connectors need to be integers.`);
  if (offset === null || offset === undefined) return { topic, partition: p, offset: null };
  if (!isPlainObject(offset) || !('kafka_offset' in offset)) throw new BadRequestError("The offset for a sink connector should either be null or contain the key 'kafka_offset'");
  const o = integer(offset['kafka_offset'], `Failed to parse the following Kafka offset value in the provided offsets: '${String(offset['kafka_offset'])}'. Offset values for sink connectors need to be integers.`);
  if (o < 0) throw new BadRequestError(`Offset values for sink connectors need to be non-negative integers, got ${o}`);
  return { topic, partition: p, offset: o };
}
