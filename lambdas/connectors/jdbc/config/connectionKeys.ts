// Connection keys shared by the JDBC sink and source, and the dialect each connector resolves to.
import type { ConfigKey } from '../../../connect-api/config/ConfigDef.js';
import { type ConnectionSpec, dialectOfUrl, parseConnectionUrl } from './connectionUrl.js';
import { atLeast, oneOf, satisfies } from '../../../connect-api/config/validators.js';
import { ConfigError } from '../../../connect-api/errors.js';
import { maskSecrets } from '../../../connect-api/maskSecrets.js';
import type { DialectName } from '../DialectName.js';

export const CONNECTION = 'Connection';

/** dialect.name values: Confluent's class names and Sluice's short names. */
const DIALECT_NAMES: Record<string, DialectName> = {
  postgresqldatabasedialect: 'postgresql',
  postgresql: 'postgresql',
  postgres: 'postgresql',
  mysqldatabasedialect: 'mysql',
  mysql: 'mysql',
  mariadb: 'mysql',
  oracledatabasedialect: 'oracle',
  oracle: 'oracle',
};

export const connectionKeys: ConfigKey[] = [
  {
    name: 'connection.url',
    type: 'STRING',
    importance: 'HIGH',
    group: CONNECTION,
    orderInGroup: 1,
    width: 'LONG',
    displayName: 'JDBC URL',
    validator: satisfies('a JDBC or driver URL of PostgreSQL, MySQL/MariaDB or Oracle', (v) => {
      if (typeof v !== 'string' || v.trim() === '') return 'String may not be empty';
      try {
        parseConnectionUrl(v, 'oracle');
        return undefined;
      } catch (e) {
        return (e as Error).message.replace(/^Invalid value .* for configuration connection\.url: /, '');
      }
    }),
    documentation:
      'JDBC connection URL, e.g. jdbc:postgresql://host:5432/db, jdbc:mysql://host:3306/db, jdbc:mariadb://..., jdbc:oracle:thin:@host:1521/SERVICE, jdbc:oracle:thin:@//host:1521/SERVICE, jdbc:oracle://host:1521/SERVICE; plain driver URLs (postgres://user@host/db, mysql://...) are accepted too.',
  },
  { name: 'connection.user', type: 'STRING', default: null, importance: 'HIGH', group: CONNECTION, orderInGroup: 2, width: 'MEDIUM', displayName: 'JDBC User', documentation: 'JDBC connection user. May be ${secretsmanager:<arn>:<json key>}.' },
  { name: 'connection.password', type: 'PASSWORD', default: null, importance: 'HIGH', group: CONNECTION, orderInGroup: 3, width: 'MEDIUM', displayName: 'JDBC Password', documentation: 'JDBC connection password. Masked in every API response. May be ${secretsmanager:<arn>:<json key>}.' },
  { name: 'connection.attempts', type: 'INT', default: 3, importance: 'LOW', group: CONNECTION, orderInGroup: 4, width: 'SHORT', displayName: 'JDBC connection attempts', validator: atLeast(1), documentation: 'Maximum number of attempts to open a database connection.' },
  { name: 'connection.backoff.ms', type: 'LONG', default: 10000, importance: 'LOW', group: CONNECTION, orderInGroup: 5, width: 'SHORT', displayName: 'JDBC connection backoff (millis)', validator: atLeast(0), documentation: 'Backoff time in milliseconds between connection attempts.' },
  {
    name: 'dialect.name',
    type: 'STRING',
    default: '',
    importance: 'LOW',
    group: CONNECTION,
    orderInGroup: 6,
    width: 'LONG',
    displayName: 'Database Dialect',
    validator: satisfies('empty (auto) or a dialect name', (v) => (v === '' || v === null || DIALECT_NAMES[String(v).toLowerCase()] ? undefined : `String must be one of: ${['', 'PostgreSqlDatabaseDialect', 'MySqlDatabaseDialect', 'OracleDatabaseDialect'].join(', ')}`)),
    recommendedValues: ['', 'PostgreSqlDatabaseDialect', 'MySqlDatabaseDialect', 'OracleDatabaseDialect'],
    documentation: 'The database dialect to use. Empty picks it from connection.url, else from a connector class that names a database.',
  },
  { name: 'db.timezone', type: 'STRING', default: 'UTC', importance: 'MEDIUM', group: CONNECTION, orderInGroup: 7, width: 'MEDIUM', displayName: 'DB time zone', validator: satisfies('a valid time zone id', (v) => (isTimeZone(String(v)) ? undefined : 'Invalid time zone identifier')), documentation: 'Name of the time zone used to bind and read date/time values (an IANA zone id such as UTC or Europe/Paris).' },
  { name: 'quote.sql.identifiers', type: 'STRING', default: 'always', importance: 'MEDIUM', group: CONNECTION, orderInGroup: 8, width: 'SHORT', displayName: 'Quote Identifiers', validator: oneOf(['always', 'never'], { caseInsensitive: true }), recommendedValues: ['always', 'never'], documentation: 'When to quote table names, column names and other identifiers in SQL statements. Quoted names are case-sensitive.' },
];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The dialect a pipeline uses: dialect.name if set; else the database the URL names; else the one the connector
 * class names (com.example.OracleSinkConnector with an Easy Connect string). A jdbc:postgresql URL wins over an
 * Oracle-named class, so the same JSON with another URL writes to that database.
 */
export function resolveDialect(props: Readonly<Record<string, string>>, forced?: DialectName): DialectName {
  const explicit = (props['dialect.name'] ?? '').trim();
  if (explicit !== '') {
    const d = DIALECT_NAMES[explicit.toLowerCase()];
    if (!d) throw new ConfigError(`Invalid value ${explicit} for configuration dialect.name: unknown dialect`, { key: 'dialect.name' });
    return d;
  }
  const url = props['connection.url'] ?? '';
  const d = dialectOfUrl(url) ?? forced;
  if (!d) throw new ConfigError(`Invalid value ${maskSecrets(url)} for configuration connection.url: no dialect matches this URL`, { key: 'connection.url' });
  return d;
}

/** The driver connection spec of a pipeline, with connection.user / connection.password taking precedence. */
export function connectionSpecOf(props: Readonly<Record<string, string>>, forced?: DialectName): ConnectionSpec {
  const dialect = resolveDialect(props, forced);
  const parsed = parseConnectionUrl(props['connection.url'] ?? '', dialect);
  const user = props['connection.user'];
  const password = props['connection.password'];
  const pipeline = props['name'];
  return {
    ...parsed,
    dialect,
    ...(pipeline !== undefined && pipeline !== '' ? { applicationName: sessionName(pipeline) } : {}),
    ...(user !== undefined && user !== '' ? { user } : {}),
    ...(password !== undefined && password !== '' ? { password } : {}),
    ...(dialect === 'oracle' && !parsed.connectString ? { connectString: `${parsed.host}:${parsed.port}/${parsed.database}` } : {}),
  };
}

/** PostgreSQL keeps 63 bytes of application_name and only printable ASCII; MySQL's program_name is shown as sent. */
const SESSION_NAME_BYTES = 63;

/** `sluice:<pipeline>`, cut to what PostgreSQL keeps, with characters it would turn into '?' replaced up front. */
export function sessionName(pipeline: string): string {
  let name = `sluice:${pipeline}`.replace(/[^\x20-\x7e]/g, '?');
  if (name.length > SESSION_NAME_BYTES) name = name.slice(0, SESSION_NAME_BYTES);
  return name;
}
