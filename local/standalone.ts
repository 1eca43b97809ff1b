// Standalone mode: the Lambda handlers in one local process — the REST API on :8083 over a dynalite store with a data
// directory, the embedded Kafka broker (unless kafkaBrokers names another Kafka), and the controller's lifecycle
// reconciler driving the ESM emulator (which feeds sink pipelines to the sink handler) and the scheduler emulator
// (which fires source pipelines' task) through the same resources port as AWS. The same code runs in Lambda; only
// adapters and triggers differ.
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { GlueSdkRegistry } from '../lambdas/adapters/aws/GlueSdkRegistry.js';
import { LocalConfigCipher } from '../lambdas/adapters/crypto/LocalConfigCipher.js';
import { DynamoPipelineStore } from '../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { ensurePipelineTable } from '../lambdas/adapters/dynamodb/table.js';
import { KafkaGroupOffsets } from '../lambdas/adapters/kafka/KafkaGroupOffsets.js';
import { LazyAdmin } from '../lambdas/adapters/kafka/kafkaClient.js';
import { InMemoryMetricsSink } from '../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { createApiHandler } from '../lambdas/api/createApiHandler.js';
import { ConnectorService } from '../lambdas/runtime/connector/ConnectorService.js';
import { provideGlueRegistry } from '../lambdas/runtime/converters/glue/GlueRegistryClient.js';
import { PipelineReconciler } from '../lambdas/runtime/lifecycle/PipelineReconciler.js';
import { builtinPlugins } from '../lambdas/runtime/plugins/builtins.js';
import { systemClock } from '../lambdas/runtime/ports/Clock.js';
import { consoleLogger, type Logger } from '../lambdas/runtime/ports/Logger.js';
import type { SinkRecordWriter } from '../lambdas/runtime/sink/SinkTask.js';
import { type BrokerHandle, startBroker } from './broker/index.js';
import { type SchemaRegistryHandle, startSchemaRegistry } from './schemaRegistry/server.js';
import { startDynalite } from './dynaliteServer.js';
import { lockDataDir } from './dataDirLock.js';
import { EsmEmulator } from './esm/EsmEmulator.js';
import { serveProxyHandler } from './httpAdapter.js';
import { listen } from './listen.js';
import { localDynamoClient } from './localDynamo.js';
import { LocalController } from './LocalController.js';
import { LocalResources } from './LocalResources.js';
import { LocalRuntimeObserver } from './LocalRuntimeObserver.js';
import { localSinkHandler, localSourceHandler } from './localHandlers.js';
import { SchedulerEmulator } from './scheduler/SchedulerEmulator.js';
import { TaskReaper } from './TaskReaper.js';

export interface StandaloneOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** REST port; 0 picks a free one. @default 8083 */
  readonly restPort?: number;
  /**
   * Where pipelines, offsets, the embedded broker's data and the key that seals password-type config values
   * (config.key) are kept; undefined keeps them in memory. @default undefined
   */
  readonly dataDir?: string;
  /** Another Kafka's bootstrap servers; empty starts the embedded broker. @default [] */
  readonly kafkaBrokers?: readonly string[];
  /** The embedded broker's port; 0 picks a free one. @default 9092 */
  readonly kafkaPort?: number;
  /** Partitions of auto-created topics in the embedded broker. @default 1 */
  readonly kafkaPartitions?: number;
  /**
   * The embedded schema registry's port (`npm start` passes 8081); 0 picks a free one; false starts none. Not
   * started when schemaRegistryUrl names another registry. @default 0
   */
  readonly schemaRegistryPort?: number | false;
  /** Another schema registry's URL; set, the embedded one is not started. @default undefined */
  readonly schemaRegistryUrl?: string;
  /** @default 'sluice' */
  readonly tableName?: string;
  /** How often the controller reconciles every pipeline with the store. @default 500 */
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
  /** The sink function's timeout as the ESM emulator applies it (the Lambda timeout). @default 60000 */
  readonly sinkTimeoutMs?: number;
  /** The ESM emulator's consumer group session timeout. @default 30000 */
  readonly esmSessionTimeoutMs?: number;
  /** Replaces the JDBC writer of sink pipelines (tests of the emulators that are not about SQL). */
  readonly createWriter?: (config: Readonly<Record<string, string>>) => SinkRecordWriter;
}

