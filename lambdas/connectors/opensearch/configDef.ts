// The keys of Confluent's ElasticsearchSinkConnectorConfig that apply to Sluice, with its defaults and wording, plus
// Sluice's keys for Amazon OpenSearch Service with IAM (aws.*). Written against the public connector API only.
import { ConfigDef, type ConfigKey } from '../../connect-api/config/ConfigDef.js';
import { atLeast, between, oneOf, satisfies } from '../../connect-api/config/validators.js';

const CONNECTOR = 'Connector';
const CONVERSION = 'Data Conversion';
const AWS = 'AWS IAM';

/** Each URL must parse with an http or https scheme (a URL without one is taken as http, as Confluent does). */
const urlList = satisfies('list of http(s) URLs', (value) => {
  const urls = Array.isArray(value) ? (value as string[]) : [];
  if (urls.length === 0) return 'At least one URL must be given';
  for (const u of urls) {
    try {
      const parsed = new URL(withScheme(u));
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `URL must use http or https: ${parsed.protocol}`;
    } catch {
      return 'Not a valid URL';
    }
  }
  return undefined;
});

/** Confluent's DataStreamDatasetValidator / namespace rule: at most 100 chars, lowercase, none of / \ * " < > | , # : - or space. */
function dataStreamPart(allowTopic: boolean) {
  return satisfies('lowercase, at most 100 characters, no spaces or /\\*"<>|,#:-', (value) => {
    const raw = typeof value === 'string' ? value : '';
    const v = allowTopic ? raw.replaceAll('${topic}', '') : raw;
    if (raw.length > 100) return 'must be no longer than 100 characters';
    if (v !== v.toLowerCase()) return 'must be in all lowercase';
    if (/[\s/\\*"<>|,#:-]/.test(v)) return 'must not contain spaces or any of these special characters: /\\*"<>|,#:-';
    return undefined;
  });
}

export function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `http://${url.trim()}`;
}

const keys: ConfigKey[] = [
  { name: 'connection.url', type: 'LIST', importance: 'HIGH', group: CONNECTOR, orderInGroup: 1, width: 'LONG', displayName: 'Connection URLs', validator: urlList, documentation: 'The comma-separated list of one or more Elasticsearch or OpenSearch URLs, such as http://eshost1:9200,http://eshost2:9200 or https://search-domain.eu-west-1.es.amazonaws.com. A URL without a protocol is treated as http. Requests are spread over the URLs; one that fails is skipped until it recovers.' },
  { name: 'connection.username', type: 'STRING', default: null, importance: 'MEDIUM', group: CONNECTOR, orderInGroup: 2, width: 'SHORT', displayName: 'Connection Username', documentation: 'The username used to authenticate with Elasticsearch (HTTP basic authentication). Authentication is only performed if both the username and password are set.' },
  { name: 'connection.password', type: 'PASSWORD', default: null, importance: 'MEDIUM', group: CONNECTOR, orderInGroup: 3, width: 'SHORT', displayName: 'Connection Password', documentation: 'The password used to authenticate with Elasticsearch. Authentication is only performed if both the username and password are set.' },
  { name: 'batch.size', type: 'INT', default: 2000, importance: 'MEDIUM', group: CONNECTOR, orderInGroup: 4, width: 'SHORT', displayName: 'Batch Size', validator: between(1, 1000000), documentation: 'The number of records to process as a batch when writing to Elasticsearch: one _bulk request carries at most this many documents.' },
  { name: 'max.in.flight.requests', type: 'INT', default: 5, importance: 'MEDIUM', group: CONNECTOR, orderInGroup: 5, width: 'SHORT', displayName: 'Max In-flight Requests', validator: between(1, 1000), documentation: 'The maximum number of _bulk requests of one batch in flight at once. With write.method=upsert the requests of a batch are sent one after another, so updates of one key keep their order.' },
  { name: 'max.retries', type: 'INT', default: 5, importance: 'LOW', group: CONNECTOR, orderInGroup: 6, width: 'SHORT', displayName: 'Max Retries', validator: atLeast(0), documentation: 'The maximum number of retries of a failed indexing request (HTTP 429, 5xx, a connection failure) or of the documents of a bulk request the server answered with 429 or 5xx. If the retries are exhausted the batch fails as retriable and is delivered again.' },
  { name: 'retry.backoff.ms', type: 'LONG', default: 100, importance: 'LOW', group: CONNECTOR, orderInGroup: 7, width: 'SHORT', displayName: 'Retry Backoff (ms)', validator: between(0, 86400000), documentation: 'How long to wait in milliseconds before attempting the first retry of a failed indexing request. Upon a failure, this connector may wait up to twice as long as the previous wait, up to the maximum number of retries (with random jitter).' },
  { name: 'connection.timeout.ms', type: 'INT', default: 1000, importance: 'LOW', group: CONNECTOR, orderInGroup: 8, width: 'SHORT', displayName: 'Connection Timeout', validator: between(0, 43200000), documentation: 'Accepted for compatibility with Confluent\'s connector: the Node.js client has no separate connect timeout, so read.timeout.ms bounds connecting and reading together.' },
  { name: 'read.timeout.ms', type: 'INT', default: 3000, importance: 'LOW', group: CONNECTOR, orderInGroup: 9, width: 'SHORT', displayName: 'Read Timeout', validator: between(0, 604800000), documentation: 'How long to wait in milliseconds for the server to send a response (the client request timeout). A request that times out is retried per max.retries.' },
  { name: 'data.stream.type', type: 'STRING', default: 'NONE', importance: 'LOW', group: CONNECTOR, orderInGroup: 10, width: 'SHORT', displayName: 'Data Stream Type', validator: oneOf(['LOGS', 'METRICS', 'NONE'], { caseInsensitive: true }), recommendedValues: ['LOGS', 'METRICS', 'NONE'], documentation: 'Generic type describing the data to be written to a data stream. The default is NONE, which indicates the connector will write to regular indices instead. If set, this configuration will be used alongside data.stream.dataset and data.stream.namespace to construct the data stream name in the form of {data.stream.type}-{data.stream.dataset}-{data.stream.namespace}.' },
  { name: 'data.stream.dataset', type: 'STRING', default: '', importance: 'LOW', group: CONNECTOR, orderInGroup: 11, width: 'MEDIUM', displayName: 'Data Stream Dataset', validator: dataStreamPart(false), documentation: 'Generic name describing data ingested and its structure to be written to a data stream. Can be any arbitrary string that is no longer than 100 characters, is in all lowercase, and does not contain spaces or any of these special characters /\\*"<>|,#:-. No value means the connector writes to regular indices.' },
  { name: 'data.stream.namespace', type: 'STRING', default: '${topic}', importance: 'LOW', group: CONNECTOR, orderInGroup: 12, width: 'MEDIUM', displayName: 'Data Stream Namespace', validator: dataStreamPart(true), documentation: "Generic name describing user-configurable arbitrary grouping to be written to a data stream; ${topic} stands for the record's topic (lowercased, cut to 100 characters). The default is ${topic}." },
  { name: 'data.stream.timestamp.field', type: 'LIST', default: [], importance: 'LOW', group: CONNECTOR, orderInGroup: 13, width: 'LONG', displayName: 'Data Stream Timestamp Field', documentation: 'The record value field to use as the @timestamp field of documents sent to a data stream. If multiple fields are provided, the first field listed that also appears in the record is used. If empty, every document uses the Kafka record timestamp as @timestamp. Can only be set with data.stream.type and data.stream.dataset.' },
  { name: 'key.ignore', type: 'BOOLEAN', default: false, importance: 'HIGH', group: CONVERSION, orderInGroup: 1, width: 'SHORT', displayName: 'Ignore Key mode', documentation: "Whether to ignore the record key for the purpose of forming the document ID. When this is set to true, document IDs are generated as the record's topic+partition+offset (a redelivered record overwrites its own document). Otherwise the key (an integer or a string) is the ID and inserts carry the offset as an external version." },
  { name: 'schema.ignore', type: 'BOOLEAN', default: false, importance: 'LOW', group: CONVERSION, orderInGroup: 2, width: 'SHORT', displayName: 'Ignore Schema mode', documentation: 'Whether to ignore schemas during indexing. When this is set to true, the record schema is ignored for the purpose of registering a mapping (the server infers it from the data) and values are written as the JsonConverter writes them; when false, a new index gets a mapping built from the value schema and decimals are written as numbers.' },
  { name: 'compact.map.entries', type: 'BOOLEAN', default: true, importance: 'LOW', group: CONVERSION, orderInGroup: 3, width: 'SHORT', displayName: 'Compact Map Entries', documentation: 'Defines how map entries with string keys within record values are written to JSON. When true, these entries are written compactly as "entryKey": "entryValue". Otherwise, map entries with string keys are written as a nested document {"key": "entryKey", "value": "entryValue"}. All map entries with non-string keys are always written as nested documents.' },
  { name: 'behavior.on.null.values', type: 'STRING', default: 'FAIL', importance: 'LOW', group: CONVERSION, orderInGroup: 4, width: 'SHORT', displayName: 'Behavior for null-valued records', validator: oneOf(['IGNORE', 'DELETE', 'FAIL'], { caseInsensitive: true }), recommendedValues: ['IGNORE', 'DELETE', 'FAIL'], documentation: "How to handle records with a non-null key and a null value (i.e. Kafka tombstone records). Valid options are 'ignore', 'delete', and 'fail'. 'delete' deletes the document whose ID is the key (a tombstone without a key is ignored)." },
  { name: 'behavior.on.malformed.documents', type: 'STRING', default: 'FAIL', importance: 'LOW', group: CONVERSION, orderInGroup: 5, width: 'SHORT', displayName: 'Behavior on malformed documents', validator: oneOf(['IGNORE', 'WARN', 'FAIL'], { caseInsensitive: true }), recommendedValues: ['IGNORE', 'WARN', 'FAIL'], documentation: "How to handle records that the server rejects due to some malformation of the document itself, such as an index mapping conflict, a field name containing illegal characters, or a record with a missing id. Valid options are 'ignore', 'warn', and 'fail'. 'fail' reports the record as failed (routed per errors.tolerance, to the dead letter queue with errors.tolerance=all); 'ignore' and 'warn' drop it (warn logs it)." },
  { name: 'write.method', type: 'STRING', default: 'INSERT', importance: 'LOW', group: CONVERSION, orderInGroup: 6, width: 'SHORT', displayName: 'Write Method', validator: oneOf(['INSERT', 'UPSERT'], { caseInsensitive: true }), recommendedValues: ['INSERT', 'UPSERT'], documentation: 'Method used for writing data, INSERT or UPSERT. INSERT constructs a document from the record value and inserts it, completely replacing any existing document with the same ID. UPSERT creates a new document if one with the ID does not yet exist, or updates the existing document by adding/replacing only the fields present in the record value.' },
  { name: 'aws.sigv4.enabled', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: AWS, orderInGroup: 1, width: 'SHORT', displayName: 'Sign requests with AWS SigV4', documentation: "Sign every request with AWS Signature Version 4 (Amazon OpenSearch Service domains and OpenSearch Serverless collections with IAM access), with the credentials of the default AWS credential chain (the sink function's role on AWS). Not with connection.username/connection.password." },
  { name: 'aws.region', type: 'STRING', default: null, importance: 'MEDIUM', group: AWS, orderInGroup: 2, width: 'SHORT', displayName: 'AWS Region', documentation: "The Region of the domain or collection, for SigV4 signing. Default: the AWS_REGION of the function (or of standalone mode's environment)." },
  { name: 'aws.service', type: 'STRING', default: 'es', importance: 'LOW', group: AWS, orderInGroup: 3, width: 'SHORT', displayName: 'AWS signing service', validator: oneOf(['es', 'aoss']), recommendedValues: ['es', 'aoss'], documentation: "The service name requests are signed for: 'es' for an Amazon OpenSearch Service domain, 'aoss' for an OpenSearch Serverless collection." },
];

export const openSearchSinkConfigDef = new ConfigDef(keys);

/** Cross-key checks of Confluent's Validator that apply, with its messages. */
export function validateOpenSearchSink(props: Readonly<Record<string, string>>): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  const add = (key: string, message: string) => errors.set(key, [...(errors.get(key) ?? []), message]);
  const set = (key: string) => (props[key] ?? '') !== '';
  if (set('connection.username') !== set('connection.password')) {
    const message = "Both 'connection.username' and 'connection.password' must be set.";
    add('connection.username', message);
    add('connection.password', message);
  }
  const type = (props['data.stream.type'] ?? 'NONE').toUpperCase();
  const dataset = props['data.stream.dataset'] ?? '';
  if ((type === 'NONE') !== (dataset === '')) {
    const message = "Either both or neither 'data.stream.dataset' and 'data.stream.type' must be set.";
    add('data.stream.type', message);
    add('data.stream.dataset', message);
  }
  const dataStream = type !== 'NONE' && dataset !== '';
  if (!dataStream && set('data.stream.timestamp.field')) {
    add('data.stream.timestamp.field', "Mapping a field to the '@timestamp' field is only necessary when working with data streams. 'data.stream.timestamp.field' must not be set when not using data streams.");
  }
  if (dataStream && (props['write.method'] ?? '').toUpperCase() === 'UPSERT') {
    add('write.method', 'Upserts are not supported with data streams. write.method must not be UPSERT when using data streams.');
  } else if (dataStream && (props['behavior.on.null.values'] ?? '').toUpperCase() === 'DELETE') {
    add('behavior.on.null.values', 'Deletes are not supported with data streams. behavior.on.null.values must not be DELETE when using data streams.');
  }
  if (/^true$/i.test(props['aws.sigv4.enabled'] ?? '') && (set('connection.username') || set('connection.password'))) {
    add('aws.sigv4.enabled', 'SigV4 signing and basic authentication exclude each other: unset connection.username and connection.password, or aws.sigv4.enabled.');
  }
  return errors;
}
