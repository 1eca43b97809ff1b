// SQL dialects: pure SQL text + ordered binds for PostgreSQL, MySQL/MariaDB and Oracle; adapters execute them.
import type { DialectName } from '../DialectName.js';
import type { Dialect, DialectOptions } from './Dialect.js';
import { MySqlDialect } from './MySqlDialect.js';
import { OracleDialect } from './OracleDialect.js';
import { PostgresDialect } from './PostgresDialect.js';

/** The dialect for a database, configured with `quote.sql.identifiers`, `db.timezone` and `date.timezone`. */
export function dialectFor(name: DialectName, options: DialectOptions = {}): Dialect {
  switch (name) {
    case 'postgresql':
      return new PostgresDialect(options);
    case 'mysql':
      return new MySqlDialect(options);
    case 'oracle':
      return new OracleDialect(options);
  }
}

export type {
  Column,
  ColumnInfo,
  DeleteRequest,
  Dialect,
  DialectOptions,
  PlaceholderStyle,
  QuoteMode,
  SourceBindSlot,
  SourceMode,
  SourceQuery,
  SourceQuerySpec,
  SourceState,
  SqlStatement,
  TableId,
  WriteRequest,
  WriteStatement,
} from './Dialect.js';
export { tableName } from './identifiers.js';
export { MySqlDialect, OracleDialect, PostgresDialect };
