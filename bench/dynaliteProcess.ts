// DynamoDB for the benchmarks: dynalite's CLI in a process of its own, reached through the real AWS SDK. DynamoDB is a
// remote service, so its work is not charged to the event loop of the code being measured, as in Lambda.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { type DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { ensurePipelineTable } from '../lambdas/adapters/dynamodb/table.js';
import { localDynamoClient } from '../local/localDynamo.js';

export interface DynaliteProcess {
  readonly client: DynamoDBClient;
  /** Creates a pipeline table of a new name and waits until it is active. */
  newTable(): Promise<string>;
  stop(): Promise<void>;
}

export async function startDynaliteProcess(): Promise<DynaliteProcess> {
  const port = 18000 + Math.floor(Math.random() * 2000);
  const cli = createRequire(import.meta.url).resolve('dynalite/cli.js');
  const child = spawn(process.execPath, [cli, '--port', String(port), '--createTableMs', '0'], { stdio: 'ignore' });
  const client = localDynamoClient(`http://127.0.0.1:${port}`);
  for (let i = 0; ; i++) {
    try {
      await ensurePipelineTable(client, 'warmup');
      break;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    client,
    newTable: async () => {
      const name = `t-${randomUUID().slice(0, 8)}`;
      await ensurePipelineTable(client, name);
      await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.05 }, { TableName: name });
      return name;
    },
    stop: async () => {
      client.destroy();
      child.kill();
    },
  };
}
