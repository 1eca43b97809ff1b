import { describe, expect, it } from 'vitest';
import { dialectOfUrl, parseConnectionUrl } from '../../../../lambdas/connectors/jdbc/config/connectionUrl.js';
import { connectionSpecOf } from '../../../../lambdas/connectors/jdbc/config/connectionKeys.js';

describe('parseConnectionUrl', () => {
  it.each([
    ['jdbc:oracle:thin:@db.example.com:1521/ORCLPDB1', { dialect: 'oracle', host: 'db.example.com', port: 1521, database: 'ORCLPDB1', connectString: 'db.example.com:1521/ORCLPDB1' }],
    ['jdbc:oracle:thin:@//db.example.com:1521/ORCLPDB1', { dialect: 'oracle', host: 'db.example.com', port: 1521, database: 'ORCLPDB1', connectString: 'db.example.com:1521/ORCLPDB1' }],
    ['jdbc:oracle://localhost:3306/mydb', { dialect: 'oracle', host: 'localhost', port: 3306, database: 'mydb', connectString: 'localhost:3306/mydb' }],
    ['jdbc:oracle:thin:@db:1521:ORCL', { dialect: 'oracle', host: 'db', port: 1521, database: 'ORCL', oracleSid: true, connectString: '(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SID=ORCL)))' }],
    ['jdbc:postgresql://pg.local:6543/app?sslmode=require&user=u&password=p', { dialect: 'postgresql', host: 'pg.local', port: 6543, database: 'app', user: 'u', password: 'p', params: { sslmode: 'require' } }],
    ['jdbc:postgresql://pg.local/app', { dialect: 'postgresql', host: 'pg.local', port: 5432, database: 'app', params: {} }],
    ['jdbc:mysql://my.local:3307/shop?useSSL=false', { dialect: 'mysql', host: 'my.local', port: 3307, database: 'shop', params: { useSSL: 'false' } }],
    ['jdbc:mariadb://maria/shop', { dialect: 'mysql', host: 'maria', port: 3306, database: 'shop' }],
    ['jdbc:mysql://h1:3306,h2:3306/shop', { dialect: 'mysql', host: 'h1', port: 3306, database: 'shop' }],
    ['postgres://alice:s%40cret@pg:5433/db', { dialect: 'postgresql', host: 'pg', port: 5433, database: 'db', user: 'alice', password: 's@cret' }],
    ['postgresql://pg/db', { dialect: 'postgresql', host: 'pg', port: 5432, database: 'db' }],
    ['mysql://root@127.0.0.1:3306/test', { dialect: 'mysql', host: '127.0.0.1', port: 3306, database: 'test', user: 'root' }],
    ['jdbc:postgresql://[::1]:5432/db', { dialect: 'postgresql', host: '::1', port: 5432, database: 'db' }],
  ])('parses %s', (url, expected) => {
    expect(parseConnectionUrl(url)).toMatchObject(expected);
  });

  it('passes an Oracle descriptor through as the connect string', () => {
    const url = 'jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=dbhost)(PORT=1522))(CONNECT_DATA=(SERVICE_NAME=svc)))';
    expect(parseConnectionUrl(url)).toMatchObject({ dialect: 'oracle', host: 'dbhost', port: 1522, database: 'svc', connectString: url.slice('jdbc:oracle:thin:@'.length) });
  });

  it('reads an Easy Connect string as Oracle only when the connector names Oracle', () => {
    expect(parseConnectionUrl('db:1521/svc', 'oracle')).toMatchObject({ dialect: 'oracle', connectString: 'db:1521/svc' });
    expect(() => parseConnectionUrl('db:1521/svc')).toThrow(/not a JDBC URL or driver URL/);
  });

  it.each([
    ['', /String may not be empty/],
    ['jdbc:sqlserver://h:1433', /no dialect matches the URL scheme 'sqlserver'/],
    ['jdbc:db2:thing', /no dialect matches this JDBC URL/],
    ['jdbc:postgresql://h:99999/db', /port 99999 is not between 1 and 65535/],
    ['jdbc:postgresql://:5432/db', /no host/],
    ['jdbc:postgresql://h/db\u0000', /control characters/],
  ])('rejects %j', (url, message) => {
    expect(() => parseConnectionUrl(url)).toThrow(message);
  });

  it('names the dialect from the scheme', () => {
    expect(dialectOfUrl('jdbc:oracle:thin:@x')).toBe('oracle');
    expect(dialectOfUrl('jdbc:mariadb://x')).toBe('mysql');
    expect(dialectOfUrl('db:1521/x')).toBeUndefined();
  });
});

describe('connectionSpecOf', () => {
  it('lets connection.user and connection.password override the URL', () => {
    const spec = connectionSpecOf({ 'connection.url': 'postgres://a:b@h/db', 'connection.user': 'c', 'connection.password': 'd' });
    expect(spec).toMatchObject({ user: 'c', password: 'd' });
  });

  it('uses the URL’s database over a class that names another, and the class when the URL names none', () => {
    expect(connectionSpecOf({ 'connection.url': 'jdbc:postgresql://h/db' }, 'oracle').dialect).toBe('postgresql');
    expect(connectionSpecOf({ 'connection.url': 'h:1521/svc' }, 'oracle').dialect).toBe('oracle');
  });

  it('lets dialect.name win over both', () => {
    expect(connectionSpecOf({ 'connection.url': 'jdbc:mysql://h/db', 'dialect.name': 'MySqlDatabaseDialect' }, 'oracle').dialect).toBe('mysql');
  });
});
