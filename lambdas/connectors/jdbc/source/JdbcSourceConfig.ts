// The JDBC source's settings, parsed once per pipeline version into a frozen, typed object (Kafka's
// JdbcSourceConnectorConfig + JdbcSourceTaskConfig), plus the framework's errors.* keys the task needs.
import type { ConnectionSpec } from '../config/connectionUrl.js';
import type { QuoteMode, SourceMode } from '../dialects/Dialect.js';
import { ConfigError } from '../../../connect-api/errors.js';
import type { Tolerance } from '../../../runtime/errorhandling/ToleranceOperator.js';
import { connectionSpecOf, resolveDialect } from '../config/connectionKeys.js';
import { jdbcSourceConfigDef, validateJdbcSource } from '../JdbcSourceConnector.js';
import type { DialectName } from '../DialectName.js';
import type { NumericMapping } from './columnMapping.js';
import { type ColumnMapping, fullMatch, parseColumnMappings } from './tableSelection.js';
import type { IsolationMode, TimestampGranularity } from '../config/sourceReadKeys.js';

export interface JdbcSourceConfig {
  readonly name: string;
  readonly dialect: DialectName;
  readonly connection: ConnectionSpec;
  readonly connectionAttempts: number;
  readonly connectionBackoffMs: number;
  readonly mode: SourceMode;
  /** '' = the table's auto-increment column (table mode). */
  readonly incrementingColumn: string;
  readonly timestampColumns: readonly string[];
  /** Epoch ms; -1 = DB now; undefined = the epoch. */
  readonly timestampInitial: number | undefined;
  readonly timestampDelayMs: number;
  readonly validateNonNull: boolean;
  /** '' in table mode. */
  readonly query: string;
  readonly querySuffix: string;
  readonly whitelist: readonly string[];
  readonly blacklist: readonly string[];
  /** table.include.list / table.exclude.list, as whole-name regexes. */
  readonly includeList: readonly RegExp[];
  readonly excludeList: readonly RegExp[];
  /** incrementing.column.mapping / timestamp.columns.mapping. */
  readonly incrementingMapping: readonly ColumnMapping[];
  readonly timestampMapping: readonly ColumnMapping[];
  readonly schemaPattern: string | undefined;
  readonly tableTypes: readonly string[];
  readonly pollIntervalMs: number;
  readonly batchMaxRows: number;
  readonly topicPrefix: string;
  readonly numericMapping: NumericMapping;
  readonly timestampGranularity: TimestampGranularity;
  /** query.retry.attempts: retries of a transient query error; -1 without limit (until the invocation's deadline). */
  readonly queryRetryAttempts: number;
  /** transaction.isolation.mode; DEFAULT leaves the database's level. */
  readonly isolationMode: IsolationMode;
  readonly timezone: string;
  readonly quoteIdentifiers: QuoteMode;
  readonly tolerance: Tolerance;
  readonly logErrors: boolean;
  readonly logIncludeMessages: boolean;
}

/** Parses and validates a (secret-resolved) source config; throws ConfigError naming the first bad key. */
export function parseJdbcSourceConfig(props: Readonly<Record<string, string>>, forcedDialect?: DialectName): JdbcSourceConfig {
  const errors = validateJdbcSource(props, forcedDialect);
  for (const [key, messages] of errors) if (messages.length > 0) throw new ConfigError(messages[0]!, { key });
  const c = jdbcSourceConfigDef.parse(props);
  const initial = props['timestamp.initial'] !== undefined && props['timestamp.initial'].trim() !== '' ? c.getLong('timestamp.initial') : undefined;
  if (initial !== undefined && initial < -1) throw new ConfigError(`Invalid value ${initial} for configuration timestamp.initial: must be -1 or epoch milliseconds`, { key: 'timestamp.initial' });
  const numeric = c.getString('numeric.mapping');
  const legacyPrecision = (props['numeric.precision.mapping'] ?? '').trim().toLowerCase() === 'true';
  return Object.freeze({
    name: c.getString('name')!,
    dialect: resolveDialect(props, forcedDialect),
    connection: connectionSpecOf(props, forcedDialect),
    connectionAttempts: c.getInt('connection.attempts'),
    connectionBackoffMs: c.getLong('connection.backoff.ms'),
    mode: c.getString('mode') as SourceMode,
    incrementingColumn: (c.getString('incrementing.column.name') ?? '').trim(),
    timestampColumns: c.getList('timestamp.column.name').filter((s) => s !== ''),
    timestampInitial: initial,
    timestampDelayMs: c.getLong('timestamp.delay.interval.ms'),
    validateNonNull: c.getBoolean('validate.non.null'),
    query: (c.getString('query') ?? '').trim(),
    querySuffix: (c.getString('query.suffix') ?? '').trim(),
    whitelist: c.getList('table.whitelist').filter((s) => s !== ''),
    blacklist: c.getList('table.blacklist').filter((s) => s !== ''),
    includeList: c.getList('table.include.list').filter((s) => s !== '').map(fullMatch),
    excludeList: c.getList('table.exclude.list').filter((s) => s !== '').map(fullMatch),
    incrementingMapping: parseColumnMappings('incrementing.column.mapping', c.getList('incrementing.column.mapping').filter((s) => s !== ''), false),
    timestampMapping: parseColumnMappings('timestamp.columns.mapping', c.getList('timestamp.columns.mapping').filter((s) => s !== ''), true),
    schemaPattern: c.getString('schema.pattern') ?? undefined,
    tableTypes: c.getList('table.types').map((t) => t.toUpperCase()),
    pollIntervalMs: c.getInt('poll.interval.ms'),
    batchMaxRows: c.getInt('batch.max.rows'),
    topicPrefix: c.getString('topic.prefix') ?? '',
    numericMapping: (numeric ?? (legacyPrecision ? 'precision_only' : 'none')) as NumericMapping,
    queryRetryAttempts: c.getInt('query.retry.attempts'),
    timestampGranularity: (c.getString('timestamp.granularity') ?? 'connect_logical').toLowerCase() as TimestampGranularity,
    isolationMode: (c.getString('transaction.isolation.mode') ?? 'DEFAULT') as IsolationMode,
    timezone: c.getString('db.timezone') ?? 'UTC',
    quoteIdentifiers: (c.getString('quote.sql.identifiers') ?? 'always').toLowerCase() as QuoteMode,
    tolerance: c.getString('errors.tolerance') as Tolerance,
    logErrors: c.getBoolean('errors.log.enable'),
    logIncludeMessages: c.getBoolean('errors.log.include.messages'),
  });
}

/** True for the modes whose query has a timestamp upper bound (DB now − delay). */
export function usesTimestamp(mode: SourceMode): boolean {
  return mode === 'timestamp' || mode === 'timestamp+incrementing';
}

export function usesIncrementing(mode: SourceMode): boolean {
  return mode === 'incrementing' || mode === 'timestamp+incrementing';
}
