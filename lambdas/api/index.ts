// The api Lambda's entry point: API Gateway (REST, AWS_IAM) → the Kafka Connect REST API.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { AwsRuntimeObserver } from '../adapters/aws/AwsRuntimeObserver.js';
import { buildService } from './buildService.js';
import { createApiHandler } from './createApiHandler.js';
import { readApiEnv } from './env.js';

const env = readApiEnv(process.env);
const observer = env.observeAws ? new AwsRuntimeObserver(new LambdaClient({}), new CloudWatchClient({})) : undefined;

export const handler = createApiHandler(buildService(env, new DynamoDBClient({}), observer));
