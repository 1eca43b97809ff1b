// The real AWS SDK DynamoDB client, pointed at a local endpoint (dynalite) with placeholder credentials.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 });
}
