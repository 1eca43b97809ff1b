import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN, loadPluginPath } from '../../../lambdas/adapters/plugins/loadPluginPath.js';
import { ConfigDef } from '../../../lambdas/connect-api/config/ConfigDef.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { TransformationChain } from '../../../lambdas/runtime/transforms/TransformationChain.js';
import { type PluginDir, pluginDir, sinkPluginSource } from './pluginFixtures.js';

const dirs: PluginDir[] = [];
function folder(): PluginDir {
  const d = pluginDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

describe('loadPluginPath', () => {
  it('loads an npm package folder through its package.json exports, with the package version', async () => {
    // Prepare
    const d = folder();
    d.write('echo-sink/package.json', JSON.stringify({ name: 'echo-sink', version: '1.2.3', type: 'module', exports: { '.': { import: './dist/main.js' } } }));
    d.write('echo-sink/dist/main.js', `export const plugins = [${sinkPluginSource('com.example.EchoSinkConnector')}];`);
    const registry = builtinPlugins();
    // Act
    const report = await loadPluginPath([d.dir], registry);
    // Assess
    expect(report.failures).toEqual([]);
    expect(report.loaded.map((p) => p.source)).toEqual([join(d.dir, 'echo-sink')]);
    const plugin = registry.find('com.example.EchoSinkConnector', 'sink');
    expect(plugin?.version).toBe('1.2.3');
    expect(plugin?.configDef).toBeInstanceOf(ConfigDef);
    expect(registry.find('EchoSink', 'sink')?.className).toBe('com.example.EchoSinkConnector');
    expect(registry.list('sink')).toContainEqual({ class: 'com.example.EchoSinkConnector', type: 'sink', version: '1.2.3' });
  });

  it('loads package.json main, and single .mjs and .ts module files, keeping a version the plugin declares', async () => {
    const d = folder();
    d.write('by-main/package.json', JSON.stringify({ name: 'by-main', version: '0.0.1', main: 'lib/index.mjs' }));
    d.write('by-main/lib/index.mjs', `export const plugins = [${sinkPluginSource('com.example.MainSinkConnector', "version: '9.9.9',")}];`);
    d.write('single.mjs', `export const plugins = [${sinkPluginSource('com.example.SingleSinkConnector')}];`);
    d.write('typed.ts', `const name: string = 'com.example.TypedSinkConnector';\nexport const plugins = [${sinkPluginSource('com.example.TypedSinkConnector').replace('"com.example.TypedSinkConnector"', 'name')}];`);
    d.write('README.md', '# not a module');
    d.write('no-manifest/index.js', 'throw new Error("never imported: not a package");');
    const registry = builtinPlugins();
    const report = await loadPluginPath([d.dir], registry);
    expect(report.failures).toEqual([]);
    expect(report.loaded.map((p) => p.source)).toEqual([join(d.dir, 'by-main'), join(d.dir, 'single.mjs'), join(d.dir, 'typed.ts')]);
    expect(registry.find('com.example.MainSinkConnector', 'sink')?.version).toBe('9.9.9');
    expect(registry.find('com.example.SingleSinkConnector', 'sink')?.version).toBeUndefined();
    expect(registry.find('com.example.TypedSinkConnector', 'sink')?.type).toBe('sink');
  });

  it('reports each broken package with its file and reason, and still loads the others', async () => {
    const d = folder();
    const syntax = d.write('a-syntax.mjs', 'export const plugins = [ {;');
    const throws = d.write('b-throws.mjs', 'throw new Error("cannot reach the license server");');
    const secret = d.write('b2-secret.mjs', 'throw new Error("cannot reach postgres://app:hunter2@db:5432/x");');
    const shape = d.write('c-shape.mjs', "export const plugins = [{ type: 'sink', className: 'com.example.NoTaskConnector', configDef: { keys: [] } }];");
    const none = d.write('d-none.mjs', 'export const connectors = [];');
    const badType = d.write('e-type.mjs', "export const plugins = [{ type: 'widget', className: 'com.example.Widget', configDef: { keys: [] }, create() {} }];");
    d.write('f-badjson/package.json', '{ "name": ');
    symlinkSync(join(d.dir, 'nowhere'), join(d.dir, 'h-dangling.mjs'));
    d.write('g-good.mjs', `export const plugins = [${sinkPluginSource('com.example.GoodSinkConnector')}];`);
    const registry = builtinPlugins();
    const errors: string[] = [];
    const report = await loadPluginPath([d.dir], registry, { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) });
    const reasons = Object.fromEntries(report.failures.map((f) => [f.source, f.reason]));
    // Node says SyntaxError; vitest's module loader (which imports here) words its own parse error.
    expect(reasons[syntax]).toMatch(/^cannot be imported: (SyntaxError: |Failed to parse source .*invalid JS syntax)/);
    expect(reasons[throws]).toBe('cannot be imported: cannot reach the license server');
    expect(reasons[secret]).not.toContain('hunter2');
    expect(reasons[shape]).toBe('plugins[0] com.example.NoTaskConnector: a sink plugin needs a createTask function');
    expect(reasons[none]).toBe('exports no `plugins` (an array of plugin objects)');
    expect(reasons[badType]).toMatch(/^plugins\[0\] com\.example\.Widget: type must be one of sink, source, /);
    expect(reasons[join(d.dir, 'f-badjson')]).toMatch(/^package\.json is not valid JSON/);
    expect(reasons[join(d.dir, 'h-dangling.mjs')]).toMatch(/^cannot be read: ENOENT/);
    expect(report.failures).toHaveLength(8);
    expect(report.loaded.map((p) => p.source)).toEqual([join(d.dir, 'g-good.mjs')]);
    expect(registry.find('com.example.GoodSinkConnector', 'sink')).toBeDefined();
    expect(registry.find('com.example.NoTaskConnector', 'sink')).toBeUndefined();
    expect(errors).toContain(`Plugin package ${throws} was not loaded: cannot be imported: cannot reach the license server`);
  });

  it('rejects a class name defined twice, naming both places, across folders and against a built-in', async () => {
    const first = folder();
    const second = folder();
    first.write('one.mjs', `export const plugins = [${sinkPluginSource('com.example.TwinSinkConnector')}];`);
    second.write('two.mjs', `export const plugins = [${sinkPluginSource('com.example.TwinSinkConnector')}];`);
    second.write('jdbc.mjs', `export const plugins = [${sinkPluginSource('io.confluent.connect.jdbc.JdbcSinkConnector')}];`);
    second.write('self.mjs', `export const plugins = [${sinkPluginSource('com.example.SelfSinkConnector')}, ${sinkPluginSource('com.example.SelfSinkConnector')}];`);
    const registry = builtinPlugins();
    const report = await loadPluginPath([first.dir, second.dir], registry);
    expect(report.loaded.map((p) => p.source)).toEqual([join(first.dir, 'one.mjs')]);
    expect(report.failures).toEqual([
      { source: join(second.dir, 'jdbc.mjs'), reason: `the class name io.confluent.connect.jdbc.JdbcSinkConnector is defined twice: by ${BUILT_IN} and by ${join(second.dir, 'jdbc.mjs')}` },
      { source: join(second.dir, 'self.mjs'), reason: 'the class name com.example.SelfSinkConnector is defined twice in this package' },
      { source: join(second.dir, 'two.mjs'), reason: `the class name com.example.TwinSinkConnector is defined twice: by ${join(first.dir, 'one.mjs')} and by ${join(second.dir, 'two.mjs')}` },
    ]);
    // The built-in is untouched.
    expect(registry.find('io.confluent.connect.jdbc.JdbcSinkConnector', 'sink')?.configDef.key('echo.prefix')).toBeUndefined();
  });

  it('loads transforms and predicates too, which a connector config then uses like built-ins', async () => {
    const d = folder();
    d.write('smts.mjs', `export const plugins = [
      { type: 'transformation', className: 'com.example.Shout', configDef: { keys: [{ name: 'suffix', type: 'STRING', default: '!', importance: 'LOW', documentation: 'Appended.' }] },
        create: (props) => ({ apply: (r) => ({ ...r, value: String(r.value).toUpperCase() + (props.suffix ?? '!') }) }) },
      { type: 'predicate', className: 'com.example.IsQuiet', configDef: { keys: [] }, create: () => ({ test: (r) => r.value === 'hush' }) },
    ];`);
    const registry = builtinPlugins();
    expect((await loadPluginPath([d.dir], registry)).failures).toEqual([]);
    const chain = TransformationChain.fromConfig({ transforms: 'loud', 'transforms.loud.type': 'com.example.Shout', 'transforms.loud.suffix': '?!', 'transforms.loud.predicate': 'quiet', 'transforms.loud.negate': 'true', predicates: 'quiet', 'predicates.quiet.type': 'IsQuiet' }, registry);
    const record = (value: string) => ({ topic: 't', kafkaPartition: 0, keySchema: null, key: null, valueSchema: null, value, timestamp: null, headers: [] });
    expect(chain.apply(record('hello'))?.value).toBe('HELLO?!');
    expect(chain.apply(record('hush'))?.value).toBe('hush');
    expect(registry.list('transformation', 'predicate')).toEqual(expect.arrayContaining([{ class: 'com.example.Shout', type: 'transformation' }, { class: 'com.example.IsQuiet', type: 'predicate' }]));
  });

  it('reports a plugin-path folder that does not exist', async () => {
    const report = await loadPluginPath(['/nonexistent/sluice-plugins'], builtinPlugins());
    expect(report.failures).toEqual([{ source: '/nonexistent/sluice-plugins', reason: expect.stringMatching(/^cannot read the plugin path folder: ENOENT/) }]);
  });
});
