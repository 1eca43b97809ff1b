// Which consumer groups a sink pipeline consumes with, shared by the controller (AWS), the ESM emulator (standalone)
// and the offsets endpoints, so that all three agree. The names themselves come from awsNames.ts.
import { consumerGroupId } from './awsNames.js';
import type { PipelineStatus } from './ports/PipelineStore.js';

/** Kafka Connect's sink consumer group, `connect-<name>`, or its hashed form when the ESM would refuse it. */
export function connectGroup(name: string): string {
  return consumerGroupId(name);
}

/**
 * Lambda requires a consumer group id to be unique among all Kafka ESMs (AmazonManagedKafkaEventSourceConfig docs),
 * and an MSK ESM reads one topic. So a one-topic pipeline uses `connect-<name>` (Kafka Connect's group), and each
 * topic of a several-topic pipeline uses `connect-<name>-<topic>`.
 */
export function consumerGroupFor(name: string, topic: string, topicCount: number): string {
  return topicCount === 1 ? consumerGroupId(name) : consumerGroupId(name, topic);
}

/** The topics a sink consumes: its `topics` list, or `topics.regex` matched in full against the cluster's topics. */
export function sinkTopics(config: Readonly<Record<string, string>>, clusterTopics: readonly string[] = []): string[] {
  const listed = (config['topics'] ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  const regex = (config['topics.regex'] ?? '').trim();
  if (regex === '') return [...new Set(listed)];
  const dlq = (config['errors.deadletterqueue.topic.name'] ?? '').trim();
  const re = new RegExp(`^(?:${regex})$`);
  return clusterTopics.filter((t) => re.test(t) && t !== dlq && !t.startsWith('__')).sort();
}

/**
 * The topics a sink consumes as far as the API can tell: its `topics` list, or for `topics.regex` the topics it has
 * consumed (STATUS activeTopics) and those the controller made event source mappings for (`esm:<topic>` resources).
 */
export function knownSinkTopics(config: Readonly<Record<string, string>>, status: PipelineStatus | undefined): string[] {
  const listed = sinkTopics(config);
  if (listed.length > 0 || (config['topics.regex'] ?? '').trim() === '') return listed;
  const fromResources = Object.keys(status?.resources ?? {}).filter((k) => k.startsWith('esm:')).map((k) => k.slice('esm:'.length));
  return [...new Set([...(status?.activeTopics ?? []), ...fromResources])].sort();
}
