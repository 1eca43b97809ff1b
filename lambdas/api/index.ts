// The api Lambda's entry point: API Gateway (REST, AWS_IAM) → the Kafka Connect REST API.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildService } from './buildService.js';
import { createApiHandler } from './createApiHandler.js';
import { readApiEnv } from './env.js';

export const handler = createApiHandler(buildService(readApiEnv(process.env), new DynamoDBClient({})));
