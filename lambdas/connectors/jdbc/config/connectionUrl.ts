// connection.url in every form users paste (JDBC URLs, driver URLs, Oracle Easy Connect) → a driver connection spec.
import { ConfigError } from '../../../connect-api/errors.js';
import { maskSecrets } from '../../../connect-api/maskSecrets.js';
import type { DialectName } from '../DialectName.js';
import { type ConnectionSettings, urlSettings } from './urlParams.js';

export interface ConnectionSpec {
  readonly dialect: DialectName;
  readonly host: string;
  readonly port: number;
  /** PostgreSQL / MySQL database name, or the Oracle service name (or SID, see `oracleSid`). */
  readonly database: string;
  readonly user?: string;
  readonly password?: string;
  /** Query-string parameters (sslmode, ssl, ...), minus user and password. */
  readonly params: Readonly<Record<string, string>>;
  /** What those parameters ask of the connection (TLS, timeouts, schema, ...); see urlParams.ts. */
  readonly settings: ConnectionSettings;
  /** Oracle only: what node-oracledb takes as connectString (Easy Connect or a descriptor). */
  readonly connectString?: string;
  readonly oracleSid?: boolean;
  /** Names the session for DBAs (PostgreSQL application_name, MySQL program_name): `sluice:<pipeline>`. */
  readonly applicationName?: string;
}

const DEFAULT_PORTS: Record<DialectName, number> = { postgresql: 5432, mysql: 3306, oracle: 1521 };

const SUBPROTOCOLS: Record<string, DialectName> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  pgsql: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
  oracle: 'oracle',
};

/** The dialect a URL names by its scheme, if any (jdbc:postgresql:, postgres://, jdbc:oracle:thin:@ ...). */
export function dialectOfUrl(url: string): DialectName | undefined {
  const m = /^(?:jdbc:)?([a-z0-9]+)(?::|$)/i.exec(url.trim());
  return m ? SUBPROTOCOLS[m[1]!.toLowerCase()] : undefined;
}

function bad(url: string, reason: string): ConfigError {
  return new ConfigError(`Invalid value ${maskSecrets(url)} for configuration connection.url: ${reason}`, { key: 'connection.url' });
}

function splitParams(query: string | undefined, separator: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query) return out;
  for (const part of query.split(separator)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    out[k] = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
  }
  return out;
}

function parsePort(url: string, text: string | undefined, dialect: DialectName): number {
  if (text === undefined || text === '') return DEFAULT_PORTS[dialect];
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad(url, `port ${text} is not between 1 and 65535`);
  return port;
}

/** Builds a spec from host/port/db/params, moving user and password out of the params. */
function spec(url: string, dialect: DialectName, host: string, portText: string | undefined, database: string, params: Record<string, string>, userInfo?: { user?: string; password?: string }): ConnectionSpec {
  if (host === '') throw bad(url, 'no host');
  const { user, password, ...rest } = params;
  const port = parsePort(url, portText, dialect);
  const out: ConnectionSpec = {
    dialect,
    host: host.replace(/^\[(.*)\]$/, '$1'),
    port,
    database,
    params: rest,
    settings: urlSettings(dialect, rest),
    ...((userInfo?.user ?? user) !== undefined ? { user: userInfo?.user ?? user } : {}),
    ...((userInfo?.password ?? password) !== undefined ? { password: userInfo?.password ?? password } : {}),
  };
  return dialect === 'oracle' ? { ...out, connectString: `${host}:${port}/${database}` } : out;
}

// host[:port][/db][?params]; host may be [ipv6].
const HOST_PORT_DB = /^(\[[^\]]+\]|[^:/?;]*)(?::(\d*))?(?:\/([^?;]*))?(?:[?;](.*))?$/;

