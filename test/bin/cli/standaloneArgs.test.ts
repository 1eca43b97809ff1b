import { describe, expect, it } from 'vitest';
import { parseStandaloneArgs } from '../../../bin/cli/standaloneArgs.js';
import { UsageError } from '../../../bin/cli/UsageError.js';

function usageError(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseStandaloneArgs(argv, env);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
}

describe('sluice standalone options', () => {
  it('defaults to the REST API on 8083, the broker on 9092 and .sluice', () => {
    expect(parseStandaloneArgs([], {})).toEqual({ help: false, host: '127.0.0.1', restPort: 8083, kafkaPort: 9092, dataDir: '.sluice', kafkaBrokers: [], schemaRegistryPort: 8081, schemaRegistryUrl: undefined, pluginPath: [] });
  });

  it('starts the embedded schema registry on 8081 unless told another port, another registry or none', () => {
    expect(parseStandaloneArgs(['--schema-registry-port', '18081'], {})).toMatchObject({ schemaRegistryPort: 18081, schemaRegistryUrl: undefined });
    expect(parseStandaloneArgs([], { SLUICE_SCHEMA_REGISTRY_PORT: '0' })).toMatchObject({ schemaRegistryPort: 0 });
    expect(parseStandaloneArgs(['--schema-registry-url', 'http://sr:8081'], {})).toMatchObject({ schemaRegistryPort: false, schemaRegistryUrl: 'http://sr:8081' });
    expect(parseStandaloneArgs(['--no-schema-registry'], {})).toMatchObject({ schemaRegistryPort: false, schemaRegistryUrl: undefined });
    expect(usageError(['--schema-registry-url', 'sr:8081'])).toBe("--schema-registry-url must be an http:// or https:// URL, not 'sr:8081'");
    expect(usageError(['--schema-registry-port', 'x'])).toContain('--schema-registry-port must be a port number');
  });

  it('takes options over the environment, and --in-memory over any data directory', () => {
    const env = { SLUICE_REST_PORT: '9000', SLUICE_KAFKA_PORT: '9001', SLUICE_DATA_DIR: '/tmp/x', KAFKA_BROKERS: 'a:9092,b:9092' };
    expect(parseStandaloneArgs([], env)).toMatchObject({ restPort: 9000, kafkaPort: 9001, dataDir: '/tmp/x', kafkaBrokers: ['a:9092', 'b:9092'] });
    expect(parseStandaloneArgs(['--port', '1', '--kafka-port=2', '--in-memory'], env)).toMatchObject({ restPort: 1, kafkaPort: 2, dataDir: undefined });
  });

  it('answers an unknown option with the nearest valid one', () => {
    expect(usageError(['--prot', '9083'])).toBe('unknown option --prot (did you mean --port?)');
    expect(usageError(['--kafkaport=1'])).toBe('unknown option --kafkaport=1 (did you mean --kafka-port?)');
    expect(usageError(['-p', '1'])).toBe('unknown option -p');
    expect(usageError(['--verbose'])).toBe('unknown option --verbose');
  });

  it('rejects a port that is not a port number, naming where it came from', () => {
    expect(usageError(['--port', 'abc'])).toBe("--port must be a port number from 0 to 65535 (0 picks a free one), not 'abc'");
    expect(usageError([], { SLUICE_KAFKA_PORT: '70000' })).toMatch(/^SLUICE_KAFKA_PORT must be a port number/);
  });

  it("turns Node's parse errors (a missing value, a stray argument) into usage errors", () => {
    expect(usageError(['--port'])).toBe("Option '--port <value>' argument missing");
    expect(usageError(['extra'])).toMatch(/^Unexpected argument 'extra'/);
  });

  it('reads plugin folders from repeated or comma-separated --plugin-path, else from SLUICE_PLUGIN_PATH split on colons', () => {
    expect(parseStandaloneArgs(['--plugin-path', 'a', '--plugin-path=b,c'], { SLUICE_PLUGIN_PATH: 'x:y' }).pluginPath).toEqual(['a', 'b', 'c']);
    expect(parseStandaloneArgs([], { SLUICE_PLUGIN_PATH: '/opt/plugins::./more' }).pluginPath).toEqual(['/opt/plugins', './more']);
    expect(parseStandaloneArgs([], {}).pluginPath).toEqual([]);
    expect(usageError(['--plugin-paths', 'a'])).toBe('unknown option --plugin-paths (did you mean --plugin-path?)');
  });
});
