import { describe, expect, it } from 'vitest';
import { banner } from '../../../bin/cli/banner.js';
import { parseStandaloneArgs } from '../../../bin/cli/standaloneArgs.js';

const serving = { url: 'http://127.0.0.1:8083', kafkaBootstrap: '127.0.0.1:9092' };

describe('the standalone banner', () => {
  it('says where the data lives, how to reset it and how to stop', () => {
    const text = banner(parseStandaloneArgs([], {}), serving);
    expect(text).toContain('  data                     .sluice (pipelines, offsets and Kafka topics; kept across restarts)\n');
    expect(text).toContain('Reset: stop it, then rm -rf .sluice (or start with --in-memory)\n');
    expect(text).toContain('Stop:  Ctrl-C (finishes the batch in flight first; Ctrl-C again forces)\n');
    expect(text).toContain('Try:   curl -s http://127.0.0.1:8083/connector-plugins\n');
  });

  it('names the web console beside the REST API it is served with', () => {
    expect(banner(parseStandaloneArgs([], {}), serving)).toContain('  Kafka Connect REST API   http://127.0.0.1:8083\n  web console              http://127.0.0.1:8083/ui\n');
  });

  it('says nothing is kept in memory, and quotes a directory the shell would split', () => {
    expect(banner(parseStandaloneArgs(['--in-memory'], {}), serving)).toContain('data                     in memory (--in-memory): gone when it stops');
    expect(banner(parseStandaloneArgs(['--in-memory'], {}), serving)).not.toContain('Reset:');
    expect(banner(parseStandaloneArgs(['--data-dir', "my data's"], {}), serving)).toContain("rm -rf 'my data'\\''s'");
  });

  it('keeps only pipelines and offsets when another Kafka holds the topics', () => {
    const text = banner(parseStandaloneArgs([], { KAFKA_BROKERS: 'kafka:9092' }), { url: serving.url, kafkaBootstrap: 'kafka:9092' });
    expect(text).toContain('Kafka                    kafka:9092 (KAFKA_BROKERS)');
    expect(text).toContain('(pipelines and source offsets; kept across restarts)');
  });

  it('lists the plugins loaded from --plugin-path with versions, and each package that failed with its reason', () => {
    const plugins = {
      loaded: [{ source: '/p/redis-sink', entry: '/p/redis-sink/index.ts', plugins: [{ className: 'com.example.redis.RedisSinkConnector', version: '0.1.0' }] }],
      failures: [{ source: '/p/broken.mjs', reason: 'exports no `plugins` (an array of plugin objects)' }],
    } as unknown as NonNullable<Parameters<typeof banner>[1]['plugins']>;
    const text = banner(parseStandaloneArgs(['--plugin-path', '/p'], {}), { ...serving, plugins });
    expect(text).toContain('  plugin                   com.example.redis.RedisSinkConnector 0.1.0 (/p/redis-sink)\n');
    expect(text).toContain('  plugin NOT LOADED        /p/broken.mjs: exports no `plugins` (an array of plugin objects)\n');
    expect(banner(parseStandaloneArgs(['--plugin-path', '/empty'], {}), { ...serving, plugins: { loaded: [], failures: [] } })).toContain('plugins                  none found in /empty');
    expect(banner(parseStandaloneArgs([], {}), serving)).not.toMatch(/^ {2}plugin/m);
  });
});

describe('the standalone banner with a schema registry', () => {
  it('names the embedded registry and keeps its schemas in the data directory', () => {
    const text = banner(parseStandaloneArgs([], {}), { ...serving, schemaRegistryUrl: 'http://127.0.0.1:8081' });
    expect(text).toContain('  Schema Registry          http://127.0.0.1:8081 (embedded)\n');
    expect(text).toContain('(pipelines, offsets and Kafka topics, schemas; kept across restarts)');
  });

  it('names an external registry as given, and keeps no schemas', () => {
    const args = parseStandaloneArgs(['--schema-registry-url', 'http://sr.internal:8081'], {});
    const text = banner(args, { ...serving, schemaRegistryUrl: 'http://sr.internal:8081' });
    expect(text).toContain('  Schema Registry          http://sr.internal:8081 (--schema-registry-url)\n');
    expect(text).toContain('(pipelines, offsets and Kafka topics; kept across restarts)');
  });
});
