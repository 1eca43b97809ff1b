// io.confluent.connect.elasticsearch.ElasticsearchSinkConnector on Sluice: Confluent's Elasticsearch sink keys, for
// Elasticsearch 7 and OpenSearch (also Amazon OpenSearch Service with IAM, aws.sigv4.enabled). Written against the
// public connector API only.
import type { SinkConnector } from '../../connect-api/connector.js';
import { openSearchSinkConfigDef, validateOpenSearchSink } from './configDef.js';
import { OpenSearchSinkTask } from './OpenSearchSinkTask.js';

export const openSearchSinkConnector: SinkConnector = {
  type: 'sink',
  className: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
  aliases: ['ElasticsearchSinkConnector', 'ElasticsearchSink', 'OpenSearchSinkConnector', 'OpenSearchSink'],
  version: '15.0.0-sluice',
  configDef: openSearchSinkConfigDef,
  validate: validateOpenSearchSink,
  createTask: (props, context) => new OpenSearchSinkTask(props, context),
};
