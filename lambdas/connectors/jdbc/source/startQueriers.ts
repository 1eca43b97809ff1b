// Task start (JdbcSourceTask.start): one querier per discovered table, or one for the custom query, with the
// tracking columns resolved and, under validate.non.null, checked to be NOT NULL.
import type { Dialect } from '../dialects/Dialect.js';
import type { Zone } from '../dialects/temporal.js';
import { ConfigError } from '../../../connect-api/errors.js';
import { type JdbcSourceConfig, usesIncrementing, usesTimestamp } from './JdbcSourceConfig.js';
import type { SourceConnection } from './SourceSql.js';
import { autoIncrementColumn, type DiscoveredTable, describeColumns, discoverTables } from './tableDiscovery.js';
import { TableQuerier } from './TableQuerier.js';
import { mappedColumns } from './tableSelection.js';

export async function buildQueriers(conn: SourceConnection, dialect: Dialect, config: JdbcSourceConfig, zone: Zone): Promise<TableQuerier[]> {
  if (config.query !== '') return [new TableQuerier(config, dialect, zone, { incrementingColumn: config.incrementingColumn })];
  const tables = await discoverTables(conn, dialect, config);
  const out: TableQuerier[] = [];
  for (const table of tables) {
    const nullability = await describeColumns(conn, dialect, table.id);
    const own = tableConfig(config, table);
    const inc = usesIncrementing(config.mode) ? own.incrementingColumn || (await autoIncrementColumn(conn, dialect, table)) : '';
    if (config.validateNonNull) validateNonNull(table, nullability, own, inc);
    out.push(new TableQuerier(own, dialect, zone, { table, incrementingColumn: inc, nullability }));
  }
  return out;
}

/** The config with this table's tracking columns, when incrementing.column.mapping / timestamp.columns.mapping give them. */
function tableConfig(config: JdbcSourceConfig, table: DiscoveredTable): JdbcSourceConfig {
  const inc = usesIncrementing(config.mode) && config.incrementingMapping.length > 0 ? mappedColumns('incrementing.column.mapping', config.incrementingMapping, table.qualifiedName)[0]! : undefined;
  const ts = usesTimestamp(config.mode) && config.timestampMapping.length > 0 ? mappedColumns('timestamp.columns.mapping', config.timestampMapping, table.qualifiedName) : undefined;
  if (inc === undefined && ts === undefined) return config;
  return Object.freeze({ ...config, ...(inc !== undefined ? { incrementingColumn: inc } : {}), ...(ts !== undefined ? { timestampColumns: ts } : {}) });
}

function lookup(columns: ReadonlyMap<string, boolean>, name: string): boolean | undefined {
  if (columns.has(name)) return columns.get(name);
  for (const [k, v] of columns) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

/** Kafka's JdbcSourceTask.validateNonNullable: the tracking columns must exist and be NOT NULL. */
function validateNonNull(table: DiscoveredTable, columns: ReadonlyMap<string, boolean>, config: JdbcSourceConfig, inc: string): void {
  const check = (name: string, key: string) => {
    const nullable = lookup(columns, name);
    if (nullable === undefined) throw new ConfigError(`Cannot find ${key === 'incrementing.column.name' ? 'incrementing' : 'timestamp'} column '${name}' in table '${table.qualifiedName}'`, { key });
    if (nullable) {
      throw new ConfigError(
        `Cannot make incremental queries using ${key === 'incrementing.column.name' ? 'incrementing' : 'timestamp'} column ${name} on ${table.qualifiedName} because this column is nullable. Declare it NOT NULL or set validate.non.null=false.`,
        { key },
      );
    }
  };
  if (usesIncrementing(config.mode)) check(inc, 'incrementing.column.name');
  if (usesTimestamp(config.mode)) for (const ts of config.timestampColumns) check(ts, 'timestamp.column.name');
}
