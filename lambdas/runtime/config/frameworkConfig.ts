// Kafka Connect's framework keys (ConnectorConfig, SinkConnectorConfig, SourceConnectorConfig), shared by every connector.
import { ConfigDef, type ConfigKey } from '../../connect-api/config/ConfigDef.js';
import { legalTopicNameOrEmpty, legalTopicNames } from './topicNames.js';
import { DEFAULT_BATCHING_WINDOW_MS, DEFAULT_ESM_BATCH_SIZE } from '../lifecycle/desired.js';
import { METRICS_LEVEL_KEY, METRICS_LEVELS, DEFAULT_METRICS_LEVEL } from '../metricSchema.js';
import { atLeast, between, nonEmptyStringWithoutControlChars, oneOf, validRegex } from '../../connect-api/config/validators.js';

const COMMON = 'Common';
const TRANSFORMS = 'Transforms';
const PREDICATES = 'Predicates';
const ERRORS = 'Error Handling';

const commonKeys: ConfigKey[] = [
  { name: 'name', type: 'STRING', importance: 'HIGH', group: COMMON, orderInGroup: 1, width: 'MEDIUM', displayName: 'Connector name', validator: nonEmptyStringWithoutControlChars, documentation: 'Globally unique name to use for this connector.' },
  { name: 'connector.class', type: 'STRING', importance: 'HIGH', group: COMMON, orderInGroup: 2, width: 'LONG', displayName: 'Connector class', documentation: 'Name or alias of the class for this connector, e.g. io.confluent.connect.jdbc.JdbcSinkConnector, JdbcSink, or a vendor-style name such as com.example.OracleSinkConnector (whose simple name names the database).' },
  { name: 'tasks.max', type: 'INT', default: 1, importance: 'HIGH', group: COMMON, orderInGroup: 3, width: 'SHORT', displayName: 'Tasks max', validator: atLeast(1), documentation: 'Maximum number of tasks to use for this connector. Sluice accepts it for compatibility; Lambda and the event source mapping decide the actual parallelism.' },
  { name: 'key.converter', type: 'CLASS', default: null, importance: 'LOW', group: COMMON, orderInGroup: 4, width: 'SHORT', displayName: 'Key converter class', documentation: 'Converter class used to convert between Kafka Connect format and the serialized form written to Kafka (keys). Default: org.apache.kafka.connect.storage.StringConverter.' },
  { name: 'value.converter', type: 'CLASS', default: null, importance: 'LOW', group: COMMON, orderInGroup: 5, width: 'SHORT', displayName: 'Value converter class', documentation: 'Converter class for record values. Default: org.apache.kafka.connect.json.JsonConverter with schemas.enable=true.' },
  { name: 'header.converter', type: 'CLASS', default: null, importance: 'LOW', group: COMMON, orderInGroup: 6, width: 'SHORT', displayName: 'Header converter class', documentation: 'HeaderConverter class for record headers. Default: org.apache.kafka.connect.storage.SimpleHeaderConverter.' },
  { name: 'config.action.reload', type: 'STRING', default: 'restart', importance: 'LOW', group: COMMON, orderInGroup: 7, width: 'MEDIUM', displayName: 'Reload Action', validator: oneOf(['none', 'restart'], { caseInsensitive: true }), recommendedValues: ['none', 'restart'], documentation: 'Action to take when a configuration provider value changes: none or restart.' },
  { name: 'transforms', type: 'LIST', default: [], importance: 'LOW', group: TRANSFORMS, orderInGroup: 1, width: 'LONG', displayName: 'Transforms', documentation: 'Aliases for the transformations to be applied to records, in order.' },
  { name: 'predicates', type: 'LIST', default: [], importance: 'LOW', group: PREDICATES, orderInGroup: 1, width: 'LONG', displayName: 'Predicates', documentation: 'Aliases for the predicates used by transformations.' },
  { name: 'errors.retry.timeout', type: 'LONG', default: 0, importance: 'MEDIUM', group: ERRORS, orderInGroup: 1, width: 'MEDIUM', displayName: 'Retry Timeout for Errors', validator: atLeast(-1), documentation: 'Maximum duration in milliseconds that a failed operation is retried. 0 means no retries, -1 infinite retries.' },
  { name: 'errors.retry.delay.max.ms', type: 'LONG', default: 60000, importance: 'MEDIUM', group: ERRORS, orderInGroup: 2, width: 'MEDIUM', displayName: 'Maximum Delay Between Retries for Errors', validator: atLeast(1), documentation: 'Maximum duration in milliseconds between consecutive retry attempts; jitter is added to prevent thundering herds.' },
  { name: 'errors.tolerance', type: 'STRING', default: 'none', importance: 'MEDIUM', group: ERRORS, orderInGroup: 3, width: 'SHORT', displayName: 'Error Tolerance', validator: oneOf(['none', 'all']), recommendedValues: ['none', 'all'], documentation: "Behavior for tolerating errors during connector operation. 'none' fails the task on any error; 'all' skips problematic records (sending them to the dead letter queue when one is set)." },
  { name: 'errors.log.enable', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: ERRORS, orderInGroup: 4, width: 'SHORT', displayName: 'Log Errors', documentation: 'If true, write each error and the details of the failed operation and problematic record to the log.' },
  { name: 'errors.log.include.messages', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: ERRORS, orderInGroup: 5, width: 'SHORT', displayName: 'Log Error Details', documentation: 'Whether to include in the log the record that caused a failure (topic, partition, offset, timestamp for sinks).' },
];

