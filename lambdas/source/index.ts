// The source-task Lambda's entry point: EventBridge Scheduler → {"pipeline": "<name>"} → one SourceTask invocation.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GlueSdkRegistry } from '../adapters/aws/GlueSdkRegistry.js';
import { KmsConfigOpener } from '../adapters/aws/KmsConfigOpener.js';
import { SecretsManagerResolver } from '../adapters/aws/SecretsManagerResolver.js';
import { DynamoPipelineStore } from '../adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaRecordProducer } from '../adapters/kafka/KafkaRecordProducer.js';
import { authenticatedKafka } from '../adapters/kafka/mskIam.js';
import { EmfMetricsSink } from '../adapters/metrics/EmfMetricsSink.js';
import { sourceConnectorFor } from '../adapters/sqlsource/index.js';
import { provideGlueRegistry } from '../runtime/converters/glue/GlueRegistryClient.js';
import { builtinPlugins } from '../runtime/plugins/builtins.js';
import { systemClock } from '../runtime/ports/Clock.js';
import { consoleLogger } from '../runtime/ports/Logger.js';
import { createSourceHandler, type SourceHandler } from './createSourceHandler.js';
import { readSourceEnv } from './env.js';
import { SourcePipelines } from './SourcePipelines.js';

provideGlueRegistry(GlueSdkRegistry.create);

const env = readSourceEnv(process.env);
const secrets = new SecretsManagerResolver(new SecretsManagerClient({}));

async function scramCredentials(): Promise<{ username: string; password: string } | undefined> {
  if (env.kafkaAuth !== 'scram' || !env.saslSecretArn) return undefined;
  const [username, password] = await Promise.all([secrets.resolve({ secretId: env.saslSecretArn, jsonKey: 'username' }), secrets.resolve({ secretId: env.saslSecretArn, jsonKey: 'password' })]);
  return { username, password };
}

const scram = await scramCredentials();
const kafka = authenticatedKafka({
  brokers: env.kafkaBrokers,
  auth: env.kafkaAuth,
  ssl: env.kafkaSsl,
  ...(env.region ? { region: env.region } : {}),
  ...(scram ? { scram } : {}),
});
const runtime = {
  store: new DynamoPipelineStore(new DynamoDBClient({}), env.tableName),
  registry: builtinPlugins(),
  metrics: new EmfMetricsSink('source'),
  clock: systemClock,
  logger: consoleLogger,
  secrets,
  cipher: KmsConfigOpener.fromEnv(process.env),
  producer: new KafkaRecordProducer(kafka),
  connectorFor: sourceConnectorFor,
};

export const handler: SourceHandler = createSourceHandler(runtime, new SourcePipelines(runtime, `${env.workerId}/${randomUUID()}`), env.workerId);
