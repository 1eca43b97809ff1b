// kafkajs clients for the sink (dead-letter queue) and source tasks: MSK IAM (SASL/OAUTHBEARER with a token from AWS's aws-msk-iam-sasl-signer-js,
// always over TLS), SCRAM-SHA-512 (credentials from a Secrets Manager secret {"username","password"}, TLS), or
// plaintext for standalone mode and tests.
import type { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';
import { Kafka, logLevel, type OauthbearerProviderResponse, type SASLOptions } from 'kafkajs';
import type { KafkaAuth } from './kafkaEnv.js';

export interface KafkaConnectOptions {
  readonly brokers: readonly string[];
  readonly auth: KafkaAuth;
  /** TLS; forced on for iam and scram. */
  readonly ssl: boolean;
  readonly region?: string;
  /** SCRAM only: the secret's JSON, resolved by the caller. */
  readonly scram?: { readonly username: string; readonly password: string };
  readonly clientId?: string;
}

type Sign = typeof generateAuthToken;

/**
 * AWS's signer, imported on first use: it is CommonJS and requires the STS client and the credential providers
 * (about 80 KB minified), which only KAFKA_AUTH=iam needs. The bundle puts it in a chunk of its own
 * (lib/bundling.ts), loaded by the first MSK IAM authentication.
 */
async function awsSigner(): Promise<Sign> {
  const signer = await import('aws-msk-iam-sasl-signer-js');
  return signer.generateAuthToken;
}

/** kafkajs's OAUTHBEARER provider for MSK IAM: a fresh signed token (valid 15 minutes) per authentication. */
export function mskIamSasl(region: string, sign?: Sign): SASLOptions {
  return {
    mechanism: 'oauthbearer',
    oauthBearerProvider: async (): Promise<OauthbearerProviderResponse> => {
      const { token } = await (sign ?? (await awsSigner()))({ region });
      return { value: token };
    },
  };
}

export function saslOf(options: KafkaConnectOptions): SASLOptions | undefined {
  switch (options.auth) {
    case 'none':
      return undefined;
    case 'iam':
      if (!options.region) throw new Error('KAFKA_AUTH=iam needs AWS_REGION to sign MSK IAM tokens');
      return mskIamSasl(options.region);
    case 'scram':
      if (!options.scram) throw new Error('KAFKA_AUTH=scram needs KAFKA_SASL_SECRET_ARN with username and password');
      return { mechanism: 'scram-sha-512', username: options.scram.username, password: options.scram.password };
  }
}

export function authenticatedKafka(options: KafkaConnectOptions): Kafka {
  const sasl = saslOf(options);
  return new Kafka({
    clientId: options.clientId ?? 'sluice-source',
    brokers: [...options.brokers],
    ssl: options.ssl || sasl !== undefined,
    ...(sasl ? { sasl } : {}),
    logLevel: logLevel.ERROR,
  });
}
