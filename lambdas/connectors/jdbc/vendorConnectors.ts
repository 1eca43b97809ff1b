// Vendor-style connector names: any class whose simple name is <Database>(Sink|Source)[Connector], e.g.
// com.example.OracleSinkConnector or PostgresSinkConnector, resolves to the JDBC connector with that database's dialect.
import type { DialectName } from './DialectName.js';
import { type JdbcConnectorExtras, jdbcSinkPluginFor, jdbcSourcePluginFor } from './plugins.js';
import type { SinkConnector, SourceConnector } from '../../connect-api/connector.js';

const DATABASES: Record<string, DialectName> = {
  oracle: 'oracle',
  postgres: 'postgresql',
  postgresql: 'postgresql',
  pg: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
};

/** The names resolveVendorConnector resolves, as the API's messages list them. */
export const VENDOR_CONNECTOR_NAMES = '<Oracle|Postgres|MySql|MariaDb>(Sink|Source)Connector name';

const VENDOR_NAME = /^(?:[A-Za-z_$][\w$]*\.)*([A-Za-z]+?)(?:Jdbc)?(Sink|Source)(?:Connector)?$/;

export function resolveVendorConnector(name: string): ((SinkConnector | SourceConnector) & JdbcConnectorExtras) | undefined {
  const m = VENDOR_NAME.exec(name);
  if (!m) return undefined;
  const dialect = DATABASES[m[1]!.toLowerCase()];
  if (!dialect) return undefined;
  return m[2] === 'Sink' ? jdbcSinkPluginFor(name, dialect) : jdbcSourcePluginFor(name, dialect);
}
