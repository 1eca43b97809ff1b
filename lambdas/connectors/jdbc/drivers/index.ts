// SQL database adapters: the SqlConnector for each dialect. Drivers are loaded on first connect, so a function
// that writes to PostgreSQL never loads mysql2 or oracledb.
import type { DialectName } from '../DialectName.js';
import type { SqlConnector } from './SqlConnection.js';
import { MySqlConnector } from './MySqlConnector.js';
import { OracleConnector } from './OracleConnector.js';
import { PgConnector } from './PgConnector.js';

export function connectorFor(dialect: DialectName): SqlConnector {
  switch (dialect) {
    case 'postgresql':
      return new PgConnector();
    case 'mysql':
      return new MySqlConnector();
    case 'oracle':
      return new OracleConnector();
  }
}

export { ConnectionLostError } from './connectionLost.js';
export { MySqlConnector, mysqlConnectionOptions } from './MySqlConnector.js';
export { type OracleConnectionLike, OracleConnector, type OracleDriver, loadOracleDriver, oracleConnectAttributes } from './OracleConnector.js';
export { PgConnector, pgClientConfig } from './PgConnector.js';
