// connection.url query parameters: the pgJDBC and MySQL Connector/J (and MariaDB Connector/J) parameters that change
// behaviour become typed settings the adapters apply; parameters that only tune the Java driver (statement caches,
// batching rewrites) have no counterpart and are accepted; any other parameter is a ConfigError naming it, so none is
// ever ignored silently.
import { ConfigError } from '../../../connect-api/errors.js';
import type { DialectName } from '../DialectName.js';

export type TlsMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

/** What the URL's parameters ask of the connection, in driver-neutral terms. */
export interface ConnectionSettings {
  readonly tls: TlsMode;
  /** PEM file of the CA certificates that sign the server's certificate (pgJDBC sslrootcert, MariaDB serverSslCert). */
  readonly caFile?: string;
  /** PostgreSQL client certificate authentication: the certificate (PEM) and key (PEM, or pgJDBC's DER PKCS-8) files. */
  readonly certFile?: string;
  readonly keyFile?: string;
  /** The passphrase of an encrypted client key (pgJDBC sslpassword): a password, masked like one. */
  readonly keyPassword?: string;
  readonly connectTimeoutMs?: number;
  /** A statement that takes longer fails (pgJDBC / Connector/J socketTimeout). */
  readonly socketTimeoutMs?: number;
  readonly tcpKeepAlive?: boolean;
  /** PostgreSQL: the schema search path (pgJDBC currentSchema). */
  readonly searchPath?: string;
  /** PostgreSQL: server options sent at startup (`-c name=value ...`). */
  readonly options?: string;
  /** MySQL: the session time zone (Connector/J serverTimezone / connectionTimeZone). */
  readonly timeZone?: string;
  /** MySQL: the connection character set, as MySQL names it. */
  readonly charset?: string;
}

type Rule = (value: string, into: Mutable) => string | undefined;
type Mutable = { -readonly [K in keyof ConnectionSettings]: ConnectionSettings[K] };

const NO_EFFECT: Rule = () => undefined;

const bool = (set: (b: boolean, into: Mutable) => void): Rule => (v, into) => {
  if (!/^(true|false|yes|no|1|0|on|off)$/i.test(v)) return 'expected true or false';
  set(/^(true|yes|1|on)$/i.test(v), into);
  return undefined;
};

const duration = (unitMs: number, set: (ms: number, into: Mutable) => void): Rule => (v, into) => {
  if (!/^\d+$/.test(v)) return 'expected a whole number';
  if (Number(v) > 0) set(Number(v) * unitMs, into);
  return undefined;
};

/** pgJDBC's sslmode values, and node-postgres' `no-verify` (TLS without certificate checks). */
const PG_SSLMODES: Record<string, TlsMode> = { disable: 'disable', allow: 'disable', prefer: 'disable', require: 'require', 'no-verify': 'require', 'verify-ca': 'verify-ca', 'verify-full': 'verify-full' };

/** pgJDBC parameters (https://jdbc.postgresql.org/documentation/use/): times in seconds. */
const POSTGRES: Record<string, Rule> = {
  currentSchema: (v, into) => {
    into.searchPath = v;
    return v.trim() === '' ? 'expected a schema name' : undefined;
  },
  sslmode: (v, into) => {
    const mode = PG_SSLMODES[v];
    if (!mode) return `expected one of ${Object.keys(PG_SSLMODES).join(', ')}`;
    into.tls = mode;
    return undefined;
  },
  // pgJDBC: ssl=true without sslmode means verify-full.
  ssl: bool((b, into) => {
    if (into.tls === 'disable' || !b) into.tls = b ? 'verify-full' : 'disable';
  }),
  sslfactory: (v, into) => {
    if (v !== 'org.postgresql.ssl.NonValidatingFactory') return 'only org.postgresql.ssl.NonValidatingFactory is supported (TLS without certificate checks)';
    into.tls = 'require';
    return undefined;
  },
  sslrootcert: (v, into) => {
    into.caFile = v;
    return undefined;
  },
  sslcert: (v, into) => {
    into.certFile = v;
    return undefined;
  },
  sslkey: (v, into) => {
    into.keyFile = v;
    return undefined;
  },
  sslpassword: (v, into) => {
    into.keyPassword = v;
    return undefined;
  },
  connectTimeout: duration(1000, (ms, into) => {
    into.connectTimeoutMs = ms;
  }),
  // libpq's name, as in postgres:// driver URLs.
  connect_timeout: duration(1000, (ms, into) => {
    into.connectTimeoutMs = ms;
  }),
  loginTimeout: duration(1000, (ms, into) => {
    into.connectTimeoutMs ??= ms;
  }),
  socketTimeout: duration(1000, (ms, into) => {
    into.socketTimeoutMs = ms;
  }),
  tcpKeepAlive: bool((b, into) => {
    into.tcpKeepAlive = b;
  }),
  // Read by the PostgreSQL adapter as application_name.
  ApplicationName: NO_EFFECT,
  options: (v, into) => {
    into.options = v;
    return undefined;
  },
  // node-postgres sends every parameter untyped, as pgJDBC does with stringtype=unspecified.
  stringtype: (v) => (v === 'unspecified' ? undefined : 'only stringtype=unspecified is supported (parameters are sent untyped)'),
  prepareThreshold: NO_EFFECT,
  preparedStatementCacheQueries: NO_EFFECT,
  preparedStatementCacheSizeMiB: NO_EFFECT,
  reWriteBatchedInserts: NO_EFFECT,
  defaultRowFetchSize: NO_EFFECT,
  binaryTransfer: NO_EFFECT,
  loggerLevel: NO_EFFECT,
};

const MYSQL_SSLMODES: Record<string, TlsMode> = { DISABLED: 'disable', PREFERRED: 'disable', REQUIRED: 'require', VERIFY_CA: 'verify-ca', VERIFY_IDENTITY: 'verify-full' };

