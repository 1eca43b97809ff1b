// The api Lambda's entry point: API Gateway (REST, AWS_IAM) → the Kafka Connect REST API.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AwsRuntimeObserver } from '../adapters/aws/AwsRuntimeObserver.js';
import { SecretsManagerResolver } from '../adapters/aws/SecretsManagerResolver.js';
import { bundledPlugins } from '../adapters/plugins/bundledPlugins.js';
import { builtinPlugins } from '../runtime/builtins/builtins.js';
import { buildService, type ScramCredentials } from './buildService.js';
import { createApiHandler } from './createApiHandler.js';
import { readApiEnv } from './env.js';
import { KmsConfigSealer } from '../adapters/aws/KmsConfigSealer.js';

const env = readApiEnv(process.env);
const observer = env.observeAws ? new AwsRuntimeObserver(new LambdaClient({}), new CloudWatchClient({})) : undefined;

/** SCRAM credentials for the offsets endpoints' admin client, read once per container. */
async function scramCredentials(): Promise<ScramCredentials | undefined> {
  if (env.kafkaAuth !== 'scram' || !env.saslSecretArn) return undefined;
  const secrets = new SecretsManagerResolver(new SecretsManagerClient({}));
  const [username, password] = await Promise.all([secrets.resolve({ secretId: env.saslSecretArn, jsonKey: 'username' }), secrets.resolve({ secretId: env.saslSecretArn, jsonKey: 'password' })]);
  return { username, password };
}

// The API validates and creates any pipeline, so it imports every plugin-path package bundled by cdk synth at start.
const registry = builtinPlugins();
for (const pkg of bundledPlugins()) registry.registerLazy(pkg);
await registry.loadAll();

export const handler = createApiHandler(buildService(env, new DynamoDBClient({}), KmsConfigSealer.fromEnv(process.env), registry, observer, await scramCredentials()));
