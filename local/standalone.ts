// Standalone mode: the Lambda handlers in one local process — the REST API on :8083 over a dynalite store with a data
// directory, the embedded Kafka broker (unless kafkaBrokers names another Kafka), the ESM emulator that feeds RUNNING
// sink pipelines to the sink handler, and the scheduler emulator that fires RUNNING source pipelines' task. The same
// code runs in Lambda; only adapters and triggers differ.
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { DynamoPipelineStore } from '../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { ensurePipelineTable } from '../lambdas/adapters/dynamodb/table.js';
import { KafkaGroupOffsets } from '../lambdas/adapters/kafka/KafkaGroupOffsets.js';
import { LazyAdmin } from '../lambdas/adapters/kafka/kafkaClient.js';
import { InMemoryMetricsSink } from '../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { createApiHandler } from '../lambdas/api/createApiHandler.js';
import { ConnectorService } from '../lambdas/runtime/connector/ConnectorService.js';
import { builtinPlugins } from '../lambdas/runtime/plugins/builtins.js';
import { systemClock } from '../lambdas/runtime/ports/Clock.js';
import { consoleLogger, type Logger } from '../lambdas/runtime/ports/Logger.js';
import type { SinkRecordWriter } from '../lambdas/runtime/sink/SinkTask.js';
import { type BrokerHandle, startBroker } from './broker/index.js';
import { startDynalite } from './dynaliteServer.js';
import { lockDataDir } from './dataDirLock.js';
import { EsmEmulator } from './esm/EsmEmulator.js';
import { serveProxyHandler } from './httpAdapter.js';
import { listen } from './listen.js';
import { localDynamoClient } from './localDynamo.js';
import { LocalRuntimeObserver } from './LocalRuntimeObserver.js';
import { localSinkHandler, localSourceHandler } from './localHandlers.js';
import { SchedulerEmulator } from './scheduler/SchedulerEmulator.js';

export interface StandaloneOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** REST port; 0 picks a free one. @default 8083 */
  readonly restPort?: number;
  /** Where pipelines, offsets and the embedded broker's data are kept; undefined keeps them in memory. @default undefined */
  readonly dataDir?: string;
  /** Another Kafka's bootstrap servers; empty starts the embedded broker. @default [] */
  readonly kafkaBrokers?: readonly string[];
  /** The embedded broker's port; 0 picks a free one. @default 9092 */
  readonly kafkaPort?: number;
  /** Partitions of auto-created topics in the embedded broker. @default 1 */
  readonly kafkaPartitions?: number;
  /** @default 'sluice' */
  readonly tableName?: string;
  /** How often the emulators look at the store. @default 500 */
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
  /** Replaces the JDBC writer of sink pipelines (tests of the emulators that are not about SQL). */
  readonly createWriter?: (config: Readonly<Record<string, string>>) => SinkRecordWriter;
}

export interface StandaloneHandle {
  readonly url: string;
  readonly restPort: number;
  readonly kafkaBootstrap: string;
  readonly service: ConnectorService;
  readonly metrics: InMemoryMetricsSink;
  readonly esm: EsmEmulator;
  readonly scheduler: SchedulerEmulator;
  stop(): Promise<void>;
}

export async function startStandalone(options: StandaloneOptions = {}): Promise<StandaloneHandle> {
  const host = options.host ?? '127.0.0.1';
  const tableName = options.tableName ?? 'sluice';
  const logger = options.logger ?? consoleLogger;
  // The REST port first, then the data directory, then the broker (which opens its logs there): `npm start` run twice
  // fails on the port it shares with the first one (which the CLI can name) before it touches data the first one
  // holds. Until the API is wired, requests get a 503.
  const server: Server = createServer();
  let api: RequestListener | undefined;
  server.on('request', (req, res) => (api ? api(req, res) : starting(res)));
  const cleanup: Array<() => unknown> = [() => new Promise<void>((resolve) => server.close(() => resolve()))];
  const undo = async (e: unknown): Promise<never> => {
    for (const step of cleanup.reverse()) await step();
    throw e;
  };
  await listen(server, options.restPort ?? 8083, host, 'rest');
  const restPort = (server.address() as AddressInfo).port;
  const workerId = `${host}:${restPort}`;

  let unlock = (): void => {};
  if (options.dataDir) {
    try {
      unlock = lockDataDir(options.dataDir);
    } catch (e) {
      await undo(e);
    }
    cleanup.push(unlock);
  }
  let broker: BrokerHandle | undefined;
  let brokers = [...(options.kafkaBrokers ?? [])];
  if (brokers.length === 0) {
    broker = await startBroker({
      host,
      port: options.kafkaPort ?? 9092,
      numPartitions: options.kafkaPartitions ?? 1,
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'kafka') } : {}),
    }).catch(undo);
    cleanup.push(() => broker?.stop());
    brokers = [broker.bootstrap];
  }
  const dynalite = await startDynalite({ host, ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}) }).catch(undo);
  const dynamo = localDynamoClient(dynalite.endpoint);
  await ensurePipelineTable(dynamo, tableName).catch(async (e: unknown) => {
    dynamo.destroy();
    await dynalite.stop();
    return undo(e);
  });
  const store = new DynamoPipelineStore(dynamo, tableName);
  const kafka = new Kafka({ clientId: 'sluice-standalone', brokers, logLevel: logLevel.NOTHING });

  const registry = builtinPlugins();
  const metrics = new InMemoryMetricsSink();
  const sink = localSinkHandler({ store, registry, kafka, metrics, clock: systemClock, logger, workerId, ...(options.createWriter ? { createWriter: options.createWriter } : {}) });
  const esm = new EsmEmulator({ store, kafka, invoke: sink.handler, bootstrapServers: brokers.join(','), logger, pollIntervalMs: options.pollIntervalMs ?? 500 });
  const source = localSourceHandler({ store, registry, kafka, metrics, clock: systemClock, logger, workerId });
  const scheduler = new SchedulerEmulator({ store, invoke: source.handler, logger, pollIntervalMs: options.pollIntervalMs ?? 500 });
  const admin = new LazyAdmin(kafka);
  const service = new ConnectorService({
    store,
    registry,
    clock: systemClock,
    workerId,
    kafkaClusterId: 'sluice-standalone',
    groupOffsets: new KafkaGroupOffsets(() => admin.get()),
    observer: new LocalRuntimeObserver(metrics, (name) => esm.mappingsOf(name)),
  });
  api = serveProxyHandler(createApiHandler(service), 'sluice-api');
  esm.start();
  scheduler.start();

  return {
    url: `http://${host}:${restPort}`,
    restPort,
    kafkaBootstrap: brokers.join(','),
    service,
    metrics,
    esm,
    scheduler,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([esm.stop(), scheduler.stop()]);
      await Promise.all([sink.close(), source.close()]);
      await admin.close();
      dynamo.destroy();
      await dynalite.stop();
      await broker?.stop();
      unlock();
    },
  };
}

function starting(res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
  res.end(JSON.stringify({ error_code: 503, message: 'Sluice is starting' }));
}
