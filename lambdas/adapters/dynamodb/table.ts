// The pipeline table's key schema, shared by the CDK construct and standalone mode's table creation.
import { CreateTableCommand, type DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';

export const PIPELINE_TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

/** Creates the table if it does not exist (standalone mode and tests; in AWS the stack creates it). */
export async function ensurePipelineTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: PIPELINE_TABLE_KEYS.partitionKey, AttributeType: 'S' },
          { AttributeName: PIPELINE_TABLE_KEYS.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: PIPELINE_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: PIPELINE_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (e) {
    if (!(e instanceof ResourceInUseException)) throw e;
  }
}
