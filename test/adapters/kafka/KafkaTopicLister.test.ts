// topics.regex without MSK's ListTopics: the topics come from a Metadata request to the brokers (the embedded broker
// here), and MskCluster falls back to them when the ListTopics API fails. MSK's control plane has no local stand-in,
// so KafkaClient is mocked at the SDK boundary. AWS fact: ListTopics exists for provisioned MSK clusters from Kafka
// 3.6 (Amazon MSK API Reference, "ListTopics"); MSK Serverless has no such API.
import { BadRequestException, KafkaClient, ListTopicsCommand } from '@aws-sdk/client-kafka';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MskCluster } from '../../../lambdas/adapters/aws/MskCluster.js';
import { KafkaTopicLister } from '../../../lambdas/adapters/kafka/KafkaTopicLister.js';
import { kafkaClient, LazyAdmin } from '../../../lambdas/adapters/kafka/kafkaClient.js';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';

const CLUSTER = 'arn:aws:kafka:eu-west-1:123456789012:cluster/demo/abcd-1234-1';
const msk = mockClient(KafkaClient);
let broker: BrokerHandle;
let admin: LazyAdmin;

beforeAll(async () => {
  broker = await startBroker({ port: 0 });
  admin = new LazyAdmin(kafkaClient({ brokers: [broker.bootstrap] }));
  await (await admin.get()).createTopics({ topics: [{ topic: 'orders-eu' }, { topic: 'orders-us' }, { topic: '__consumer_offsets' }] });
});

afterAll(async () => {
  await admin.close();
  await broker.stop();
});

beforeEach(() => msk.reset());

describe('KafkaTopicLister', () => {
  it('lists the cluster’s topics over the Kafka protocol, without Kafka’s internal ones', async () => {
    expect(await new KafkaTopicLister(() => admin.get()).listTopics()).toEqual(['orders-eu', 'orders-us']);
  });
});

describe('MskCluster.listTopics', () => {
  it('uses MSK ListTopics where the cluster has it', async () => {
    msk.on(ListTopicsCommand).resolves({ Topics: [{ TopicName: 'from-api' }] });
    const cluster = new MskCluster(new KafkaClient({ region: 'eu-west-1' }), CLUSTER, new KafkaTopicLister(() => admin.get()));
    expect(await cluster.listTopics()).toEqual(['from-api']);
  });

  it('falls back to the Kafka protocol when ListTopics is missing (MSK Serverless, Kafka before 3.6)', async () => {
    msk.on(ListTopicsCommand).rejects(new BadRequestException({ message: 'ListTopics is not supported for this cluster', $metadata: {} }));
    const cluster = new MskCluster(new KafkaClient({ region: 'eu-west-1' }), CLUSTER, new KafkaTopicLister(() => admin.get()));
    expect(await cluster.listTopics()).toEqual(['orders-eu', 'orders-us']);
  });

  it('reports both failures when the fallback fails too', async () => {
    msk.on(ListTopicsCommand).rejects(new BadRequestException({ message: 'not supported', $metadata: {} }));
    const cluster = new MskCluster(new KafkaClient({ region: 'eu-west-1' }), CLUSTER, { listTopics: () => Promise.reject(new Error('no route to brokers')) });
    await expect(cluster.listTopics()).rejects.toThrow(/MSK ListTopics \(not supported\), then over Kafka \(no route to brokers\)/);
  });
});
