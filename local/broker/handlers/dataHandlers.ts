// Produce, Fetch and ListOffsets: the handlers that touch partition logs.
import { ErrorCode } from '../protocol/errors.js';
import {
  decodeFetchRequest,
  encodeFetchResponse,
  type FetchPartitionResponse,
  type FetchRequest,
  type FetchTopicResponse,
} from '../protocol/fetch.js';
import { decodeListOffsetsRequest, encodeListOffsetsResponse } from '../protocol/listOffsets.js';
import {
  decodeProduceRequest,
  encodeProduceResponse,
  type ProducePartitionData,
  type ProducePartitionResponse,
} from '../protocol/produce.js';
import { BatchError, splitBatches } from '../protocol/recordBatch.js';
import type { PartitionLog } from '../storage/PartitionLog.js';
import type { BrokerContext, Handler } from './context.js';

function producePartition(log: PartitionLog | undefined, data: ProducePartitionData): ProducePartitionResponse {
  const fail = (errorCode: number, errorMessage: string | null = null): ProducePartitionResponse => ({
    index: data.index,
    errorCode,
    baseOffset: -1,
    logStartOffset: -1,
    errorMessage,
  });
  if (log === undefined) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (data.records === null) return fail(ErrorCode.CORRUPT_MESSAGE, 'null records');
  let baseOffset = -1;
  try {
    for (const batch of splitBatches(data.records)) {
      const check = log.producers.check(batch);
      if (check.kind === 'error') return fail(check.code, check.message);
      const offset = check.kind === 'duplicate' ? check.baseOffset : log.append(batch);
      if (baseOffset < 0) baseOffset = offset;
    }
  } catch (err) {
    if (err instanceof BatchError) return fail(err.code, err.message);
    throw err;
  }
  return { index: data.index, errorCode: ErrorCode.NONE, baseOffset, logStartOffset: log.logStartOffset, errorMessage: null };
}

export const handleProduce: Handler = (broker, req, r, w) => {
  const request = decodeProduceRequest(r, req.header.apiVersion);
  const validAcks = request.acks === 0 || request.acks === 1 || request.acks === -1;
  const topics = request.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) =>
      validAcks
        ? producePartition(broker.topics.log(t.name, p.index), p)
        : { index: p.index, errorCode: ErrorCode.INVALID_REQUIRED_ACKS, baseOffset: -1, logStartOffset: -1, errorMessage: null },
    ),
  }));
  broker.topics.notifyAppend();
  if (request.acks === 0) return false;
  encodeProduceResponse(w, req.header.apiVersion, topics);
  return true;
};

interface FetchResult {
  topics: FetchTopicResponse[];
  bytes: number;
  hasError: boolean;
}

function readFetch(broker: BrokerContext, request: FetchRequest): FetchResult {
  let bytes = 0;
  let hasError = false;
  const topics = request.topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p): FetchPartitionResponse => {
      const log = broker.topics.log(t.topic, p.partition);
      if (log === undefined) {
        hasError = true;
        return { partition: p.partition, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1, logStartOffset: -1, records: null };
      }
      const base = { partition: p.partition, highWatermark: log.nextOffset, logStartOffset: log.logStartOffset };
      if (p.fetchOffset < log.logStartOffset || p.fetchOffset > log.nextOffset) {
        hasError = true;
        return { ...base, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, records: null };
      }
      const budget = Math.min(p.partitionMaxBytes, request.maxBytes - bytes);
      const records = budget > 0 || bytes === 0 ? log.read(p.fetchOffset, Math.max(budget, 1)) : [];
      for (const b of records) bytes += b.length;
      return { ...base, errorCode: ErrorCode.NONE, records };
    }),
  }));
  return { topics, bytes, hasError };
}

function availableBytes(broker: BrokerContext, request: FetchRequest): number {
  let total = 0;
  for (const t of request.topics) {
    for (const p of t.partitions) {
      const log = broker.topics.log(t.topic, p.partition);
      if (log === undefined || p.fetchOffset > log.nextOffset) return Number.POSITIVE_INFINITY;
      total += log.bytesFrom(p.fetchOffset, request.minBytes);
    }
  }
  return total;
}

export const handleFetch: Handler = (broker, req, r, w) => {
  const version = req.header.apiVersion;
  const request = decodeFetchRequest(r, version);
  const first = readFetch(broker, request);
  if (first.hasError || first.bytes >= request.minBytes || request.maxWaitMs <= 0) {
    encodeFetchResponse(w, version, first.topics);
    return true;
  }
  // Park until enough bytes arrive in the requested partitions, or max wait elapses.
  return new Promise<boolean>((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      unsubscribe();
      broker.parked.delete(finish);
      encodeFetchResponse(w, version, readFetch(broker, request).topics);
      resolve(true);
    };
    const timer = setTimeout(finish, request.maxWaitMs);
    const unsubscribe = broker.topics.onAppend(() => {
      if (availableBytes(broker, request) >= request.minBytes) finish();
    });
    broker.parked.add(finish);
  });
};

export const handleListOffsets: Handler = (broker, req, r, w) => {
  const request = decodeListOffsetsRequest(r, req.header.apiVersion);
  const topics = request.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => {
      const log = broker.topics.log(t.name, p.partition);
      if (log === undefined) return { partition: p.partition, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1 };
      if (p.timestamp === -1) return { partition: p.partition, errorCode: ErrorCode.NONE, timestamp: -1, offset: log.nextOffset };
      if (p.timestamp === -2) return { partition: p.partition, errorCode: ErrorCode.NONE, timestamp: -1, offset: log.logStartOffset };
      const found = log.offsetForTimestamp(p.timestamp);
      return { partition: p.partition, errorCode: ErrorCode.NONE, timestamp: found?.timestamp ?? -1, offset: found?.offset ?? -1 };
    }),
  }));
  encodeListOffsetsResponse(w, req.header.apiVersion, topics);
  return true;
};
