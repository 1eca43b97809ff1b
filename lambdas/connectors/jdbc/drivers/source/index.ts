// The JDBC source's database readers, one per dialect.
import type { DialectName } from '../../DialectName.js';
import type { SourceConnector } from '../../source/SourceSql.js';
import { MySqlSourceConnector } from './MySqlSourceConnector.js';
import { OracleSourceConnector } from './OracleSourceConnector.js';
import { PgSourceConnector } from './PgSourceConnector.js';

export function sourceConnectorFor(dialect: DialectName): SourceConnector {
  switch (dialect) {
    case 'postgresql':
      return new PgSourceConnector();
    case 'mysql':
      return new MySqlSourceConnector();
    case 'oracle':
      return new OracleSourceConnector();
  }
}

export { MySqlSourceConnector, OracleSourceConnector, PgSourceConnector };
