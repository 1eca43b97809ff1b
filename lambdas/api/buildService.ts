// Wires the real adapters into the ConnectorService, for the Lambda and for standalone mode alike.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoPipelineStore } from '../adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaGroupOffsets } from '../adapters/kafka/KafkaGroupOffsets.js';
import { LazyAdmin } from '../adapters/kafka/kafkaClient.js';
import { authenticatedKafka } from '../adapters/kafka/mskIam.js';
import { ConnectorService } from '../runtime/connector/ConnectorService.js';
import { systemClock } from '../runtime/ports/Clock.js';
import type { PluginRegistry } from '../runtime/plugins/PluginRegistry.js';
import type { ConfigSealer } from '../runtime/ports/ConfigCipher.js';
import type { RuntimeObserver } from '../runtime/ports/RuntimeObserver.js';
import type { ApiEnv } from './env.js';

/** SCRAM credentials, resolved by the caller from KAFKA_SASL_SECRET_ARN. */
export type ScramCredentials = { readonly username: string; readonly password: string };

export function buildService(env: ApiEnv, dynamo: DynamoDBClient, cipher: ConfigSealer, registry: PluginRegistry, observer?: RuntimeObserver, scram?: ScramCredentials): ConnectorService {
  const kafka = () =>
    authenticatedKafka({
      brokers: env.kafkaBrokers,
      clientId: 'sluice-api',
      auth: env.kafkaAuth,
      ssl: env.kafkaSsl,
      ...(env.region ? { region: env.region } : {}),
      ...(scram ? { scram } : {}),
    });
  const groupOffsets = env.kafkaBrokers.length > 0 ? new KafkaGroupOffsets(admin(new LazyAdmin(kafka()))) : undefined;
  return new ConnectorService({
    store: new DynamoPipelineStore(dynamo, env.tableName),
    registry,
    clock: systemClock,
    workerId: env.workerId,
    cipher,
    kafkaClusterId: env.kafkaClusterId,
    ...(groupOffsets ? { groupOffsets } : {}),
    ...(observer ? { observer } : {}),
  });
}

function admin(lazy: LazyAdmin) {
  return () => lazy.get();
}
