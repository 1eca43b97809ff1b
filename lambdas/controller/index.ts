// The controller Lambda's entry point: the pipeline table's stream → Lambda aliases, MSK ESMs and schedules.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KafkaClient } from '@aws-sdk/client-kafka';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { AwsResources } from '../adapters/aws/AwsResources.js';
import { MskCluster } from '../adapters/aws/MskCluster.js';
import { DynamoPipelineStore } from '../adapters/dynamodb/DynamoPipelineStore.js';
import { PipelineReconciler } from '../runtime/lifecycle/PipelineReconciler.js';
import { createControllerHandler } from './createControllerHandler.js';
import { readControllerEnv } from './env.js';

const env = readControllerEnv(process.env);
const store = new DynamoPipelineStore(new DynamoDBClient({}), env.tableName);
const msk = env.kafka.kind === 'msk' ? new MskCluster(new KafkaClient({}), env.kafka.clusterArn) : undefined;
const resources = new AwsResources({ ...env, lambda: new LambdaClient({}), scheduler: new SchedulerClient({}) });

export const handler = createControllerHandler(
  new PipelineReconciler({ store, resources, workerId: env.workerId, ...(msk ? { topics: msk, cluster: msk } : {}) }),
  store,
);
