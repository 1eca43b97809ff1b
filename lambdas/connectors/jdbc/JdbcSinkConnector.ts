// io.confluent.connect.jdbc.JdbcSinkConnector: the keys of Confluent's JdbcSinkConfig, and its cross-key checks.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import { sinkFrameworkConfigDef } from '../../runtime/config/frameworkConfig.js';
import { atLeast, oneOf } from '../../connect-api/config/validators.js';
import type { DialectName } from './DialectName.js';
import { connectionKeys } from './config/connectionKeys.js';
import { validateDialect } from './config/validateCommon.js';
import { DEFAULT_BULK_LOAD_THRESHOLD } from './sink/bulkLoad/index.js';

const WRITES = 'Writes';
const DATA_MAPPING = 'Data Mapping';
const DDL = 'DDL Support';
const RETRIES = 'Retries';

export const jdbcSinkConfigDef = sinkFrameworkConfigDef.merge(
  new ConfigDef([
    ...connectionKeys,
    { name: 'insert.mode', type: 'STRING', default: 'insert', importance: 'HIGH', group: WRITES, orderInGroup: 1, width: 'MEDIUM', displayName: 'Insert Mode', validator: oneOf(['insert', 'upsert', 'update'], { caseInsensitive: true }), recommendedValues: ['insert', 'upsert', 'update'], documentation: "The insertion mode to use. 'insert': standard INSERT; 'upsert': INSERT ... ON CONFLICT / ON DUPLICATE KEY UPDATE / MERGE, idempotent on the primary key; 'update': UPDATE of existing rows." },
    { name: 'batch.size', type: 'INT', default: 3000, importance: 'MEDIUM', group: WRITES, orderInGroup: 2, width: 'SHORT', displayName: 'Batch Size', validator: atLeast(1), documentation: 'Maximum number of records written in one statement (multi-row statement or driver batch). One event source mapping batch is always one transaction.' },
    { name: 'bulk.load.mode', type: 'STRING', default: 'auto', importance: 'LOW', group: WRITES, orderInGroup: 4, width: 'SHORT', displayName: 'Bulk Load Mode', validator: oneOf(['auto', 'always', 'never'], { caseInsensitive: true }), recommendedValues: ['auto', 'always', 'never'], documentation: "PostgreSQL and MySQL/MariaDB: write large batches with COPY ... FROM STDIN / LOAD DATA LOCAL INFILE into a temporary staging table, then one INSERT ... SELECT (ON CONFLICT / ON DUPLICATE KEY UPDATE), UPDATE ... FROM or DELETE ... USING, in the batch's transaction. 'auto': on PostgreSQL, for statements of at least bulk.load.threshold rows (on MySQL/MariaDB LOAD DATA measured no faster than multi-row statements, so auto keeps them there); 'always': for every statement, on both; 'never': multi-row statements only. A batch the bulk path fails to write is written again through the multi-row statements, whose outcome and errors stand. Array columns and Oracle always use the multi-row statements." },
    { name: 'bulk.load.threshold', type: 'INT', default: DEFAULT_BULK_LOAD_THRESHOLD, importance: 'LOW', group: WRITES, orderInGroup: 5, width: 'SHORT', displayName: 'Bulk Load Threshold', validator: atLeast(1), documentation: 'With bulk.load.mode=auto, the fewest rows for one table (after the collapse per key) that take the bulk path; the default is where COPY stayed faster than multi-row statements on PostgreSQL in bench/bulkLoad.bench.ts.' },
    { name: 'delete.enabled', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: WRITES, orderInGroup: 3, width: 'SHORT', displayName: 'Enable deletes', documentation: "Whether to treat null record values (tombstones) as deletes. Requires pk.mode to be 'record_key'." },
    { name: 'table.name.format', type: 'STRING', default: '${topic}', importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 1, width: 'LONG', displayName: 'Table Name Format', documentation: "A format string for the destination table name, which may contain '${topic}' for the originating topic name, e.g. kafka_${topic}. May be schema-qualified (sales.orders)." },
    { name: 'table', type: 'STRING', default: null, importance: 'LOW', group: DATA_MAPPING, orderInGroup: 2, width: 'LONG', displayName: 'Table', documentation: 'Alias of table.name.format (Sluice accepts the key many connector examples use).' },
    { name: 'table.types', type: 'LIST', default: ['TABLE'], importance: 'LOW', group: DATA_MAPPING, orderInGroup: 3, width: 'SHORT', displayName: 'Table Types', recommendedValues: ['TABLE', 'VIEW', 'PARTITIONED_TABLE'], documentation: 'The type of table the destination is: TABLE, VIEW or PARTITIONED_TABLE.' },
    { name: 'pk.mode', type: 'STRING', default: 'none', importance: 'HIGH', group: DATA_MAPPING, orderInGroup: 4, width: 'MEDIUM', displayName: 'Primary Key Mode', validator: oneOf(['none', 'kafka', 'record_key', 'record_value'], { caseInsensitive: true }), recommendedValues: ['none', 'kafka', 'record_key', 'record_value'], documentation: "The primary key mode: 'none' (no key), 'kafka' (topic, partition and offset), 'record_key' (fields of the record key), 'record_value' (fields of the record value)." },
    { name: 'pk.fields', type: 'LIST', default: [], importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 5, width: 'LONG', displayName: 'Primary Key Fields', documentation: 'List of comma-separated primary key field names; their meaning depends on pk.mode (see the README).' },
    { name: 'fields.whitelist', type: 'LIST', default: [], importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 6, width: 'LONG', displayName: 'Fields Whitelist', documentation: 'List of comma-separated record value field names to write. If empty, all fields are used.' },
    { name: 'timestamp.fields.list', type: 'LIST', default: [], importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 8, width: 'MEDIUM', displayName: 'Timestamp Fields Whitelist', documentation: 'List of comma-separated record value field names (INT64 or STRING holding an epoch count) to write as timestamps, read per timestamp.precision.mode; auto.create makes their columns TIMESTAMP (DATETIME(6) on MySQL). Nested fields are not supported.' },
    { name: 'timestamp.precision.mode', type: 'STRING', default: 'microseconds', importance: 'LOW', group: DATA_MAPPING, orderInGroup: 9, width: 'MEDIUM', displayName: 'Sink Timestamp Precision mode', validator: oneOf(['microseconds', 'nanoseconds'], { caseInsensitive: true }), recommendedValues: ['microseconds', 'nanoseconds'], documentation: 'The unit of the timestamp.fields.list fields: epoch microseconds or epoch nanoseconds.' },
    { name: 'replace.null.with.default', type: 'BOOLEAN', default: true, importance: 'LOW', group: DATA_MAPPING, orderInGroup: 7, width: 'SHORT', displayName: 'Replace null with default', documentation: 'Whether to bind the schema default of a field whose value is null.' },
    { name: 'auto.create', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: DDL, orderInGroup: 1, width: 'SHORT', displayName: 'Auto-Create', documentation: 'Whether to automatically create the destination table (CREATE TABLE) based on the record schema if it is missing.' },
    { name: 'auto.evolve', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: DDL, orderInGroup: 2, width: 'SHORT', displayName: 'Auto-Evolve', documentation: 'Whether to automatically add missing columns (ALTER TABLE ADD, nullable) when the record schema has new fields.' },
    { name: 'max.retries', type: 'INT', default: 10, importance: 'MEDIUM', group: RETRIES, orderInGroup: 1, width: 'SHORT', displayName: 'Maximum Retries', validator: atLeast(0), documentation: 'The maximum number of times to retry a failed batch write within one invocation before the invocation fails and the event source mapping redelivers it.' },
    { name: 'retry.backoff.ms', type: 'INT', default: 3000, importance: 'MEDIUM', group: RETRIES, orderInGroup: 2, width: 'SHORT', displayName: 'Retry Backoff (millis)', validator: atLeast(0), documentation: 'The time in milliseconds to wait following an error before a retry attempt is made.' },
  ]),
);

