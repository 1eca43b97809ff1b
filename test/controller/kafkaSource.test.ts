import { describe, expect, it } from 'vitest';
import { createEsmInput } from '../../lambdas/adapters/aws/kafkaSource.js';
import type { EsmSpec } from '../../lambdas/runtime/lifecycle/plan.js';

const esm: EsmSpec = { topic: 'orders', consumerGroup: 'connect-orders', startingPosition: 'TRIM_HORIZON', batchSize: 500, windowSeconds: 1 };

describe('createEsmInput', () => {
  it('builds an MSK mapping on the alias with the consumer group and, for SCRAM, the secret', () => {
    expect(createEsmInput({ kind: 'msk', clusterArn: 'arn:cluster', auth: 'scram', secretArn: 'arn:secret' }, 'arn:fn:p-orders', esm, false)).toEqual({
      FunctionName: 'arn:fn:p-orders',
      EventSourceArn: 'arn:cluster',
      Topics: ['orders'],
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 1,
      Enabled: false,
      // Per-mapping Kafka metrics (OffsetLag) for the lag alarm, and no more (each is a billed custom metric):
      // EventSourceMappingMetricsConfig, https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingMetricsConfig.html
      MetricsConfig: { Metrics: ['KafkaMetrics'] },
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-orders' },
      SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: 'arn:secret' }],
    });
  });

  it('builds a self-managed mapping with the bootstrap servers, VPC subnets and security groups', () => {
    const input = createEsmInput({ kind: 'self-managed', bootstrapServers: ['b1:9092'], auth: 'none', subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] }, 'arn:fn:p-orders', esm, true);
    expect(input).toMatchObject({
      SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b1:9092'] } },
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'connect-orders' },
      SourceAccessConfigurations: [
        { Type: 'VPC_SUBNET', URI: 'subnet:subnet-1' },
        { Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-1' },
      ],
    });
    expect(input.EventSourceArn).toBeUndefined();
  });
});