function parseHierarchical(url: string, dialect: DialectName, rest: string): ConnectionSpec {
  let body = rest;
  let userInfo: { user?: string; password?: string } | undefined;
  const at = body.lastIndexOf('@', body.search(/[/?]/) < 0 ? body.length : body.search(/[/?]/));
  if (at >= 0) {
    const [u, p] = body.slice(0, at).split(':', 2);
    userInfo = { user: decodeURIComponent(u ?? ''), ...(p !== undefined ? { password: decodeURIComponent(p) } : {}) };
    body = body.slice(at + 1);
  }
  // MySQL Connector/J allows several hosts; Sluice connects to the first.
  const m = HOST_PORT_DB.exec(body.replace(/^([^,/]*),[^/]*/, '$1'));
  if (!m) throw bad(url, 'expected host[:port]/database');
  const params = splitParams(m[4], dialect === 'postgresql' || dialect === 'mysql' ? /[&;]/ : /&/);
  return spec(url, dialect, m[1]!, m[2], decodeURIComponent(m[3] ?? ''), params, userInfo);
}

function parseOracleThin(url: string, target: string): ConnectionSpec {
  // Descriptor: jdbc:oracle:thin:@(DESCRIPTION=...) is passed to the driver as it is.
  if (target.startsWith('(')) {
    const host = /\(HOST\s*=\s*([^)\s]+)\)/i.exec(target)?.[1] ?? '';
    const port = /\(PORT\s*=\s*(\d+)\)/i.exec(target)?.[1];
    const service = /\((?:SERVICE_NAME|SID)\s*=\s*([^)\s]+)\)/i.exec(target)?.[1] ?? '';
    return { dialect: 'oracle', host, port: parsePort(url, port, 'oracle'), database: service, params: {}, settings: urlSettings('oracle', {}), connectString: target };
  }
  const [main, query] = target.replace(/^\/\//, '').split('?', 2);
  // host:port:SID (old form) needs a descriptor with CONNECT_DATA=(SID=...).
  const sid = /^([^:/]+):(\d+):([^:/]+)$/.exec(main ?? '');
  if (sid) {
    const [, host, port, name] = sid;
    const { user: _user, password: _password, ...params } = splitParams(query, /&/);
    return {
      dialect: 'oracle',
      host: host!,
      port: parsePort(url, port, 'oracle'),
      database: name!,
      params,
      settings: urlSettings('oracle', params),
      oracleSid: true,
      connectString: `(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=${host})(PORT=${port}))(CONNECT_DATA=(SID=${name})))`,
    };
  }
  return parseHierarchical(url, 'oracle', `${main}${query ? `?${query}` : ''}`);
}

/**
 * Parses connection.url. `fallback` is the dialect to assume when the URL names none (an Oracle Easy Connect
 * string such as `db.example.com:1521/ORCLPDB1`, given to a connector class that names Oracle).
 */
export function parseConnectionUrl(url: string, fallback?: DialectName): ConnectionSpec {
  const text = url.trim();
  if (text === '') throw bad(url, 'String may not be empty');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text)) throw bad(url, 'contains control characters');
  const jdbcOracle = /^jdbc:oracle:(?:thin|oci):@(.*)$/i.exec(text);
  if (jdbcOracle) return parseOracleThin(url, jdbcOracle[1]!);
  const hier = /^(?:jdbc:)?([a-z0-9]+):\/\/(.*)$/i.exec(text);
  if (hier) {
    const dialect = SUBPROTOCOLS[hier[1]!.toLowerCase()];
    if (!dialect) throw bad(url, `no dialect matches the URL scheme '${hier[1]}'; supported: PostgreSQL, MySQL/MariaDB, Oracle`);
    return parseHierarchical(url, dialect, hier[2]!);
  }
  if (/^jdbc:/i.test(text)) throw bad(url, 'no dialect matches this JDBC URL; supported: jdbc:postgresql://, jdbc:mysql://, jdbc:mariadb://, jdbc:oracle:thin:@');
  if (fallback === 'oracle' && /^[^:/\s]+(:\d+)?\/[^/\s]+$/.test(text)) return parseOracleThin(url, text);
  throw bad(url, 'not a JDBC URL or driver URL (e.g. jdbc:postgresql://host:5432/db)');
}