/**
 * Cross-key checks of the JDBC sink, with the messages Confluent's connector gives. The framework's own checks (topics
 * or topics.regex, the DLQ topic) run for every sink connector in runtime/connector/validateConfig.ts.
 */
export function validateJdbcSink(props: Readonly<Record<string, string>>, forced?: DialectName): Map<string, string[]> {
  const errors = validateDialect(props, forced);
  const add = (key: string, message: string) => errors.set(key, [...(errors.get(key) ?? []), message]);
  const pkMode = (props['pk.mode'] ?? 'none').toLowerCase();
  const insertMode = (props['insert.mode'] ?? 'insert').toLowerCase();
  const pkFields = (props['pk.fields'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (/^true$/i.test(props['delete.enabled'] ?? '') && pkMode !== 'record_key') {
    add('delete.enabled', 'Deletes are only supported for pk.mode record_key');
    add('pk.mode', 'Deletes are only supported for pk.mode record_key');
  }
  if ((insertMode === 'upsert' || insertMode === 'update') && pkMode === 'none') {
    add('pk.mode', `Write in ${insertMode.toUpperCase()} mode requires key field names to be known, check the primary key configuration: pk.mode must not be none`);
  }
  if (pkMode === 'kafka' && pkFields.length !== 0 && pkFields.length !== 3) {
    add('pk.fields', 'PK mode for table is KAFKA so there should either be no field names defined for defaults __connect_topic, __connect_partition, __connect_offset to be applicable, or exactly 3');
  }
  const table = props['table'];
  const format = props['table.name.format'];
  if (table !== undefined && format !== undefined && table !== format) {
    add('table', `table is an alias of table.name.format; they disagree ('${table}' vs '${format}'): set only one`);
  }
  const effective = format ?? table ?? '${topic}';
  if (effective.trim() === '') add(format !== undefined ? 'table.name.format' : 'table', 'Table name format may not be empty');
  return errors;
}
