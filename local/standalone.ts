// Standalone mode: the Lambda handlers in one local process. Today: the REST API on :8083 over a dynalite store with a
// data directory. The embedded broker and the ESM/scheduler emulators join this process in later issues.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ensurePipelineTable } from '../lambdas/adapters/dynamodb/table.js';
import { buildService } from '../lambdas/api/buildService.js';
import { createApiHandler } from '../lambdas/api/createApiHandler.js';
import type { ConnectorService } from '../lambdas/runtime/connector/ConnectorService.js';
import { startDynalite } from './dynaliteServer.js';
import { serveProxyHandler } from './httpAdapter.js';
import { localDynamoClient } from './localDynamo.js';

export interface StandaloneOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** REST port; 0 picks a free one. @default 8083 */
  readonly restPort?: number;
  /** Where pipelines are kept across restarts; undefined keeps them in memory. @default undefined */
  readonly dataDir?: string;
  /** Kafka bootstrap servers used for sink offsets (consumer groups). @default [] */
  readonly kafkaBrokers?: readonly string[];
  /** @default 'sluice' */
  readonly tableName?: string;
}

export interface StandaloneHandle {
  readonly url: string;
  readonly restPort: number;
  readonly service: ConnectorService;
  stop(): Promise<void>;
}

export async function startStandalone(options: StandaloneOptions = {}): Promise<StandaloneHandle> {
  const host = options.host ?? '127.0.0.1';
  const tableName = options.tableName ?? 'sluice';
  const dynalite = await startDynalite({ host, ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}) });
  const dynamo = localDynamoClient(dynalite.endpoint);
  await ensurePipelineTable(dynamo, tableName);
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.restPort ?? 8083, host, () => resolve());
  });
  const restPort = (server.address() as AddressInfo).port;
  const service = buildService(
    { tableName, workerId: `${host}:${restPort}`, kafkaBrokers: options.kafkaBrokers ?? [], kafkaClusterId: 'sluice-standalone', kafkaSsl: false },
    dynamo,
  );
  server.on('request', serveProxyHandler(createApiHandler(service), 'sluice-api'));
  return {
    url: `http://${host}:${restPort}`,
    restPort,
    service,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      dynamo.destroy();
      await dynalite.stop();
    },
  };
}
