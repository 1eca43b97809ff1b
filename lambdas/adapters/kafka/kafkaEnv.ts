// The Kafka settings every handler reads from its environment (api, sink, source, controller), in one place so that
// they cannot disagree. lib/ sets the variables; standalone mode and tests pass their own.
//
// KAFKA_AUTH   none | iam | scram (case-insensitive). Default: none.
// KAFKA_SSL    true | false (case-insensitive). Default: true when KAFKA_AUTH is iam or scram, false for none.
//              iam and scram always run over TLS (MSK serves them on TLS listeners only), so KAFKA_SSL=false with
//              either is a configuration error, not silently overridden.
// KAFKA_BROKERS            comma-separated bootstrap brokers (may be empty where a handler does not need them).
// KAFKA_SASL_SECRET_ARN    the Secrets Manager secret {"username","password"}; required with KAFKA_AUTH=scram.

/** How a Kafka client authenticates: plaintext (standalone, tests), MSK IAM, or SASL/SCRAM-SHA-512. */
export type KafkaAuth = 'none' | 'iam' | 'scram';

export const KAFKA_AUTH_DEFAULT: KafkaAuth = 'none';

export interface KafkaEnv {
  readonly kafkaBrokers: readonly string[];
  readonly kafkaAuth: KafkaAuth;
  /** TLS to the brokers. */
  readonly kafkaSsl: boolean;
  /** KAFKA_AUTH=scram: a Secrets Manager secret {"username": …, "password": …}. */
  readonly saslSecretArn: string | undefined;
  readonly region: string | undefined;
}

/** A comma-separated list, blanks dropped. */
export function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function kafkaAuthOf(value: string | undefined): KafkaAuth {
  const auth = (value ?? KAFKA_AUTH_DEFAULT).trim().toLowerCase();
  if (auth !== 'none' && auth !== 'iam' && auth !== 'scram') throw new Error(`KAFKA_AUTH must be none, iam or scram, not ${auth}`);
  return auth;
}

function kafkaSslOf(value: string | undefined, auth: KafkaAuth): boolean {
  const ssl = value?.trim().toLowerCase();
  if (ssl === undefined || ssl === '') return auth !== 'none';
  if (ssl !== 'true' && ssl !== 'false') throw new Error(`KAFKA_SSL must be true or false, not ${value}`);
  if (ssl === 'false' && auth !== 'none') throw new Error(`KAFKA_SSL=false contradicts KAFKA_AUTH=${auth}, which runs over TLS only`);
  return ssl === 'true';
}

export function readKafkaEnv(env: NodeJS.ProcessEnv): KafkaEnv {
  const kafkaAuth = kafkaAuthOf(env['KAFKA_AUTH']);
  const saslSecretArn = env['KAFKA_SASL_SECRET_ARN'] || undefined;
  if (kafkaAuth === 'scram' && !saslSecretArn) throw new Error('KAFKA_AUTH=scram needs KAFKA_SASL_SECRET_ARN (the secret holding the SCRAM credentials)');
  return {
    kafkaBrokers: listOf(env['KAFKA_BROKERS']),
    kafkaAuth,
    kafkaSsl: kafkaSslOf(env['KAFKA_SSL'], kafkaAuth),
    saslSecretArn,
    region: env['AWS_REGION'],
  };
}
