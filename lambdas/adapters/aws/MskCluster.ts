// The MSK cluster as the controller sees it: does it exist, and what topics it has (for topics.regex). MSK's
// ListTopics exists only on provisioned clusters from Kafka 3.6; elsewhere (MSK Serverless, older clusters) the topics
// come from the Kafka protocol instead.
import { DescribeClusterV2Command, type KafkaClient, ListTopicsCommand } from '@aws-sdk/client-kafka';
import type { ClusterCheck, TopicLister } from '../../runtime/ports/PipelineResources.js';
import { isAwsError } from './awsErrors.js';

export class MskCluster implements ClusterCheck, TopicLister {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly clusterArn: string,
    /** Lists topics over the Kafka protocol when MSK's ListTopics fails. */
    private readonly fallback?: TopicLister,
  ) {}

  async problem(): Promise<string | undefined> {
    try {
      const r = await this.kafka.send(new DescribeClusterV2Command({ ClusterArn: this.clusterArn }));
      const state = r.ClusterInfo?.State;
      return state === 'DELETING' || state === 'FAILED' ? `MSK cluster ${this.clusterArn} is ${state}` : undefined;
    } catch (e) {
      if (isAwsError(e, 'NotFoundException')) return `MSK cluster ${this.clusterArn} does not exist`;
      throw e;
    }
  }

  /** kafka:ListTopics (no network path to the brokers needed), else the Kafka-protocol fallback. */
  async listTopics(): Promise<string[]> {
    try {
      return await this.listThroughApi();
    } catch (e) {
      if (!this.fallback) throw e;
      try {
        return await this.fallback.listTopics();
      } catch (f) {
        throw new Error(`Listing the topics of ${this.clusterArn} failed: MSK ListTopics (${(e as Error).message}), then over Kafka (${(f as Error).message})`, { cause: f });
      }
    }
  }

  private async listThroughApi(): Promise<string[]> {
    const out: string[] = [];
    let NextToken: string | undefined;
    do {
      const r = await this.kafka.send(new ListTopicsCommand({ ClusterArn: this.clusterArn, ...(NextToken ? { NextToken } : {}) }));
      for (const t of r.Topics ?? []) if (t.TopicName) out.push(t.TopicName);
      NextToken = r.NextToken;
    } while (NextToken);
    return out;
  }
}
