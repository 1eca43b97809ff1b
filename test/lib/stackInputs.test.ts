import { describe, expect, it } from 'vitest';
import { readSluiceInputs } from '../../lib/stackInputs.js';

const context = (values: Record<string, unknown>) => (key: string) => values[key];
const network = { 'sluice:vpcId': 'vpc-1', 'sluice:subnetIds': ['subnet-1', 'subnet-2'], 'sluice:securityGroupIds': 'sg-1' };

describe('readSluiceInputs', () => {
  it('reads cdk.json context, lists as arrays or comma strings, with defaults for auth and secret prefix', () => {
    const inputs = readSluiceInputs(context({ ...network, 'sluice:mskClusterArn': 'arn:aws:kafka:r:1:cluster/c/u' }), {});
    expect(inputs).toEqual({
      kafka: { auth: 'iam', clusterArn: 'arn:aws:kafka:r:1:cluster/c/u' },
      network: { vpcId: 'vpc-1', subnetIds: ['subnet-1', 'subnet-2'], securityGroupIds: ['sg-1'] },
      secretPrefix: 'sluice/',
    });
  });

  it('falls back to SLUICE_* environment variables', () => {
    const env = { SLUICE_BOOTSTRAP_SERVERS: 'b1:9096,b2:9096', SLUICE_KAFKA_AUTH: 'scram', SLUICE_KAFKA_SECRET_ARN: 'arn:secret', SLUICE_VPC_ID: 'vpc-2', SLUICE_SUBNET_IDS: 's-1', SLUICE_SECURITY_GROUP_IDS: 'sg-2' };
    expect(readSluiceInputs(context({}), env).kafka).toEqual({ auth: 'scram', bootstrapServers: ['b1:9096', 'b2:9096'], secretArn: 'arn:secret' });
  });

  it('names the missing input and both places to set it', () => {
    expect(() => readSluiceInputs(context(network), {})).toThrow(/missing clusterArn: set context sluice:mskClusterArn .* or environment variable SLUICE_MSK_CLUSTER_ARN/);
    expect(() => readSluiceInputs(context({ 'sluice:mskClusterArn': 'arn' }), {})).toThrow(/missing vpcId: .*SLUICE_VPC_ID/);
    expect(() => readSluiceInputs(context({ ...network, 'sluice:mskClusterArn': 'arn', 'sluice:kafkaAuth': 'scram' }), {})).toThrow(/missing secretArn/);
  });

  it('rejects IAM auth without an MSK cluster and unknown auth modes', () => {
    expect(() => readSluiceInputs(context({ ...network, 'sluice:bootstrapServers': 'b:9092' }), {})).toThrow(/iam needs an MSK cluster/);
    expect(() => readSluiceInputs(context({ ...network, 'sluice:mskClusterArn': 'arn', 'sluice:kafkaAuth': 'tls' }), {})).toThrow(/must be iam, scram or none/);
  });

  it('requires the SCRAM secret’s customer-managed KMS key with MSK, and takes it for self-managed Kafka', () => {
    const msk = { ...network, 'sluice:mskClusterArn': 'arn', 'sluice:kafkaAuth': 'scram', 'sluice:kafkaSecretArn': 'arn:secret' };
    expect(() => readSluiceInputs(context(msk), {})).toThrow(/missing secretKeyArn: set context sluice:kafkaSecretKeyArn .* SLUICE_KAFKA_SECRET_KEY_ARN/);
    expect(readSluiceInputs(context(msk), { SLUICE_KAFKA_SECRET_KEY_ARN: 'arn:key' }).kafka.secretKeyArn).toBe('arn:key');
    const selfManaged = { ...network, 'sluice:bootstrapServers': 'b:9096', 'sluice:kafkaAuth': 'scram', 'sluice:kafkaSecretArn': 'arn:secret' };
    expect(readSluiceInputs(context(selfManaged), {}).kafka.secretKeyArn).toBeUndefined();
  });

  it('takes over the API Gateway account setting only when told to', () => {
    const base = { ...network, 'sluice:mskClusterArn': 'arn' };
    expect(readSluiceInputs(context(base), {}).apiGatewayAccount).toBeUndefined();
    expect(readSluiceInputs(context({ ...base, 'sluice:apiGatewayAccount': true }), {}).apiGatewayAccount).toBe(true);
    expect(readSluiceInputs(context(base), {}).glueRegistries).toBeUndefined();
    expect(readSluiceInputs(context(base), { SLUICE_GLUE_REGISTRIES: 'default-registry, shop' }).glueRegistries).toEqual(['default-registry', 'shop']);
    expect(() => readSluiceInputs(context(base), { SLUICE_GLUE_REGISTRIES: 'bad name' })).toThrow(/glueRegistries: 'bad name' is not a Glue registry name/);
    expect(readSluiceInputs(context(base), { SLUICE_API_GATEWAY_ACCOUNT: 'false' }).apiGatewayAccount).toBeUndefined();
    expect(() => readSluiceInputs(context(base), { SLUICE_API_GATEWAY_ACCOUNT: 'yes' })).toThrow(/apiGatewayAccount must be true or false/);
  });
});
