// A dynalite server per test file, reached through the real AWS SDK over HTTP; each caller gets its own table.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensurePipelineTable } from '../../lambdas/adapters/dynamodb/table.js';
import { type DynaliteHandle, startDynalite } from '../../local/dynaliteServer.js';
import { localDynamoClient } from '../../local/localDynamo.js';

export interface TestDynamo {
  readonly client: DynamoDBClient;
  newTable(): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestDynamo(dataDir?: string): Promise<TestDynamo> {
  const server: DynaliteHandle = await startDynalite(dataDir ? { dataDir } : {});
  const client = localDynamoClient(server.endpoint);
  return {
    client,
    newTable: async () => {
      const name = `t-${randomUUID().slice(0, 8)}`;
      await ensurePipelineTable(client, name);
      return name;
    },
    stop: async () => {
      client.destroy();
      await server.stop();
    },
  };
}
