// io.confluent.connect.jdbc.JdbcSourceConnector: the keys of Confluent's JdbcSourceConnectorConfig, and its checks.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import { sourceFrameworkConfigDef } from '../../runtime/config/frameworkConfig.js';
import { atLeast, oneOf, satisfies } from '../../connect-api/config/validators.js';
import type { DialectName } from './DialectName.js';
import { connectionKeys, resolveDialect } from './config/connectionKeys.js';
import { isolationError, sourceReadKeys } from './config/sourceReadKeys.js';
import { tableFilterKeys, validateTableFilters } from './config/tableFilterKeys.js';
import { mergeErrors, validateDialect } from './config/validateCommon.js';

const DATABASE = 'Database';
const MODE = 'Mode';
const CONNECTOR = 'Connector';

/** Confluent's topic.prefix validator: at most 249 characters (a topic name's limit), only [a-zA-Z0-9._-]. */
const topicPrefix = satisfies('ASCII alphanumerics, ., _ and -', (v) => {
  const trimmed = String(v ?? '').trim();
  if (trimmed.length > 249) return 'Topic prefix length must not exceed max topic name length, 249 chars';
  if (/[^a-zA-Z0-9._-]/.test(trimmed)) return "Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'.";
  return undefined;
});

export const JDBC_SOURCE_MODES = ['bulk', 'incrementing', 'timestamp', 'timestamp+incrementing'] as const;

