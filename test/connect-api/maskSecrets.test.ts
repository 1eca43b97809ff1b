// The one masking function: passwords inside URLs, password-like pairs in rendered maps and JSON, literal secrets.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, errorTrace } from '../../lambdas/connect-api/errors.js';
import { maskSecrets, secretValues } from '../../lambdas/connect-api/maskSecrets.js';
import { consoleLogger } from '../../lambdas/runtime/ports/Logger.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('maskSecrets', () => {
  it.each([
    ['postgres://u:pw@h:5432/db', 'postgres://u:[hidden]@h:5432/db'],
    ['jdbc:mysql://u:p@ss@h/db', 'jdbc:mysql://u:[hidden]@h/db'],
    ['jdbc:postgresql://h/db?user=u&password=pw&sslmode=require', 'jdbc:postgresql://h/db?user=u&password=[hidden]&sslmode=require'],
    ['jdbc:postgresql://h/db?sslpassword=pw', 'jdbc:postgresql://h/db?sslpassword=[hidden]'],
    // A password sealed in place (${sluice:sealed:…}) is hidden whole, not leaving its closing brace behind.
    ['jdbc:postgresql://h/db?user=u&password=${sluice:sealed:QUJD-_x}&ssl=true', 'jdbc:postgresql://h/db?user=u&password=[hidden]&ssl=true'],
    ['{a=b, connection.url=jdbc:postgresql://h/db?password=pw}', '{a=b, connection.url=jdbc:postgresql://h/db?password=[hidden]}'],
    ['jdbc:oracle:thin:scott/tiger@//db:1521/SVC', 'jdbc:oracle:thin:scott/[hidden]@//db:1521/SVC'],
    ['jdbc:oracle:thin:@//db:1521/SVC', 'jdbc:oracle:thin:@//db:1521/SVC'],
    ['jdbc:sqlserver://h:1433;password=pw;db=x', 'jdbc:sqlserver://h:1433;password=[hidden];db=x'],
    ['{a=b, connection.password=pw, c=d}', '{a=b, connection.password=[hidden], c=d}'],
    ['{"connection.password":"p\\"w","x":"y"}', '{"connection.password":"[hidden]","x":"y"}'],
    ['{"connection.password":"${secretsmanager:arn:k}"}', '{"connection.password":"${secretsmanager:arn:k}"}'],
    ['org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="pw";', 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password=[hidden]'],
  ])('masks %s', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it('hides literal secrets, raw and JSON-escaped, but not short ones that would blank out words', () => {
    expect(maskSecrets('failed for Canary7q3xZ and "quo\\"te"', ['Canary7q3xZ', 'quo"te'])).toBe('failed for [hidden] and "[hidden]"');
    expect(maskSecrets('a test', ['a'])).toBe('a test');
  });

  it('finds the secrets of a config: password keys and passwords in URLs, decoded too', () => {
    expect(secretValues({ 'connection.password': 'pw1', 'connection.url': 'postgres://u:p%40ss@h/db?sslpassword=k3y', topics: 't' }).sort()).toEqual(['k3y', 'k3y', 'p%40ss', 'p@ss', 'pw1', 'pw1']);
  });
});

describe('where masking applies', () => {
  it('masks the trace of an error (status traces, DLQ stacktraces)', () => {
    const trace = errorTrace(new Error('wrapped', { cause: new ConfigError('Invalid value postgres://u:Canary7q3xZ@h/db?password=Canary7q3xZ') }));
    expect(trace).not.toContain('Canary7q3xZ');
  });

  it('masks every console log line', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    consoleLogger.error('could not connect to postgres://u:Canary7q3xZ@h/db', { url: 'jdbc:mysql://h/db?password=Canary7q3xZ', n: 1n });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('Canary7q3xZ');
    expect(lines[0]).toContain('"n":"1"');
  });
});
