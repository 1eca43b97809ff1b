// The REST API with plugins loaded from a plugin path: listed with their versions, validated and created with their
// ConfigDefs, exactly as built-ins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPluginPath } from '../../lambdas/adapters/plugins/loadPluginPath.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import { type PluginDir, pluginDir, sinkPluginSource } from '../adapters/plugins/pluginFixtures.js';
import { type ApiHarness, apiHarness } from '../helpers/apiHarness.js';
import { startTestDynamo, type TestDynamo } from '../helpers/dynamo.js';

let dynamo: TestDynamo;
let plugins: PluginDir;
let api: ApiHarness;
beforeAll(async () => {
  dynamo = await startTestDynamo();
  plugins = pluginDir();
  plugins.write('echo-sink/package.json', JSON.stringify({ name: 'echo-sink', version: '2.0.1', type: 'module', main: 'index.js' }));
  plugins.write('echo-sink/index.js', `export const plugins = [${sinkPluginSource('com.example.EchoSinkConnector')}];`);
  plugins.write('broken.mjs', 'export const plugins = 42;');
  const registry = builtinPlugins();
  const report = await loadPluginPath([plugins.dir], registry);
  expect(report.failures).toHaveLength(1);
  api = await apiHarness(dynamo, { registry });
});
afterAll(async () => {
  plugins.remove();
  await dynamo.stop();
});

describe('plugin-path connectors in the REST API', () => {
  it('GET /connector-plugins lists a loaded plugin with its version, next to the built-ins; a broken package changes nothing', async () => {
    const r = await api.call('GET', '/connector-plugins');
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { class: 'com.example.EchoSinkConnector', type: 'sink', version: '2.0.1' },
      { class: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector', type: 'sink', version: expect.any(String) },
      { class: 'io.confluent.connect.jdbc.JdbcSinkConnector', type: 'sink', version: expect.any(String) },
      { class: 'io.confluent.connect.jdbc.JdbcSourceConnector', type: 'source', version: expect.any(String) },
    ]);
  });

  it("describes and validates with the plugin's ConfigDef", async () => {
    const described = await api.call('GET', '/connector-plugins/EchoSink/config');
    expect((described.body as Array<{ name: string }>).map((k) => k.name)).toEqual(['echo.prefix']);
    const bad = await api.call('PUT', '/connector-plugins/EchoSink/config/validate', { name: 'echo', 'connector.class': 'com.example.EchoSinkConnector', topics: 't' });
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ name: 'com.example.EchoSinkConnector', error_count: 1 });
    const good = await api.call('PUT', '/connector-plugins/EchoSink/config/validate', { name: 'echo', 'connector.class': 'com.example.EchoSinkConnector', topics: 't', 'echo.prefix': '>' });
    expect(good.body).toMatchObject({ error_count: 0 });
  });

  it('creates a pipeline of a plugin connector, and refuses one its ConfigDef rejects', async () => {
    const created = await api.call('POST', '/connectors', { name: 'echo', config: { 'connector.class': 'EchoSink', topics: 't', 'echo.prefix': '>' } });
    expect(created.status).toBe(201);
    const refused = await api.call('POST', '/connectors', { name: 'echo2', config: { 'connector.class': 'EchoSink', topics: 't' } });
    expect(refused).toMatchObject({ status: 400, body: { message: expect.stringContaining('Missing required configuration "echo.prefix"') } });
  });
});