/** Java charset names (Connector/J characterEncoding) → MySQL character sets; MySQL names are taken as they are. */
const CHARSETS: Record<string, string> = {
  'utf-8': 'utf8mb4',
  utf8: 'utf8mb4',
  utf8mb4: 'utf8mb4',
  utf8mb3: 'utf8mb3',
  'iso-8859-1': 'latin1',
  iso8859_1: 'latin1',
  latin1: 'latin1',
  cp1252: 'latin1',
  'windows-1252': 'latin1',
  'us-ascii': 'ascii',
  ascii: 'ascii',
  'iso-8859-2': 'latin2',
  latin2: 'latin2',
  'windows-1250': 'cp1250',
  cp1250: 'cp1250',
  'windows-1251': 'cp1251',
  cp1251: 'cp1251',
  'utf-16': 'utf16',
  utf16: 'utf16',
  gbk: 'gbk',
  big5: 'big5',
  sjis: 'sjis',
  shift_jis: 'sjis',
  'euc-kr': 'euckr',
  euckr: 'euckr',
};

const tls = (mode: TlsMode): Rule => bool((b, into) => {
  if (!b) into.tls = 'disable';
  else if (into.tls === 'disable') into.tls = mode;
});

const zone: Rule = (v, into) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
  } catch {
    if (!/^(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?$/.test(v)) return 'expected a time zone id';
  }
  into.timeZone = v;
  return undefined;
};

/** MySQL Connector/J and MariaDB Connector/J parameters: times in milliseconds. */
const MYSQL: Record<string, Rule> = {
  // Sluice checks the server certificate's chain unless verifyServerCertificate=false or sslMode=REQUIRED says not to
  // (Connector/J 8 does not check it by default): a deliberate deviation, listed in the README.
  useSSL: tls('verify-ca'),
  useSsl: tls('verify-ca'),
  requireSSL: tls('verify-ca'),
  ssl: tls('verify-ca'),
  sslMode: (v, into) => {
    const mode = MYSQL_SSLMODES[v.toUpperCase()];
    if (!mode) return `expected one of ${Object.keys(MYSQL_SSLMODES).join(', ')}`;
    into.tls = mode;
    return undefined;
  },
  verifyServerCertificate: bool((b, into) => {
    if (!b && into.tls !== 'disable') into.tls = 'require';
  }),
  trustServerCertificate: bool((b, into) => {
    if (b && into.tls !== 'disable') into.tls = 'require';
  }),
  serverSslCert: (v, into) => {
    into.caFile = v;
    return undefined;
  },
  connectTimeout: duration(1, (ms, into) => {
    into.connectTimeoutMs = ms;
  }),
  socketTimeout: duration(1, (ms, into) => {
    into.socketTimeoutMs = ms;
  }),
  tcpKeepAlive: bool((b, into) => {
    into.tcpKeepAlive = b;
  }),
  serverTimezone: zone,
  connectionTimeZone: zone,
  characterEncoding: (v, into) => {
    const charset = CHARSETS[v.toLowerCase()];
    if (!charset) return `expected one of ${[...new Set(Object.values(CHARSETS))].join(', ')} (or its Java name)`;
    into.charset = charset;
    return undefined;
  },
  // Strings are always Unicode-safe with utf8mb4; these only tune Connector/J's statement handling.
  useUnicode: NO_EFFECT,
  rewriteBatchedStatements: NO_EFFECT,
  useServerPrepStmts: NO_EFFECT,
  cachePrepStmts: NO_EFFECT,
  prepStmtCacheSize: NO_EFFECT,
  prepStmtCacheSqlLimit: NO_EFFECT,
  useLocalSessionState: NO_EFFECT,
  allowPublicKeyRetrieval: NO_EFFECT,
  // Sluice reconnects a lost connection itself.
  autoReconnect: NO_EFFECT,
};

const MODIFIERS = new Set(['verifyServerCertificate', 'trustServerCertificate', 'sslfactory']);
const rank = (name: string): number => (name === 'sslmode' || name === 'sslMode' ? 2 : MODIFIERS.has(name) ? 1 : 0);

const RULES: Record<DialectName, Record<string, Rule>> = { postgresql: POSTGRES, mysql: MYSQL, oracle: {} };

/**
 * The settings of a URL's parameters (user and password already taken out). A parameter Sluice cannot honour, or a
 * value it cannot read, throws a ConfigError on connection.url that names it (never the URL: it may hold a password).
 */
export function urlSettings(dialect: DialectName, params: Readonly<Record<string, string>>): ConnectionSettings {
  const into: Mutable = { tls: 'disable' };
  const rules = RULES[dialect];
  const unsupported = Object.keys(params).filter((name) => !Object.hasOwn(rules, name));
  if (unsupported.length > 0) {
    const known = Object.keys(rules);
    throw new ConfigError(
      `Invalid value ${unsupported.join('&')} for configuration connection.url: URL parameter${unsupported.length > 1 ? 's' : ''} ${unsupported.join(', ')} ${unsupported.length > 1 ? 'are' : 'is'} not supported by Sluice's ${dialect} connection${known.length > 0 ? ` (supported: ${known.join(', ')})` : ''}`,
      { key: 'connection.url' },
    );
  }
  // Whatever their order in the URL: switches turn TLS on, then modifiers relax it, then sslmode/sslMode decide.
  const order = Object.keys(params).sort((a, b) => rank(a) - rank(b));
  for (const name of order) {
    const problem = rules[name]!(params[name]!, into);
    if (problem) throw new ConfigError(`Invalid value ${name}=${params[name]} for configuration connection.url: URL parameter ${name}: ${problem}`, { key: 'connection.url' });
  }
  return into;
}
