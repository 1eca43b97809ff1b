// A JDBC sink pipeline's flat config parsed once into a frozen, typed object (Confluent's JdbcSinkConfig).
import type { ConnectionSpec } from '../config/connectionUrl.js';
import type { QuoteMode } from '../dialects/Dialect.js';
import type { EpochUnit } from '../dialects/epochTimestamp.js';
import type { BulkLoadMode, BulkLoadSettings } from './bulkLoad/index.js';
import { ConfigError } from '../../../connect-api/errors.js';
import { connectionSpecOf, resolveDialect } from '../config/connectionKeys.js';
import { jdbcSinkConfigDef } from '../JdbcSinkConnector.js';
import type { DialectName } from '../DialectName.js';

export type InsertMode = 'insert' | 'upsert' | 'update';
export type PkMode = 'none' | 'kafka' | 'record_key' | 'record_value';

export interface JdbcSinkConfig {
  /** The connector name (`name`), quoted in Kafka's validation messages. */
  readonly connectorName: string;
  readonly dialect: DialectName;
  readonly connection: ConnectionSpec;
  readonly insertMode: InsertMode;
  readonly batchSize: number;
  readonly deleteEnabled: boolean;
  /** `table.name.format`, or its alias `table`; `${topic}` is replaced by the record's topic. */
  readonly tableNameFormat: string;
  readonly pkMode: PkMode;
  readonly pkFields: readonly string[];
  readonly fieldsWhitelist: readonly string[];
  /** `timestamp.fields.list`: fields holding epoch counts in `timestampPrecision`, written as timestamps. */
  readonly timestampFields: readonly string[];
  readonly timestampPrecision: EpochUnit;
  readonly replaceNullWithDefault: boolean;
  readonly autoCreate: boolean;
  readonly autoEvolve: boolean;
  readonly quoteIdentifiers: QuoteMode;
  readonly dbTimezone: string;
  readonly maxRetries: number;
  readonly retryBackoffMs: number;
  /** `bulk.load.mode` and `bulk.load.threshold`; the writer's defaults when absent. */
  readonly bulkLoad?: BulkLoadSettings;
}

/** Parses and checks the pipeline's config; `forcedDialect` is the database a vendor-named connector class implies. */
export function parseJdbcSinkConfig(props: Readonly<Record<string, string>>, forcedDialect?: DialectName): JdbcSinkConfig {
  const parsed = jdbcSinkConfigDef.parse(props);
  const dialect = resolveDialect(props, forcedDialect);
  const pkMode = parsed.getString('pk.mode')!.toLowerCase() as PkMode;
  const deleteEnabled = parsed.getBoolean('delete.enabled');
  if (deleteEnabled && pkMode !== 'record_key') {
    throw new ConfigError("Primary key mode must be 'record_key' when delete support is enabled", { key: 'delete.enabled' });
  }
  const alias = parsed.getString('table');
  const format = props['table.name.format'] !== undefined ? parsed.getString('table.name.format')! : alias ?? '${topic}';
  if (format.trim() === '') throw new ConfigError('Table name format may not be empty', { key: 'table.name.format' });
  return Object.freeze({
    connectorName: parsed.getString('name') ?? '',
    dialect,
    connection: connectionSpecOf(props, forcedDialect),
    insertMode: parsed.getString('insert.mode')!.toLowerCase() as InsertMode,
    batchSize: parsed.getInt('batch.size'),
    deleteEnabled,
    tableNameFormat: format,
    pkMode,
    pkFields: Object.freeze([...parsed.getList('pk.fields')]),
    fieldsWhitelist: Object.freeze([...parsed.getList('fields.whitelist')]),
    timestampFields: Object.freeze([...parsed.getList('timestamp.fields.list')]),
    timestampPrecision: parsed.getString('timestamp.precision.mode')!.toLowerCase() as EpochUnit,
    replaceNullWithDefault: parsed.getBoolean('replace.null.with.default'),
    autoCreate: parsed.getBoolean('auto.create'),
    autoEvolve: parsed.getBoolean('auto.evolve'),
    quoteIdentifiers: parsed.getString('quote.sql.identifiers')!.toLowerCase() as QuoteMode,
    dbTimezone: parsed.getString('db.timezone')!,
    maxRetries: parsed.getInt('max.retries'),
    retryBackoffMs: parsed.getInt('retry.backoff.ms'),
    bulkLoad: Object.freeze({ mode: parsed.getString('bulk.load.mode')!.toLowerCase() as BulkLoadMode, threshold: parsed.getInt('bulk.load.threshold') }),
  });
}
