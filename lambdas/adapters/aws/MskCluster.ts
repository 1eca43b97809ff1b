// The MSK cluster as the controller sees it: does it exist, and what topics it has (for topics.regex).
import { DescribeClusterV2Command, type KafkaClient, ListTopicsCommand } from '@aws-sdk/client-kafka';
import type { ClusterCheck, TopicLister } from '../../runtime/ports/PipelineResources.js';
import { isAwsError } from './awsErrors.js';

export class MskCluster implements ClusterCheck, TopicLister {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly clusterArn: string,
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

  /** kafka:ListTopics, paginated: the control-plane API, so the controller needs no network path to the brokers. */
  async listTopics(): Promise<string[]> {
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
