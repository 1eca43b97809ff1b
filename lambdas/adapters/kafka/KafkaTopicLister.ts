// The cluster's topics over the Kafka protocol (a Metadata request through the kafkajs admin client): for topics.regex
// where MSK's ListTopics API is missing (MSK Serverless, provisioned clusters before Kafka 3.6) and for self-managed
// Kafka, which has no control-plane API at all.
import type { Admin } from 'kafkajs';
import type { TopicLister } from '../../runtime/ports/PipelineResources.js';

/** Kafka's own internal topics, which a regex subscription never matches (exclude.internal.topics=true). */
const INTERNAL = new Set(['__consumer_offsets', '__transaction_state']);

export class KafkaTopicLister implements TopicLister {
  constructor(private readonly admin: () => Promise<Admin>) {}

  async listTopics(): Promise<string[]> {
    const topics = await (await this.admin()).listTopics();
    return topics.filter((t) => !INTERNAL.has(t)).sort();
  }
}