const sinkKeys: ConfigKey[] = [
  { name: 'topics', type: 'LIST', default: [], importance: 'HIGH', group: COMMON, orderInGroup: 4, width: 'LONG', displayName: 'Topics', validator: legalTopicNames, documentation: 'List of topics to consume, separated by commas.' },
  { name: 'topics.regex', type: 'STRING', default: '', importance: 'HIGH', group: COMMON, orderInGroup: 4, width: 'LONG', displayName: 'Topics regex', validator: validRegex, documentation: 'Regular expression giving topics to consume (full match). Only one of topics or topics.regex should be specified.' },
  { name: 'errors.deadletterqueue.topic.name', type: 'STRING', default: '', importance: 'MEDIUM', group: ERRORS, orderInGroup: 6, width: 'MEDIUM', displayName: 'Dead Letter Queue Topic Name', validator: legalTopicNameOrEmpty, documentation: 'The name of the topic to be used as the dead letter queue (DLQ) for records that fail conversion, transformation or writing. Empty disables the DLQ.' },
  { name: 'errors.deadletterqueue.topic.replication.factor', type: 'SHORT', default: 3, importance: 'MEDIUM', group: ERRORS, orderInGroup: 7, width: 'MEDIUM', displayName: 'Dead Letter Queue Topic Replication Factor', documentation: 'Replication factor used to create the dead letter queue topic when it does not already exist.' },
  { name: 'errors.deadletterqueue.context.headers.enable', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: ERRORS, orderInGroup: 8, width: 'MEDIUM', displayName: 'Enable Error Context Headers', documentation: 'If true, add __connect.errors.* headers with the error context to records written to the dead letter queue.' },
];

const SLUICE = 'Sluice';

