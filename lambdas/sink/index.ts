// The sink-task Lambda's entry point: MSK event source mapping batches → the pipeline its alias names.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { lazyGlueSdkRegistry } from '../adapters/aws/lazyGlueSdkRegistry.js';
import { KmsConfigOpener } from '../adapters/aws/KmsConfigOpener.js';
import { lazySecretsManagerResolver } from '../adapters/aws/lazySecretsManagerResolver.js';
import { DynamoPipelineStore } from '../adapters/dynamodb/DynamoPipelineStore.js';
import { lazyKafkaProducer } from '../adapters/kafka/lazyKafkaProducer.js';
import { EmfMetricsSink } from '../adapters/metrics/EmfMetricsSink.js';
import { provideGlueRegistry } from '../runtime/converters/glue/GlueRegistryClient.js';
import { builtinPlugins } from '../runtime/builtins/builtins.js';
import { bundledPlugins } from '../adapters/plugins/bundledPlugins.js';
import { systemClock } from '../runtime/ports/Clock.js';
import { consoleLogger } from '../runtime/ports/Logger.js';
import type { RecordProducer } from '../runtime/ports/RecordProducer.js';
import { createSinkHandler } from './createSinkHandler.js';
import { readSinkEnv } from './env.js';
import { SinkPipelines, type SinkRuntime } from './SinkPipelines.js';

const env = readSinkEnv(process.env);
const registry = builtinPlugins();
provideGlueRegistry(lazyGlueSdkRegistry);
// Plugin-path packages bundled by cdk synth: each imported when a pipeline first names one of its classes.
for (const pkg of bundledPlugins()) registry.registerLazy(pkg);
const producers = new Map<string, RecordProducer>();
const secrets = lazySecretsManagerResolver();

/** SCRAM credentials for the dead-letter producer, read once per container. */
async function scramCredentials(): Promise<{ username: string; password: string } | undefined> {
  if (env.kafkaAuth !== 'scram' || !env.saslSecretArn) return undefined;
  const [username, password] = await Promise.all([secrets.resolve({ secretId: env.saslSecretArn, jsonKey: 'username' }), secrets.resolve({ secretId: env.saslSecretArn, jsonKey: 'password' })]);
  return { username, password };
}
const scram = await scramCredentials();

function producerFor(bootstrapServers: string | undefined): RecordProducer | undefined {
  const brokers = env.kafkaBrokers.length > 0 ? [...env.kafkaBrokers] : (bootstrapServers ?? '').split(',').filter((b) => b !== '');
  if (brokers.length === 0) return undefined;
  const key = brokers.join(',');
  let p = producers.get(key);
  if (!p) {
    // kafkajs is imported on the first dead-letter send (lazyKafkaProducer).
    p = lazyKafkaProducer({
      brokers,
      clientId: 'sluice-sink',
      auth: env.kafkaAuth,
      ssl: env.kafkaSsl,
      ...(env.region ? { region: env.region } : {}),
      ...(scram ? { scram } : {}),
    });
    producers.set(key, p);
  }
  return p;
}

const runtime: SinkRuntime = {
  store: new DynamoPipelineStore(new DynamoDBClient({}), env.tableName),
  registry,
  metrics: new EmfMetricsSink('sink'),
  clock: systemClock,
  logger: consoleLogger,
  secrets,
  cipher: KmsConfigOpener.fromEnv(process.env),
  producer: producerFor,
};

export const handler = createSinkHandler(runtime, new SinkPipelines(runtime), env.workerId, env.admissionTtlMs);
