// What request handlers see: the broker's state and settings, and the request being answered.
import type { GroupCoordinator } from '../groups/GroupCoordinator.js';
import type { RequestHeader } from '../protocol/header.js';
import type { Reader } from '../protocol/Reader.js';
import type { Writer } from '../protocol/Writer.js';
import type { TopicManager } from '../storage/TopicManager.js';

export interface BrokerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface BrokerContext {
  readonly nodeId: number;
  readonly host: string;
  port: number;
  readonly clusterId: string;
  readonly numPartitions: number;
  readonly autoCreateTopics: boolean;
  readonly topics: TopicManager;
  readonly groups: GroupCoordinator;
  readonly logger: BrokerLogger;
  /** Wakers of parked requests (fetches), called when the broker stops. */
  readonly parked: Set<() => void>;
}

export interface RequestContext {
  readonly header: RequestHeader;
  readonly clientHost: string;
}

/**
 * Decodes the request body from `r` and writes the response body into `w`.
 * Returns false when the request gets no response at all (Produce with acks = 0).
 */
export type Handler = (broker: BrokerContext, req: RequestContext, r: Reader, w: Writer) => boolean | Promise<boolean>;
