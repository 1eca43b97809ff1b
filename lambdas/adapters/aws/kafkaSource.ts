// Where the sink ESMs read from: an MSK cluster (by ARN) or a self-managed Kafka (bootstrap servers in a VPC).
import type { CreateEventSourceMappingCommandInput, SourceAccessConfiguration } from '@aws-sdk/client-lambda';
import type { EsmSpec } from '../../runtime/lifecycle/plan.js';
import type { KafkaAuth } from '../kafka/kafkaEnv.js';

export type KafkaSource =
  | { readonly kind: 'msk'; readonly clusterArn: string; readonly auth: KafkaAuth; readonly secretArn?: string }
  | {
      readonly kind: 'self-managed';
      readonly bootstrapServers: readonly string[];
      readonly auth: Exclude<KafkaAuth, 'iam'>;
      readonly secretArn?: string;
      readonly subnetIds: readonly string[];
      readonly securityGroupIds: readonly string[];
    };

/**
 * Lambda's optional event source mapping metrics, each billed as CloudWatch custom metrics per mapping: only the Kafka
 * consumer's (OffsetLag per mapping, for the lag alarm). EventCount and ErrorCount are left off: they repeat what the
 * free Lambda Invocations/Errors of the pipeline's alias and the sink's RecordsWritten/RecordsFailed already say.
 */
export const ESM_METRICS = ['KafkaMetrics'] as const;

function accessConfigs(source: KafkaSource): SourceAccessConfiguration[] {
  const out: SourceAccessConfiguration[] = [];
  if (source.kind === 'self-managed') {
    for (const id of source.subnetIds) out.push({ Type: 'VPC_SUBNET', URI: `subnet:${id}` });
    for (const id of source.securityGroupIds) out.push({ Type: 'VPC_SECURITY_GROUP', URI: `security_group:${id}` });
  }
  // IAM needs no entry: the ESM signs with the function's execution role.
  if (source.auth === 'scram' && source.secretArn) out.push({ Type: 'SASL_SCRAM_512_AUTH', URI: source.secretArn });
  return out;
}

/** CreateEventSourceMapping for one topic; Topics, StartingPosition and the consumer group are create-only. */
export function createEsmInput(source: KafkaSource, functionName: string, esm: EsmSpec, enabled: boolean): CreateEventSourceMappingCommandInput {
  const access = accessConfigs(source);
  const common: CreateEventSourceMappingCommandInput = {
    FunctionName: functionName,
    Topics: [esm.topic],
    StartingPosition: esm.startingPosition,
    BatchSize: esm.batchSize,
    MaximumBatchingWindowInSeconds: esm.windowSeconds,
    Enabled: enabled,
    // Per-mapping metrics, OffsetLag among them, for the per-mapping lag alarm (EventSourceMappingMetricsConfig).
    MetricsConfig: { Metrics: [...ESM_METRICS] },
    ...(access.length > 0 ? { SourceAccessConfigurations: access } : {}),
  };
  if (source.kind === 'msk') {
    return { ...common, EventSourceArn: source.clusterArn, AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: esm.consumerGroup } };
  }
  return {
    ...common,
    SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: [...source.bootstrapServers] } },
    SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: esm.consumerGroup },
  };
}
