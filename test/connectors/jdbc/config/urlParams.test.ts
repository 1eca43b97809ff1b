// connection.url parameters: the pgJDBC / Connector/J ones that change behaviour become settings; any other is
// rejected by name. Confluent's "JDBC Sink Connector Configuration Properties" doc, section "Database Connection
// Security": TLS and driver settings are given "via the connection.url parameter", e.g.
// jdbc:mysql://127.0.0.1:3306/sample?verifyServerCertificate=false&useSSL=true&requireSSL=true.
import { describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../../../lambdas/connectors/jdbc/config/connectionUrl.js';
import { ConfigError } from '../../../../lambdas/connect-api/errors.js';

const settings = (url: string) => parseConnectionUrl(url).settings;

describe('connection.url parameters', () => {
  it.each([
    ['jdbc:postgresql://h/db?currentSchema=sales', { tls: 'disable', searchPath: 'sales' }],
    ['jdbc:postgresql://h/db?sslmode=require', { tls: 'require' }],
    ['jdbc:postgresql://h/db?sslmode=verify-ca&sslrootcert=/etc/ca.pem', { tls: 'verify-ca', caFile: '/etc/ca.pem' }],
    ['jdbc:postgresql://h/db?ssl=true', { tls: 'verify-full' }],
    ['jdbc:postgresql://h/db?sslmode=disable&ssl=true', { tls: 'disable' }],
    ['jdbc:postgresql://h/db?ssl=true&sslfactory=org.postgresql.ssl.NonValidatingFactory', { tls: 'require' }],
    ['jdbc:postgresql://h/db?connectTimeout=5&socketTimeout=30&tcpKeepAlive=true', { tls: 'disable', connectTimeoutMs: 5000, socketTimeoutMs: 30_000, tcpKeepAlive: true }],
    ['jdbc:postgresql://h/db?options=-c%20statement_timeout%3D5000&ApplicationName=etl', { tls: 'disable', options: '-c statement_timeout=5000' }],
    ['jdbc:postgresql://h/db?prepareThreshold=0&reWriteBatchedInserts=true', { tls: 'disable' }],
    ['postgres://u:p@h/db?sslmode=no-verify&connect_timeout=4', { tls: 'require', connectTimeoutMs: 4000 }],
    ['jdbc:mysql://h/db?verifyServerCertificate=false&useSSL=true&requireSSL=true', { tls: 'require' }],
    ['jdbc:mysql://h/db?sslMode=VERIFY_IDENTITY', { tls: 'verify-full' }],
    ['jdbc:mysql://h/db?sslMode=preferred', { tls: 'disable' }],
    ['jdbc:mysql://h/db?serverTimezone=Europe/Paris&characterEncoding=UTF-8&connectTimeout=2500&socketTimeout=60000', { tls: 'disable', timeZone: 'Europe/Paris', charset: 'utf8mb4', connectTimeoutMs: 2500, socketTimeoutMs: 60_000 }],
    ['jdbc:mariadb://h/db?characterEncoding=latin1&rewriteBatchedStatements=true&useUnicode=true', { tls: 'disable', charset: 'latin1' }],
  ])('%s → %j', (url, expected) => {
    // Act / Assess
    expect(settings(url)).toEqual(expected);
  });

  it.each([
    ['jdbc:postgresql://h/db?targetServerType=primary', /^Invalid value targetServerType for configuration connection\.url: URL parameter targetServerType is not supported by Sluice's postgresql connection \(supported: currentSchema, /],
    ['jdbc:postgresql://h/db?currentschema=s&sslpasswordcallback=secret', /URL parameters currentschema, sslpasswordcallback are not supported/],
    ['jdbc:postgresql://h/db?sslmode=sometimes', /^Invalid value sslmode=sometimes for configuration connection\.url: URL parameter sslmode: expected one of disable, allow, prefer, require, no-verify, verify-ca, verify-full$/],
    ['jdbc:postgresql://h/db?socketTimeout=-1', /socketTimeout: expected a whole number/],
    ['jdbc:mysql://h/db?zeroDateTimeBehavior=convertToNull', /URL parameter zeroDateTimeBehavior is not supported by Sluice's mysql connection/],
    ['jdbc:mysql://h/db?serverTimezone=Mars/Olympus', /serverTimezone: expected a time zone id/],
    ['jdbc:mysql://h/db?characterEncoding=EBCDIC', /characterEncoding: expected one of utf8mb4/],
    ['jdbc:oracle:thin:@//h:1521/SVC?oracle.net.ssl_version=1.2', /URL parameter oracle\.net\.ssl_version is not supported by Sluice's oracle connection$/],
  ])('rejects %s, naming the parameter', (url, message) => {
    // Act / Assess
    expect(() => parseConnectionUrl(url)).toThrow(ConfigError);
    expect(() => parseConnectionUrl(url)).toThrow(message);
  });

  it('never puts the value of an unsupported parameter (it may be a secret) in the message', () => {
    // Act / Assess
    expect(() => parseConnectionUrl('jdbc:postgresql://h/db?user=u&password=hunter2&sslpasswordcallback=hunter3')).toThrow(/^(?!.*hunter)/s);
  });
});
