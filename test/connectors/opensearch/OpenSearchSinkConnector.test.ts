// The connector's plugin face: class name and aliases in the built-in registry, Confluent's keys and defaults, the
// password key masked, and the cross-key checks of Confluent's Validator.
import { describe, expect, it } from 'vitest';
import { openSearchSinkConnector } from '../../../lambdas/connectors/opensearch/OpenSearchSinkConnector.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { validateConnectorConfig } from '../../../lambdas/runtime/connector/validateConfig.js';

const BASE = { 'connection.url': 'http://localhost:9200' };

describe('the Elasticsearch / OpenSearch sink connector', () => {
  it("is registered under Confluent's class name and OpenSearch aliases", () => {
    const registry = builtinPlugins();
    for (const name of ['io.confluent.connect.elasticsearch.ElasticsearchSinkConnector', 'ElasticsearchSinkConnector', 'ElasticsearchSink', 'OpenSearchSinkConnector', 'OpenSearchSink']) {
      expect(registry.find(name, 'sink')).toBe(openSearchSinkConnector);
    }
    expect(registry.list('sink').map((p) => p.class)).toContain('io.confluent.connect.elasticsearch.ElasticsearchSinkConnector');
    expect(openSearchSinkConnector.taskClass).toBe('io.confluent.connect.elasticsearch.ElasticsearchSinkTask');
  });

  it("has Confluent's defaults and a masked password key", () => {
    const c = openSearchSinkConnector.configDef.parse(BASE);
    expect([c.getInt('batch.size'), c.getInt('max.retries'), c.getLong('retry.backoff.ms'), c.getInt('max.in.flight.requests'), c.getInt('read.timeout.ms')]).toEqual([2000, 5, 100, 5, 3000]);
    expect([c.getString('write.method'), c.getString('behavior.on.null.values'), c.getString('behavior.on.malformed.documents'), c.getBoolean('key.ignore'), c.getBoolean('schema.ignore')]).toEqual(['INSERT', 'FAIL', 'FAIL', false, false]);
    expect(openSearchSinkConnector.configDef.isPassword('connection.password')).toBe(true);
    const { infos } = openSearchSinkConnector.configDef.validateAll({ ...BASE, 'connection.username': 'u', 'connection.password': 'hunter2-secret' });
    expect(infos.get('connection.password')?.value).toBe('[hidden]');
  });

  it('requires connection.url and checks every URL and enum', () => {
    const errors = (props: Record<string, string>) => [...openSearchSinkConnector.configDef.validateAll(props).infos.values()].flatMap((i) => i.errors);
    expect(errors({})).toEqual(['Missing required configuration "connection.url" which has no default value.']);
    expect(errors({ 'connection.url': 'http://a:9200,ftp://b' })[0]).toContain('URL must use http or https');
    expect(errors({ ...BASE, 'write.method': 'merge' })[0]).toContain('String must be one of (case insensitive): INSERT, UPSERT');
    expect(errors({ ...BASE, 'data.stream.dataset': 'Has-Dash' })[0]).toContain('must be in all lowercase');
    expect(errors({ ...BASE, 'connection.url': 'es1:9200,https://es2:9200' })).toEqual([]);
  });

  it("reports Confluent's cross-key errors", () => {
    const v = (props: Record<string, string>) => Object.fromEntries(openSearchSinkConnector.validate!({ ...BASE, ...props }));
    expect(v({ 'connection.username': 'u' })).toEqual({ 'connection.username': ["Both 'connection.username' and 'connection.password' must be set."], 'connection.password': ["Both 'connection.username' and 'connection.password' must be set."] });
    expect(v({ 'data.stream.type': 'logs' })['data.stream.dataset']).toEqual(["Either both or neither 'data.stream.dataset' and 'data.stream.type' must be set."]);
    expect(v({ 'data.stream.type': 'logs', 'data.stream.dataset': 'a', 'write.method': 'upsert' })['write.method']?.[0]).toContain('Upserts are not supported with data streams');
    expect(v({ 'data.stream.type': 'logs', 'data.stream.dataset': 'a', 'behavior.on.null.values': 'delete' })['behavior.on.null.values']?.[0]).toContain('Deletes are not supported with data streams');
    expect(v({ 'data.stream.timestamp.field': 'ts' })['data.stream.timestamp.field']?.[0]).toContain('must not be set when not using data streams');
    expect(v({ 'aws.sigv4.enabled': 'true', 'connection.username': 'u', 'connection.password': 'p' })['aws.sigv4.enabled']).toHaveLength(1);
    expect(v({ 'data.stream.type': 'logs', 'data.stream.dataset': 'a' })).toEqual({});
  });

  it("is validated with the framework's keys too: topics, errors.*, converters (as Kafka's herder validates every connector)", () => {
    const registry = builtinPlugins();
    const props = { name: 'search', 'connector.class': 'ElasticsearchSink', ...BASE, 'errors.tolerance': 'bogus' };
    const { infos } = validateConnectorConfig(registry, props);
    const errorsOf = (key: string) => infos.configs.find((c) => c.value.name === key)?.value.errors ?? [];
    expect(errorsOf('topics')).toEqual(['Must configure one of topics or topics.regex']);
    expect(errorsOf('errors.tolerance')[0]).toContain('bogus');
    expect(infos.error_count).toBe(3);
    const good = validateConnectorConfig(registry, { ...props, topics: 'orders', 'errors.tolerance': 'all' });
    expect(good.infos.error_count).toBe(0);
    // The connector's own keys are there beside the framework's.
    expect(good.infos.configs.map((c) => c.value.name)).toEqual(expect.arrayContaining(['connection.url', 'topics', 'errors.tolerance', 'key.converter']));
  });
});
