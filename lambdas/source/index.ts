// The source-task Lambda's entry point: EventBridge Scheduler → {"pipeline": "<name>"} → one SourceTask invocation.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { lazyGlueSdkRegistry } from '../adapters/aws/lazyGlueSdkRegistry.js';
import { KmsConfigOpener } from '../adapters/aws/KmsConfigOpener.js';
import { lazySecretsManagerResolver } from '../adapters/aws/lazySecretsManagerResolver.js';
import { DynamoPipelineStore } from '../adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaRecordProducer } from '../adapters/kafka/KafkaRecordProducer.js';
import { authenticatedKafka } from '../adapters/kafka/mskIam.js';
import { EmfMetricsSink } from '../adapters/metrics/EmfMetricsSink.js';
import { provideGlueRegistry } from '../runtime/converters/glue/GlueRegistryClient.js';
import { builtinPlugins } from '../runtime/builtins/builtins.js';
import { bundledPlugins } from '../adapters/plugins/bundledPlugins.js';
import { systemClock } from '../runtime/ports/Clock.js';
import { consoleLogger } from '../runtime/ports/Logger.js';
import { createSourceHandler, type SourceHandler } from './createSourceHandler.js';
import { readSourceEnv } from './env.js';
import { SourcePipelines } from './SourcePipelines.js';

provideGlueRegistry(lazyGlueSdkRegistry);

const env = readSourceEnv(process.env);
// Plugin-path packages bundled by cdk synth: each imported when a pipeline first names one of its classes.
const registry = builtinPlugins();
for (const pkg of bundledPlugins()) registry.registerLazy(pkg);
const secrets = lazySecretsManagerResolver();

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
  registry,
  metrics: new EmfMetricsSink('source'),
  clock: systemClock,
  logger: consoleLogger,
  secrets,
  cipher: KmsConfigOpener.fromEnv(process.env),
  producer: new KafkaRecordProducer(kafka),
};

export const handler: SourceHandler = createSourceHandler(runtime, new SourcePipelines(runtime, `${env.workerId}/${randomUUID()}`), env.workerId);
