// How the JDBC source reads: timestamp.granularity (how TIMESTAMP columns appear in records) and
// transaction.isolation.mode (the session isolation level of its queries), as Confluent's JdbcSourceConnectorConfig
// defines them.
import type { ConfigKey } from '../../../connect-api/config/ConfigDef.js';
import { atLeast, oneOf } from '../../../connect-api/config/validators.js';

export const TIMESTAMP_GRANULARITIES = ['connect_logical', 'micros_long', 'micros_string', 'micros_iso_datetime_string', 'nanos_long', 'nanos_string', 'nanos_iso_datetime_string'] as const;
export type TimestampGranularity = (typeof TIMESTAMP_GRANULARITIES)[number];

export const ISOLATION_MODES = ['DEFAULT', 'READ_UNCOMMITTED', 'READ_COMMITTED', 'REPEATABLE_READ', 'SERIALIZABLE', 'SQL_SERVER_SNAPSHOT'] as const;
export type IsolationMode = (typeof ISOLATION_MODES)[number];

export const sourceReadKeys: ConfigKey[] = [
  {
    name: 'query.retry.attempts',
    type: 'INT',
    default: -1,
    validator: atLeast(-1),
    importance: 'LOW',
    group: 'Mode',
    orderInGroup: 11,
    width: 'MEDIUM',
    displayName: 'Query Retry Attempts',
    documentation: 'Number of times to retry a transient database error (lost connection, deadlock, serialization failure) of a query before the task fails; -1 retries until the invocation ends, and the next one goes on.',
  },
  {
    name: 'timestamp.granularity',
    type: 'STRING',
    default: 'connect_logical',
    validator: oneOf(TIMESTAMP_GRANULARITIES, { caseInsensitive: true }),
    recommendedValues: TIMESTAMP_GRANULARITIES,
    importance: 'LOW',
    group: 'Connector',
    orderInGroup: 5,
    width: 'MEDIUM',
    displayName: 'Timestamp granularity for timestamp columns',
    documentation:
      "How TIMESTAMP columns appear in records: connect_logical (Connect's Timestamp, milliseconds), micros_long / nanos_long (epoch microseconds / nanoseconds as INT64), micros_string / nanos_string (the same as a string), micros_iso_datetime_string / nanos_iso_datetime_string ('yyyy-MM-ddTHH:mm:ss.SSSSSS[SSS]' in db.timezone).",
  },
  {
    name: 'transaction.isolation.mode',
    type: 'STRING',
    default: 'DEFAULT',
    validator: oneOf(ISOLATION_MODES),
    recommendedValues: ISOLATION_MODES,
    importance: 'LOW',
    group: 'Mode',
    orderInGroup: 10,
    width: 'MEDIUM',
    displayName: 'Transaction Isolation Mode',
    documentation:
      "The isolation level of the source's queries: DEFAULT (the database's), READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE. Oracle supports READ_COMMITTED and SERIALIZABLE; SQL_SERVER_SNAPSHOT only SQL Server, which Sluice does not support.",
  },
];

/** Isolation levels each dialect can set; others are a validation error on transaction.isolation.mode. */
export function isolationError(dialect: string, mode: string): string | undefined {
  if (mode === 'DEFAULT') return undefined;
  if (mode === 'SQL_SERVER_SNAPSHOT') return 'Isolation mode of `SQL_SERVER_SNAPSHOT` can only be configured with a Sql Server Dialect';
  if (dialect === 'oracle' && mode !== 'READ_COMMITTED' && mode !== 'SERIALIZABLE') return `Isolation mode ${mode} is not supported by Oracle (READ_COMMITTED or SERIALIZABLE)`;
  return undefined;
}
