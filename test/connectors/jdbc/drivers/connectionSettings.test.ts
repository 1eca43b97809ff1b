// Driver settings derived from connection.url: TLS switches, timeouts and the safety options every connection gets.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorFor, MySqlConnector, OracleConnector, PgConnector } from '../../../../lambdas/connectors/jdbc/drivers/index.js';
import { mysqlConnectionOptions } from '../../../../lambdas/connectors/jdbc/drivers/MySqlConnector.js';
import { pgClientConfig } from '../../../../lambdas/connectors/jdbc/drivers/PgConnector.js';
import { connectionSpecOf } from '../../../../lambdas/connectors/jdbc/config/connectionKeys.js';

const spec = (url: string) => connectionSpecOf({ 'connection.url': url });

describe('connection settings', () => {
  it.each([
    ['sslmode=require', { rejectUnauthorized: false, checkServerIdentity: expect.any(Function) }],
    ['sslmode=verify-ca', { rejectUnauthorized: true, checkServerIdentity: expect.any(Function) }],
    ['sslmode=verify-full', { rejectUnauthorized: true }],
    ['sslmode=disable', false],
    ['ssl=true', { rejectUnauthorized: true }],
    ['', false],
  ])('PostgreSQL %s → ssl %s', (query, ssl) => {
    // Act
    const config = pgClientConfig(spec(`jdbc:postgresql://db:5432/app?user=u&password=p&${query}`));

    // Assess
    expect(config).toMatchObject({ host: 'db', port: 5432, database: 'app', user: 'u', password: 'p', connectionTimeoutMillis: 10_000 });
    expect(config.ssl).toEqual(ssl);
  });

  it('PostgreSQL sslcert/sslkey/sslpassword: client certificate authentication, with pgJDBC\'s encrypted DER PKCS-8 key or a PEM key', () => {
    // Prepare: pgJDBC's default key file is DER PKCS-8 (postgresql.pk8), here encrypted with the sslpassword
    const dir = mkdtempSync(join(tmpdir(), 'sluice-client-cert-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'k3y-pass' });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(join(dir, 'client.pk8'), der);
    writeFileSync(join(dir, 'client.key'), pem);
    writeFileSync(join(dir, 'client.crt'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const url = (key: string, extra = '') => `jdbc:postgresql://db/app?sslmode=verify-full&sslcert=${join(dir, 'client.crt')}&sslkey=${join(dir, key)}${extra}`;

    // Act
    const fromDer = pgClientConfig(spec(url('client.pk8', '&sslpassword=k3y-pass')));
    const fromPem = pgClientConfig(spec(url('client.key')));

    // Assess: node's TLS gets the certificate and the key, opened, as PEM
    expect(fromDer.ssl).toMatchObject({ cert: expect.stringContaining('BEGIN CERTIFICATE'), key: pem, rejectUnauthorized: true });
    expect(fromPem.ssl).toMatchObject({ key: pem });
    expect(() => pgClientConfig(spec(url('client.pk8', '&sslpassword=wrong')))).toThrow();
    expect(() => pgClientConfig(spec(`jdbc:postgresql://db/app?sslmode=require&sslkey=${join(dir, 'client.key')}`))).toThrow(/sslcert and sslkey go together/);
  });

  it('PostgreSQL currentSchema and options become startup options, socketTimeout a query timeout (pgJDBC: seconds)', () => {
    // Act
    const config = pgClientConfig(spec('jdbc:postgresql://db/app?currentSchema=my%20sales&options=-c%20statement_timeout%3D5000&socketTimeout=30&connectTimeout=3'));

    // Assess
    expect(config).toMatchObject({ options: '-c search_path=my\\ sales -c statement_timeout=5000', query_timeout: 30_000, connectionTimeoutMillis: 3000 });
  });

  it.each([
    ['useSSL=true', { rejectUnauthorized: true, verifyIdentity: false }],
    ['ssl=true', { rejectUnauthorized: true, verifyIdentity: false }],
    ['sslMode=VERIFY_IDENTITY', { rejectUnauthorized: true, verifyIdentity: true }],
    ['useSSL=true&verifyServerCertificate=false', { rejectUnauthorized: false, verifyIdentity: false }],
    ['', undefined],
  ])('MySQL %s → ssl %j, multipleStatements off', (query, ssl) => {
    // Act
    const options = mysqlConnectionOptions(spec(`jdbc:mysql://db:3306/app?user=u&${query}`));

    // Assess
    expect(options.ssl).toEqual(ssl);
    expect(options).toMatchObject({ host: 'db', port: 3306, database: 'app', user: 'u', multipleStatements: false, bigNumberStrings: true });
  });

  it('picks the connector of each dialect', () => {
    // Act / Assess
    expect(connectorFor('postgresql')).toBeInstanceOf(PgConnector);
    expect(connectorFor('mysql')).toBeInstanceOf(MySqlConnector);
    expect(connectorFor('oracle')).toBeInstanceOf(OracleConnector);
  });

  it("names each pipeline's session for DBAs: application_name (PostgreSQL), program_name (MySQL)", () => {
    // Prepare
    const of = (url: string, name: string) => connectionSpecOf({ 'connection.url': url, name });
    // Act / Assess
    expect(pgClientConfig(of('jdbc:postgresql://db/app', 'orders-sink')).application_name).toBe('sluice:orders-sink');
    expect(pgClientConfig(of('jdbc:postgresql://db/app?ApplicationName=mine', 'orders-sink')).application_name).toBe('mine');
    expect(pgClientConfig(of('jdbc:postgresql://db/app', `café-${'x'.repeat(80)}`)).application_name).toBe(`sluice:caf?-${'x'.repeat(51)}`);
    expect(mysqlConnectionOptions(of('jdbc:mysql://db/app', 'orders-sink')).connectAttributes).toEqual({ program_name: 'sluice:orders-sink' });
  });
});
