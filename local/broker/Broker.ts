// The broker: a TCP server on host:port whose connections answer the Kafka protocol from one
// TopicManager (partition logs) and one GroupCoordinator, stored in memory or under dataDir.
import { createServer, type Server, type Socket } from 'node:net';
import { listen } from '../listen.js';
import { Connection } from './Connection.js';
import { GroupCoordinator } from './groups/GroupCoordinator.js';
import {
  handleApiVersions,
  handleCreateTopics,
  handleDeleteTopics,
  handleInitProducerId,
  handleMetadata,
} from './handlers/adminHandlers.js';
import type { BrokerContext, BrokerLogger, Handler } from './handlers/context.js';
import { handleFetch, handleListOffsets, handleProduce } from './handlers/dataHandlers.js';
import {
  handleDeleteGroups,
  handleDescribeGroups,
  handleFindCoordinator,
  handleHeartbeat,
  handleJoinGroup,
  handleLeaveGroup,
  handleListGroups,
  handleOffsetCommit,
  handleOffsetFetch,
  handleSyncGroup,
} from './handlers/groupHandlers.js';
import { ApiKey } from './protocol/apiKeys.js';
import { FileStore } from './storage/FileStore.js';
import { MemoryStore } from './storage/MemoryStore.js';
import type { Store } from './storage/Store.js';
import { TopicManager } from './storage/TopicManager.js';

export interface BrokerOptions {
  /** TCP port; 0 picks a free one (reported on the handle). Default 9092. */
  port?: number;
  /** Address to bind and to advertise. Default 127.0.0.1. */
  host?: string;
  /** Keep topics, records and committed offsets under this directory. Default: memory only. */
  dataDir?: string;
  /** Partitions of auto-created topics and of CreateTopics requests that leave it to the broker. Default 1. */
  numPartitions?: number;
  /** Create unknown topics named in Metadata requests (when the client allows it). Default true. */
  autoCreateTopics?: boolean;
  /** Segment file size at which a partition's log rolls to a new file (file store). Default 64 MiB. */
  segmentBytes?: number;
  logger?: BrokerLogger;
}

export interface BrokerHandle {
  readonly host: string;
  readonly port: number;
  /** "host:port", for a client's bootstrap servers. */
  readonly bootstrap: string;
  stop(): Promise<void>;
}

const silent: BrokerLogger = { info() {}, warn() {}, error() {} };

const handlers: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [ApiKey.ApiVersions, handleApiVersions],
  [ApiKey.Metadata, handleMetadata],
  [ApiKey.CreateTopics, handleCreateTopics],
  [ApiKey.DeleteTopics, handleDeleteTopics],
  [ApiKey.InitProducerId, handleInitProducerId],
  [ApiKey.Produce, handleProduce],
  [ApiKey.Fetch, handleFetch],
  [ApiKey.ListOffsets, handleListOffsets],
  [ApiKey.FindCoordinator, handleFindCoordinator],
  [ApiKey.JoinGroup, handleJoinGroup],
  [ApiKey.SyncGroup, handleSyncGroup],
  [ApiKey.Heartbeat, handleHeartbeat],
  [ApiKey.LeaveGroup, handleLeaveGroup],
  [ApiKey.OffsetCommit, handleOffsetCommit],
  [ApiKey.OffsetFetch, handleOffsetFetch],
  [ApiKey.DescribeGroups, handleDescribeGroups],
  [ApiKey.ListGroups, handleListGroups],
  [ApiKey.DeleteGroups, handleDeleteGroups],
]);

export async function startBroker(options: BrokerOptions = {}): Promise<BrokerHandle> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silent;
  // The port first: a taken port fails before the data directory is opened (another broker may be using it).
  const server: Server = createServer();
  await listen(server, options.port ?? 9092, host, 'kafka');
  let store: Store;
  try {
    store = options.dataDir ? new FileStore(options.dataDir, options.segmentBytes) : new MemoryStore();
  } catch (e) {
    server.close();
    throw e;
  }
  const broker: BrokerContext = {
    nodeId: 0,
    host,
    port: options.port ?? 9092,
    clusterId: 'sluice-local',
    numPartitions: options.numPartitions ?? 1,
    autoCreateTopics: options.autoCreateTopics ?? true,
    topics: new TopicManager(store),
    groups: new GroupCoordinator(store),
    logger,
    parked: new Set(),
  };
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new Connection(socket, broker, handlers);
  });
  const address = server.address();
  if (address !== null && typeof address === 'object') broker.port = address.port;
  logger.info(`broker listening on ${host}:${broker.port}${options.dataDir ? ` with data in ${options.dataDir}` : ' (in memory)'}`);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      for (const wake of [...broker.parked]) wake();
      broker.groups.shutdown();
      for (const s of sockets) s.destroy();
      server.close(() => {
        store.close();
        logger.info('broker stopped');
        resolve();
      });
    });
    return stopping;
  };
  return { host, port: broker.port, bootstrap: `${host}:${broker.port}`, stop };
}