export const jdbcSourceConfigDef = sourceFrameworkConfigDef.merge(
  new ConfigDef([
    ...connectionKeys,
    ...tableFilterKeys,
    ...sourceReadKeys,
    { name: 'table.whitelist', type: 'LIST', default: [], importance: 'MEDIUM', group: DATABASE, orderInGroup: 1, width: 'LONG', displayName: 'Table Whitelist', documentation: 'List of tables to include in copying. If specified, table.blacklist may not be set.' },
    { name: 'table.blacklist', type: 'LIST', default: [], importance: 'MEDIUM', group: DATABASE, orderInGroup: 2, width: 'LONG', displayName: 'Table Blacklist', documentation: 'List of tables to exclude from copying. If specified, table.whitelist may not be set.' },
    { name: 'schema.pattern', type: 'STRING', default: null, importance: 'MEDIUM', group: DATABASE, orderInGroup: 3, width: 'SHORT', displayName: 'Schema pattern', documentation: 'Schema (PostgreSQL, Oracle owner) or database (MySQL) in which to find tables; null means the connection default.' },
    { name: 'table.types', type: 'LIST', default: ['TABLE'], importance: 'LOW', group: DATABASE, orderInGroup: 4, width: 'SHORT', displayName: 'Table Types', documentation: 'Types of tables to include in copying: TABLE, VIEW.' },
    { name: 'mode', type: 'STRING', default: '', importance: 'HIGH', group: MODE, orderInGroup: 1, width: 'MEDIUM', displayName: 'Table Loading Mode', validator: oneOf(['', ...JDBC_SOURCE_MODES]), recommendedValues: [...JDBC_SOURCE_MODES], dependents: ['incrementing.column.name', 'timestamp.column.name', 'validate.non.null'], documentation: "The mode for updating a table each time it is polled: 'bulk' (whole table every poll), 'incrementing' (a strictly increasing column), 'timestamp' (a last-modified column), 'timestamp+incrementing' (both, the most robust)." },
    { name: 'incrementing.column.name', type: 'STRING', default: '', importance: 'MEDIUM', group: MODE, orderInGroup: 2, width: 'MEDIUM', displayName: 'Incrementing Column Name', documentation: 'The name of the strictly incrementing column used to detect new rows. Empty means the table\'s auto-increment column.' },
    { name: 'timestamp.column.name', type: 'LIST', default: [], importance: 'MEDIUM', group: MODE, orderInGroup: 3, width: 'MEDIUM', displayName: 'Timestamp Column Name', documentation: 'Comma-separated list of one or more timestamp columns used to detect new or modified rows (COALESCE of them in order).' },
    { name: 'timestamp.initial', type: 'LONG', default: null, importance: 'LOW', group: MODE, orderInGroup: 4, width: 'MEDIUM', displayName: 'Unix time value of initial timestamp', documentation: 'Epoch milliseconds used as the starting timestamp when no offset is stored; -1 uses the database current time. Unset reads from the beginning.' },
    { name: 'validate.non.null', type: 'BOOLEAN', default: true, importance: 'LOW', group: MODE, orderInGroup: 5, width: 'SHORT', displayName: 'Validate Non Null', documentation: 'Whether to fail when the timestamp or incrementing columns are nullable.' },
    { name: 'query', type: 'STRING', default: '', importance: 'MEDIUM', group: MODE, orderInGroup: 6, width: 'LONG', displayName: 'Query', documentation: 'If specified, the query to select new or updated rows (without WHERE or ORDER BY, which the mode appends). Whole-table settings may not be combined with it.' },
    { name: 'query.suffix', type: 'STRING', default: '', importance: 'LOW', group: MODE, orderInGroup: 7, width: 'MEDIUM', displayName: 'Query suffix', documentation: 'Suffix appended at the end of the generated query.' },
    { name: 'timestamp.delay.interval.ms', type: 'LONG', default: 0, importance: 'HIGH', group: CONNECTOR, orderInGroup: 1, width: 'MEDIUM', displayName: 'Delay Interval (ms)', validator: atLeast(0), documentation: 'How long to wait after a row with a certain timestamp appears before including it, so that transactions committing late are not missed.' },
    { name: 'poll.interval.ms', type: 'INT', default: 5000, importance: 'HIGH', group: CONNECTOR, orderInGroup: 2, width: 'SHORT', displayName: 'Poll Interval (ms)', validator: atLeast(1), documentation: 'Frequency in ms to poll for new data in each table. Below 60000 the scheduled task polls in a loop within one invocation.' },
    { name: 'batch.max.rows', type: 'INT', default: 100, importance: 'LOW', group: CONNECTOR, orderInGroup: 3, width: 'SHORT', displayName: 'Max Rows Per Batch', validator: atLeast(1), documentation: 'Maximum number of rows to include in a single batch when polling for new data.' },
    { name: 'topic.prefix', type: 'STRING', default: '', validator: topicPrefix, importance: 'HIGH', group: CONNECTOR, orderInGroup: 4, width: 'MEDIUM', displayName: 'Topic Prefix', documentation: 'Prefix to prepend to table names to generate the topic name; in query mode, the full topic name.' },
    { name: 'numeric.mapping', type: 'STRING', default: null, importance: 'LOW', group: DATABASE, orderInGroup: 5, width: 'SHORT', displayName: 'Map Numeric Values By Precision', validator: oneOf(['none', 'precision_only', 'best_fit', 'best_fit_eager_double']), recommendedValues: ['none', 'precision_only', 'best_fit', 'best_fit_eager_double'], documentation: 'How NUMERIC/DECIMAL columns map to Connect types.' },
  ]),
);

export function validateJdbcSource(props: Readonly<Record<string, string>>, forced?: DialectName): Map<string, string[]> {
  const errors = mergeErrors(validateDialect(props, forced));
  const add = (key: string, message: string) => errors.set(key, [...(errors.get(key) ?? []), message]);
  const mode = props['mode'] ?? '';
  const set = (k: string) => (props[k] ?? '').trim() !== '';
  if (mode === '') add('mode', 'Query mode must be specified');
  if ((mode === 'timestamp' || mode === 'timestamp+incrementing') && !set('timestamp.column.name') && !set('timestamp.columns.mapping')) {
    add('timestamp.column.name', `Mode ${mode} requires timestamp.column.name`);
  }
  if (mode === 'incrementing' || mode === 'timestamp+incrementing') {
    if (set('query') && !set('incrementing.column.name')) add('incrementing.column.name', `Mode ${mode} with a query requires incrementing.column.name`);
  }
  validateTableFilters(props, add);
  const isolation = (props['transaction.isolation.mode'] ?? 'DEFAULT').trim();
  if (!errors.has('connection.url') && (props['connection.url'] ?? '').trim() !== '' && !errors.has('dialect.name')) {
    const problem = isolationError(resolveDialect(props, forced), isolation);
    if (problem) add('transaction.isolation.mode', problem);
  }
  return errors;
}
