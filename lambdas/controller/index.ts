// The controller Lambda's entry point: the pipeline table's stream → Lambda aliases, MSK ESMs and schedules.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KafkaClient } from '@aws-sdk/client-kafka';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AwsResources } from '../adapters/aws/AwsResources.js';
import { MskCluster } from '../adapters/aws/MskCluster.js';
import { SecretsManagerResolver } from '../adapters/aws/SecretsManagerResolver.js';
import { DynamoPipelineStore } from '../adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaTopicLister } from '../adapters/kafka/KafkaTopicLister.js';
import { LazyAdmin } from '../adapters/kafka/kafkaClient.js';
import { authenticatedKafka } from '../adapters/kafka/mskIam.js';
import { PipelineReconciler } from '../runtime/lifecycle/PipelineReconciler.js';
import { createControllerHandler } from './createControllerHandler.js';
import { readControllerEnv } from './env.js';

const env = readControllerEnv(process.env);
const store = new DynamoPipelineStore(new DynamoDBClient({}), env.tableName);
const resources = new AwsResources({ ...env, lambda: new LambdaClient({}), scheduler: new SchedulerClient({}) });

/** The Kafka-protocol topic lister, connected on first use (SCRAM credentials read then). */
function kafkaTopics(): KafkaTopicLister | undefined {
  if (env.kafkaBrokers.length === 0) return undefined;
  const { secretArn } = env.kafka;
  let admin: LazyAdmin | undefined;
  return new KafkaTopicLister(async () => {
    if (!admin) {
      const secrets = new SecretsManagerResolver(new SecretsManagerClient({}));
      const scram =
        env.kafka.auth === 'scram' && secretArn
          ? { username: await secrets.resolve({ secretId: secretArn, jsonKey: 'username' }), password: await secrets.resolve({ secretId: secretArn, jsonKey: 'password' }) }
          : undefined;
      const kafka = authenticatedKafka({ brokers: env.kafkaBrokers, clientId: 'sluice-controller', auth: env.kafka.auth, ssl: env.kafkaSsl, ...(env.region ? { region: env.region } : {}), ...(scram ? { scram } : {}) });
      admin = new LazyAdmin(kafka);
    }
    return admin.get();
  });
}

const overKafka = kafkaTopics();
const msk = env.kafka.kind === 'msk' ? new MskCluster(new KafkaClient({}), env.kafka.clusterArn, overKafka) : undefined;
const topics = msk ?? overKafka;

export const handler = createControllerHandler(
  new PipelineReconciler({ store, resources, workerId: env.workerId, ...(topics ? { topics } : {}), ...(msk ? { cluster: msk } : {}) }),
  store,
);
