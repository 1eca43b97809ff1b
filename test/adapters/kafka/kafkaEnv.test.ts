// One reader of the Kafka settings for every handler: the api, sink and source functions agree on KAFKA_AUTH and
// KAFKA_SSL, whatever subset of the variables is set.
import { describe, expect, it } from 'vitest';
import { readApiEnv } from '../../../lambdas/api/env.js';
import { KAFKA_AUTH_DEFAULT, readKafkaEnv } from '../../../lambdas/adapters/kafka/kafkaEnv.js';
import { readSinkEnv } from '../../../lambdas/sink/env.js';
import { readSourceEnv } from '../../../lambdas/source/env.js';

const base = { SLUICE_TABLE_NAME: 't', KAFKA_BROKERS: 'b1:9098, b2:9098,' };
const kafkaOf = (e: { kafkaBrokers: readonly string[]; kafkaAuth: string; kafkaSsl: boolean; saslSecretArn: string | undefined }) => ({
  kafkaBrokers: e.kafkaBrokers,
  kafkaAuth: e.kafkaAuth,
  kafkaSsl: e.kafkaSsl,
  saslSecretArn: e.saslSecretArn,
});

describe('readKafkaEnv', () => {
  it('defaults to plaintext without auth', () => {
    expect(KAFKA_AUTH_DEFAULT).toBe('none');
    expect(readKafkaEnv({})).toEqual({ kafkaBrokers: [], kafkaAuth: 'none', kafkaSsl: false, saslSecretArn: undefined, region: undefined });
  });

  it('turns TLS on by default for iam and scram, and honours an explicit KAFKA_SSL for none', () => {
    expect(readKafkaEnv({ KAFKA_AUTH: 'iam' }).kafkaSsl).toBe(true);
    expect(readKafkaEnv({ KAFKA_AUTH: 'SCRAM', KAFKA_SASL_SECRET_ARN: 'arn:s' })).toMatchObject({ kafkaAuth: 'scram', kafkaSsl: true, saslSecretArn: 'arn:s' });
    expect(readKafkaEnv({ KAFKA_SSL: 'TRUE' }).kafkaSsl).toBe(true);
    expect(readKafkaEnv({ KAFKA_SSL: 'false' }).kafkaSsl).toBe(false);
    expect(readKafkaEnv({ KAFKA_AUTH: 'iam', KAFKA_SSL: 'true' }).kafkaSsl).toBe(true);
  });

  it('rejects unknown values and contradictions instead of guessing', () => {
    expect(() => readKafkaEnv({ KAFKA_AUTH: 'tls' })).toThrow(/KAFKA_AUTH must be none, iam or scram/);
    expect(() => readKafkaEnv({ KAFKA_SSL: 'yes' })).toThrow(/KAFKA_SSL must be true or false/);
    expect(() => readKafkaEnv({ KAFKA_AUTH: 'iam', KAFKA_SSL: 'false' })).toThrow(/contradicts KAFKA_AUTH=iam/);
    expect(() => readKafkaEnv({ KAFKA_AUTH: 'scram' })).toThrow(/needs KAFKA_SASL_SECRET_ARN/);
  });
});

describe.each([
  {},
  { KAFKA_AUTH: 'iam' },
  { KAFKA_SSL: 'true' },
  { KAFKA_SSL: 'false' },
  { KAFKA_AUTH: 'scram', KAFKA_SASL_SECRET_ARN: 'arn:secret' },
])('the api, sink and source readers with %o', (vars) => {
  it('read the same Kafka settings', () => {
    const env = { ...base, ...vars };
    const expected = kafkaOf(readKafkaEnv(env));
    expect(expected.kafkaBrokers).toEqual(['b1:9098', 'b2:9098']);
    expect(kafkaOf(readApiEnv(env))).toEqual(expected);
    expect(kafkaOf(readSinkEnv(env))).toEqual(expected);
    expect(kafkaOf(readSourceEnv(env))).toEqual(expected);
  });
});
