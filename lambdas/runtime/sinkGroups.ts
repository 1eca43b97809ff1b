// Which consumer groups a sink pipeline consumes with, shared by the controller (AWS), the ESM emulator (standalone)
// and the offsets endpoints, so that all three agree.

/** Kafka Connect's sink consumer group. */
export function connectGroup(name: string): string {
  return `connect-${name}`;
}

/**
 * Lambda requires a consumer group id to be unique among all Kafka ESMs (AmazonManagedKafkaEventSourceConfig docs),
 * and an MSK ESM reads one topic. So a one-topic pipeline uses `connect-<name>` (Kafka Connect's group), and each
 * topic of a several-topic pipeline uses `connect-<name>-<topic>`.
 */
export function consumerGroupFor(name: string, topic: string, topicCount: number): string {
  return topicCount === 1 ? connectGroup(name) : `${connectGroup(name)}-${topic}`;
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
