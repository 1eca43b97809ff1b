// Lazily registered plugin packages (the plugin-path chunks of a Lambda bundle): imported once, only when a config
// names one of their classes or aliases, and before PipelineTasks builds a task from that config.
import { describe, expect, it } from 'vitest';
import type { SinkConnector } from '../../../lambdas/connect-api/connector.js';
import { ConfigDef } from '../../../lambdas/connect-api/config/ConfigDef.js';
import type { Plugin } from '../../../lambdas/connect-api/plugins.js';
import { PipelineTasks } from '../../../lambdas/runtime/PipelineTasks.js';
import { type LazyPluginPackage, PluginRegistry } from '../../../lambdas/runtime/plugins/PluginRegistry.js';
import type { PipelineRecord } from '../../../lambdas/runtime/ports/PipelineStore.js';
import { FakeClock } from '../../helpers/fakeClock.js';

const echo: SinkConnector = { type: 'sink', className: 'com.example.EchoSinkConnector', version: '1.0.0', configDef: new ConfigDef([]), createTask: () => ({ put: async () => undefined, close: async () => undefined }) };

function lazy(plugins: readonly Plugin[] = [echo]): LazyPluginPackage & { loads: number } {
  const pkg = {
    source: 'plugins/echo',
    plugins: [{ className: 'com.example.EchoSinkConnector', type: 'sink' as const }],
    loads: 0,
    async load() {
      pkg.loads++;
      return plugins;
    },
  };
  return pkg;
}

describe('lazily registered plugin packages', () => {
  it('imports a package once, when a config names its class or an alias, and not for other configs', async () => {
    const pkg = lazy();
    const registry = new PluginRegistry().registerLazy(pkg);
    await registry.loadFor({ 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', topics: 'echo' });
    expect(pkg.loads).toBe(0);
    expect(registry.find('EchoSink', 'sink')).toBeUndefined();
    await Promise.all([registry.loadFor({ 'connector.class': 'EchoSink' }), registry.loadFor({ 'transforms.x.type': 'com.example.EchoSinkConnector' })]);
    expect(pkg.loads).toBe(1);
    expect(registry.find('EchoSink', 'sink')).toBe(echo);
    expect(registry.list('sink')).toEqual([{ class: 'com.example.EchoSinkConnector', type: 'sink', version: '1.0.0' }]);
  });

  it('loadAll imports every package (the API function)', async () => {
    const pkg = lazy();
    const registry = new PluginRegistry().registerLazy(pkg);
    await registry.loadAll();
    expect(pkg.loads).toBe(1);
    expect(registry.find('com.example.EchoSinkConnector', 'sink')).toBe(echo);
  });

  it('rejects, naming the package, when it no longer exports the classes it was bundled with', async () => {
    const registry = new PluginRegistry().registerLazy(lazy([]));
    await expect(registry.loadFor({ 'connector.class': 'EchoSink' })).rejects.toThrow('the plugin package plugins/echo no longer exports the plugins it was bundled with (sink com.example.EchoSinkConnector)');
  });

  it('is loaded by PipelineTasks before the task is built from the config', async () => {
    const registry = new PluginRegistry().registerLazy(lazy());
    const tasks = new PipelineTasks<{ close(): Promise<void>; connector: string | undefined }>({ logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, clock: new FakeClock(), registry });
    const record: PipelineRecord = { name: 'p', type: 'sink', config: { 'connector.class': 'EchoSink' }, targetState: 'RUNNING', version: 1, restartEpoch: 0, createdAt: '', updatedAt: '' };
    const found = await tasks.use(record, (config) => ({ close: async () => undefined, connector: registry.find(config['connector.class']!, 'sink')?.className }), async (t) => t.connector);
    expect(found).toBe('com.example.EchoSinkConnector');
    await tasks.close();
  });
});