export interface StandaloneHandle {
  readonly url: string;
  readonly restPort: number;
  readonly kafkaBootstrap: string;
  /** The embedded schema registry's URL, or the external one given; undefined when there is none. */
  readonly schemaRegistryUrl: string | undefined;
  /** The dynalite endpoint and table holding the pipelines (for tools and tests that read the raw items). */
  readonly dynamo: { readonly endpoint: string; readonly tableName: string };
  readonly service: ConnectorService;
  readonly metrics: InMemoryMetricsSink;
  readonly esm: EsmEmulator;
  readonly scheduler: SchedulerEmulator;
  /** The lifecycle reconciler's loop; `controller.reconcile()` runs one pass now. */
  readonly controller: LocalController;
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
  let schemaRegistry: SchemaRegistryHandle | undefined;
  if (options.schemaRegistryUrl === undefined && options.schemaRegistryPort !== false) {
    schemaRegistry = await startSchemaRegistry({ host, port: options.schemaRegistryPort ?? 0, ...(options.dataDir ? { dataDir: join(options.dataDir, 'schema-registry') } : {}) }).catch(undo);
    cleanup.push(() => schemaRegistry?.stop());
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
  // Pipelines with the Glue converter reach AWS Glue with the credentials of the environment.
  provideGlueRegistry(GlueSdkRegistry.create);
  const metrics = new InMemoryMetricsSink();
  // Standalone mode has no KMS: password-type values are sealed with a local AES-GCM key.
  const cipher = options.dataDir ? LocalConfigCipher.fromKeyFile(join(options.dataDir, 'config.key')) : new LocalConfigCipher();
  const sink = localSinkHandler({ store, registry, kafka, metrics, clock: systemClock, logger, workerId, cipher, ...(options.createWriter ? { createWriter: options.createWriter } : {}) });
  const esm = new EsmEmulator({
    store,
    kafka,
    invoke: sink.handler,
    bootstrapServers: brokers.join(','),
    logger,
    ...(options.sinkTimeoutMs ? { timeoutMs: options.sinkTimeoutMs } : {}),
    ...(options.esmSessionTimeoutMs ? { sessionTimeoutMs: options.esmSessionTimeoutMs } : {}),
  });
  const source = localSourceHandler({ store, registry, kafka, metrics, clock: systemClock, logger, workerId, cipher });
  const scheduler = new SchedulerEmulator({ invoke: source.handler, logger });
  const admin = new LazyAdmin(kafka);
  const reconciler = new PipelineReconciler({
    store,
    resources: new LocalResources(esm, scheduler),
    topics: { listTopics: async () => (await admin.get()).listTopics() },
    workerId,
  });
  const controller = new LocalController(reconciler, store, options.pollIntervalMs ?? 500, logger);
  let started = false;
  const service = new ConnectorService({
    ready: () => started,
    store,
    registry,
    clock: systemClock,
    workerId,
    kafkaClusterId: 'sluice-standalone',
    cipher,
    groupOffsets: new KafkaGroupOffsets(() => admin.get()),
    observer: new LocalRuntimeObserver(metrics, (name) => esm.mappingsOf(name)),
  });
  api = serveProxyHandler(createApiHandler(service), 'sluice-api');
  const reaper = new TaskReaper({ store, sink: sink.tasks, source: source.tasks, logger, pollIntervalMs: options.pollIntervalMs ?? 500 });
  controller.start();
  reaper.start();
  // Ready (GET /health 200) once the pipelines found in the store have been reconciled, as a Kafka worker is once it
  // has read its config topic and started the connectors.
  const ready = () => {
    started = true;
  };
  void controller.reconcile().then(ready, ready);

  return {
    url: `http://${host}:${restPort}`,
    restPort,
    kafkaBootstrap: brokers.join(','),
    schemaRegistryUrl: options.schemaRegistryUrl ?? schemaRegistry?.url,
    dynamo: { endpoint: dynalite.endpoint, tableName },
    service,
    metrics,
    esm,
    scheduler,
    controller,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await controller.stop();
      await Promise.all([esm.stop(), scheduler.stop(), reaper.stop()]);
      await Promise.all([sink.close(), source.close()]);
      await admin.close();
      dynamo.destroy();
      await dynalite.stop();
      await broker?.stop();
      await schemaRegistry?.stop();
      unlock();
    },
  };
}

function starting(res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
  res.end(JSON.stringify({ error_code: 503, message: 'Sluice is starting' }));
}
