// ApiVersions, Metadata, CreateTopics, DeleteTopics and InitProducerId.
import { supportedApis } from '../protocol/apiKeys.js';
import { decodeApiVersionsRequest, encodeApiVersionsResponse } from '../protocol/apiVersions.js';
import { ErrorCode } from '../protocol/errors.js';
import { decodeInitProducerIdRequest, encodeInitProducerIdResponse } from '../protocol/initProducerId.js';
import { decodeMetadataRequest, encodeMetadataResponse, type MetadataTopic } from '../protocol/metadata.js';
import {
  decodeCreateTopicsRequest,
  decodeDeleteTopicsRequest,
  encodeCreateTopicsResponse,
  encodeDeleteTopicsResponse,
  type TopicResult,
} from '../protocol/topicAdmin.js';
import { isValidTopicName } from '../storage/TopicManager.js';
import type { Handler } from './context.js';

export const handleApiVersions: Handler = (_broker, req, r, w) => {
  decodeApiVersionsRequest(r, req.header.apiVersion);
  encodeApiVersionsResponse(w, req.header.apiVersion, ErrorCode.NONE, supportedApis);
  return true;
};

export const handleMetadata: Handler = (broker, req, r, w) => {
  const version = req.header.apiVersion;
  const request = decodeMetadataRequest(r, version);
  const names = request.topics ?? broker.topics.names();
  const topics = names.map((name): MetadataTopic => {
    let logs = broker.topics.partitions(name);
    if (logs === undefined && broker.autoCreateTopics && request.allowAutoTopicCreation && isValidTopicName(name)) {
      broker.topics.create(name, broker.numPartitions);
      broker.logger.info(`auto-created topic ${name} with ${broker.numPartitions} partitions`);
      logs = broker.topics.partitions(name);
    }
    if (logs === undefined) {
      const errorCode = isValidTopicName(name) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.INVALID_TOPIC_EXCEPTION;
      return { errorCode, name, partitions: [] };
    }
    return { errorCode: ErrorCode.NONE, name, partitions: logs.map((_, i) => i) };
  });
  encodeMetadataResponse(w, version, {
    brokers: [{ nodeId: broker.nodeId, host: broker.host, port: broker.port }],
    clusterId: broker.clusterId,
    controllerId: broker.nodeId,
    topics,
  });
  return true;
};

export const handleCreateTopics: Handler = (broker, req, r, w) => {
  const request = decodeCreateTopicsRequest(r, req.header.apiVersion);
  const results = request.topics.map((t): TopicResult => {
    const partitions = t.numPartitions > 0 ? t.numPartitions : t.assignedPartitions > 0 ? t.assignedPartitions : broker.numPartitions;
    let errorCode: number;
    if (!isValidTopicName(t.name)) errorCode = ErrorCode.INVALID_TOPIC_EXCEPTION;
    else if (broker.topics.partitions(t.name) !== undefined) errorCode = ErrorCode.TOPIC_ALREADY_EXISTS;
    else if (request.validateOnly) errorCode = ErrorCode.NONE;
    else errorCode = broker.topics.create(t.name, partitions);
    const errorMessage =
      errorCode === ErrorCode.TOPIC_ALREADY_EXISTS ? `Topic '${t.name}' already exists.` : errorCode === ErrorCode.NONE ? null : `cannot create topic '${t.name}'`;
    return { name: t.name, errorCode, errorMessage };
  });
  encodeCreateTopicsResponse(w, req.header.apiVersion, results);
  return true;
};

export const handleDeleteTopics: Handler = (broker, req, r, w) => {
  const names = decodeDeleteTopicsRequest(r, req.header.apiVersion);
  const results = names.map((name) => ({ name, errorCode: broker.topics.delete(name), errorMessage: null }));
  encodeDeleteTopicsResponse(w, req.header.apiVersion, results);
  return true;
};

export const handleInitProducerId: Handler = (broker, req, r, w) => {
  decodeInitProducerIdRequest(r, req.header.apiVersion);
  encodeInitProducerIdResponse(w, req.header.apiVersion, {
    errorCode: ErrorCode.NONE,
    producerId: broker.topics.allocateProducerId(),
    producerEpoch: 0,
  });
  return true;
};
