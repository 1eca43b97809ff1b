// GET / PATCH / DELETE /connectors/{name}/offsets (KIP-875): source offsets live in the store, sink offsets are the
// consumer group connect-<name>'s committed offsets. Changes are allowed only while the pipeline is STOPPED.
import { BadRequestError, SluiceError } from '../../connect-api/errors.js';
import type { ConnectorPlugin } from '../../connect-api/plugins.js';
import type { ConsumerGroupOffsets, TopicPartitionOffset } from '../ports/ConsumerGroupOffsets.js';
import type { PipelineRecord, PipelineStore } from '../ports/PipelineStore.js';
import { connectGroup, consumerGroupFor, knownSinkTopics, sinkTopics } from '../sinkGroups.js';
import type { ConnectorOffsets, Message } from './entities.js';
import { checkPartitionsExist, sinkEntry, sourceEntry } from './offsetEntries.js';

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
  async alter(r: PipelineRecord, body: unknown, plugin?: ConnectorPlugin): Promise<Message> {
    const entries = (body as { offsets?: unknown } | null)?.offsets;
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new BadRequestError('Partitions / offsets need to be provided for an alter offsets request');
    }
    if (r.type === 'source') {
      const parsed = entries.map(sourceEntry);
      if (plugin?.type === 'source' && plugin.alterOffsets) {
        try {
          plugin.alterOffsets(r.config, parsed);
        } catch (e) {
          // The connector's refusal, whatever its class: the request is at fault.
          throw e instanceof BadRequestError ? e : new BadRequestError(e instanceof Error ? e.message : String(e), { cause: e });
        }
      }
      await this.store.putOffsets(r.name, parsed);
    } else {
      const topics = await knownTopics(this.store, r);
      const parsed = entries.map(sinkEntry);
      checkPartitionsExist(parsed, await this.requireGroups().partitionCounts([...new Set(parsed.map((e) => e.topic))]));
      const byGroup = new Map<string, TopicPartitionOffset[]>();
      for (const e of parsed) {
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