/** Sluice's own keys: how the MSK event source mapping feeds a sink pipeline (ESM parameters, see aws-notes §1.2). */
const esmKeys: ConfigKey[] = [
  { name: 'sluice.esm.batch.size', type: 'INT', default: DEFAULT_ESM_BATCH_SIZE, importance: 'MEDIUM', group: SLUICE, orderInGroup: 1, width: 'SHORT', displayName: 'Records per invocation', validator: between(1, 10000), documentation: "The event source mapping's BatchSize: the most records one sink invocation receives (Kafka Connect's max.poll.records). Also bounded by Lambda's 6 MB payload. Matters only when records arrive faster than batch size / window: bigger batches mean fewer invocations (each has a fixed cost) but a bigger batch to redeliver after a failure; see README, Cost." },
  { name: 'sluice.esm.batching.window.ms', type: 'INT', default: DEFAULT_BATCHING_WINDOW_MS, importance: 'MEDIUM', group: SLUICE, orderInGroup: 2, width: 'SHORT', displayName: 'Batching window (ms)', validator: between(0, 300000), documentation: "The event source mapping's MaximumBatchingWindowInSeconds, in milliseconds (rounded up to whole seconds in AWS): how long records are gathered before an invocation. At low traffic it is both the latency a record may wait and, with the batch size, the number of invocations: at 1M records/day a 1000 ms window costs about twice as much per record as 2000 ms, and 5000 ms less again; 0 invokes as soon as records arrive. See README, Cost." },
  { name: 'sluice.esm.starting.position', type: 'STRING', default: 'TRIM_HORIZON', importance: 'LOW', group: SLUICE, orderInGroup: 3, width: 'SHORT', displayName: 'Starting position', validator: oneOf(['TRIM_HORIZON', 'LATEST']), recommendedValues: ['TRIM_HORIZON', 'LATEST'], documentation: 'Where a new consumer group starts: TRIM_HORIZON (earliest, as Kafka Connect sinks) or LATEST. Fixed when the mapping is created.' },
  { name: METRICS_LEVEL_KEY, type: 'STRING', default: DEFAULT_METRICS_LEVEL, importance: 'LOW', group: SLUICE, orderInGroup: 4, width: 'SHORT', displayName: 'Metrics level', validator: oneOf([...METRICS_LEVELS]), recommendedValues: [...METRICS_LEVELS], documentation: "Which CloudWatch metrics the sink publishes per pipeline (each one a custom metric, $0.30 a month): 'basic' publishes RecordsWritten, RecordsFailed and RecordsDeadLettered; 'detailed' adds RecordsReceived, RecordsFiltered, BatchLatency and WriteLatency (Lambda's own Duration metric of the pipeline's alias, free, gives the batch latency too)." },
];

const sourceKeys: ConfigKey[] = [
  { name: 'topic.creation.groups', type: 'LIST', default: [], importance: 'LOW', group: 'Topic Creation', orderInGroup: 1, width: 'LONG', displayName: 'Topic Creation Groups', documentation: 'Groups of configurations for topics created by source connectors.' },
  { name: 'exactly.once.support', type: 'STRING', default: 'requested', importance: 'MEDIUM', group: COMMON, orderInGroup: 8, width: 'SHORT', displayName: 'Exactly once support', validator: oneOf(['requested', 'required'], { caseInsensitive: true }), recommendedValues: ['requested', 'required'], documentation: 'Accepted for compatibility. Sluice sources are at-least-once with an idempotent producer: offsets are saved only after the broker acknowledged the records.' },
];

export const commonConfigDef = new ConfigDef(commonKeys);
export const sinkFrameworkConfigDef = new ConfigDef([...commonKeys, ...sinkKeys, ...esmKeys]);
export const sourceFrameworkConfigDef = new ConfigDef([...commonKeys, ...sourceKeys]);

/** Kafka's exact sink validation: one of topics / topics.regex, and the DLQ topic is not consumed. */
export function validateSinkTopics(props: Readonly<Record<string, string>>): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  const add = (key: string, message: string) => errors.set(key, [...(errors.get(key) ?? []), message]);
  const topics = (props['topics'] ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  const regex = (props['topics.regex'] ?? '').trim();
  const dlq = (props['errors.deadletterqueue.topic.name'] ?? '').trim();
  if (topics.length > 0 && regex !== '') {
    const m = 'topics and topics.regex are mutually exclusive options, but both are set.';
    add('topics', m);
    add('topics.regex', m);
  } else if (topics.length === 0 && regex === '') {
    const m = 'Must configure one of topics or topics.regex';
    add('topics', m);
    add('topics.regex', m);
  }
  if (dlq !== '' && topics.includes(dlq)) {
    add('errors.deadletterqueue.topic.name', `The DLQ topic '${dlq}' may not be included in the list of topics ('topics=[${topics.join(', ')}]') consumed by the connector`);
  }
  if (dlq !== '' && regex !== '') {
    let matches = false;
    try {
      matches = new RegExp(`^(?:${regex})$`).test(dlq);
    } catch {
      // an invalid regex is reported by its own validator
    }
    if (matches) add('errors.deadletterqueue.topic.name', `The DLQ topic '${dlq}' may not be matched by the regex for the topics ('topics.regex=${regex}') consumed by the connector`);
  }
  return errors;
}
