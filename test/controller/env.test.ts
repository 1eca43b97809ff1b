import { describe, expect, it } from 'vitest';
import { readControllerEnv } from '../../lambdas/controller/env.js';

const base = {
  SLUICE_TABLE_NAME: 'pipelines',
  SLUICE_SINK_FUNCTION_ARN: 'arn:sink',
  SLUICE_SOURCE_FUNCTION_ARN: 'arn:source',
  SLUICE_SCHEDULER_ROLE_ARN: 'arn:role',
  SLUICE_SCHEDULE_GROUP: 'sluice',
};

describe('readControllerEnv', () => {
  it('reads an MSK cluster with IAM auth by default', () => {
    expect(readControllerEnv({ ...base, KAFKA_CLUSTER_ARN: 'arn:cluster', KAFKA_AUTH: 'iam' }).kafka).toEqual({ kind: 'msk', clusterArn: 'arn:cluster', auth: 'iam' });
    // The one KAFKA_AUTH default (adapters/kafka/kafkaEnv.ts), as in the task functions.
    expect(readControllerEnv({ ...base, KAFKA_CLUSTER_ARN: 'arn:cluster' }).kafka).toEqual({ kind: 'msk', clusterArn: 'arn:cluster', auth: 'none' });
  });

  it('reads a self-managed cluster with its subnets, security groups and SCRAM secret', () => {
    const env = { ...base, KAFKA_BOOTSTRAP_SERVERS: 'b1:9096, b2:9096', KAFKA_AUTH: 'scram', KAFKA_SASL_SECRET_ARN: 'arn:secret', SLUICE_SUBNET_IDS: 'subnet-1,subnet-2', SLUICE_SECURITY_GROUP_IDS: 'sg-1' };
    expect(readControllerEnv(env).kafka).toEqual({ kind: 'self-managed', bootstrapServers: ['b1:9096', 'b2:9096'], auth: 'scram', secretArn: 'arn:secret', subnetIds: ['subnet-1', 'subnet-2'], securityGroupIds: ['sg-1'] });
  });

  it('names what is missing', () => {
    expect(() => readControllerEnv({ ...base })).toThrow(/KAFKA_CLUSTER_ARN or KAFKA_BOOTSTRAP_SERVERS/);
    expect(() => readControllerEnv({ ...base, SLUICE_SINK_FUNCTION_ARN: '', KAFKA_CLUSTER_ARN: 'a' })).toThrow(/SLUICE_SINK_FUNCTION_ARN/);
    expect(() => readControllerEnv({ ...base, KAFKA_CLUSTER_ARN: 'a', KAFKA_AUTH: 'scram' })).toThrow(/KAFKA_SASL_SECRET_ARN/);
    expect(() => readControllerEnv({ ...base, KAFKA_BOOTSTRAP_SERVERS: 'b:9092', KAFKA_AUTH: 'IAM' })).toThrow(/iam needs an MSK cluster/);
  });
});
