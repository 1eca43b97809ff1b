// The stack input pluginPath: loaded at synth (a broken package or a duplicate class name fails it, naming the files),
// and bundled so that each package is its own chunk, imported by a sink or source function only when a pipeline names
// one of its classes, and by the API function at start (it validates and creates any pipeline). The bundles run under
// Node.js 22 with no node_modules anywhere up the tree, as Lambda runs them (test/lib/bundleLoad.test.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleLayout } from '../../lib/bundleLayout.js';
import { bundleLambda, ENTRY_FILE, LAMBDA_HANDLER } from '../../lib/bundling.js';
import { type BundledPluginPackage, loadStackPlugins } from '../../lib/pluginBundle.js';
import { SluiceStack } from '../../lib/SluiceStack.js';
import { type PluginDir, pluginDir, sinkPluginSource } from '../adapters/plugins/pluginFixtures.js';
import { NODE22 } from '../helpers/node22.js';
import { MSK_INPUTS } from './testStack.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const REDIS_CLASS = 'com.example.redis.RedisSinkConnector';
const REDIS_SOURCE = 'examples/redis-sink/src/RedisSinkTask.ts';

let packages: BundledPluginPackage[];
let root: string;
const dirs: PluginDir[] = [];
beforeAll(async () => {
  packages = await loadStackPlugins([EXAMPLES]);
  root = mkdtempSync(join(tmpdir(), 'sluice-plugin-bundle-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const d of dirs) d.remove();
});

/** Runs `script` (an ES module) with Node 22 in `dir`, which has no node_modules above it; returns its JSON output. */
function node22(dir: string, script: string): unknown {
  const out = execFileSync(NODE22, ['--input-type=module', '-e', script], { cwd: dir, env: { PATH: '/usr/bin:/bin', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', SLUICE_TABLE_NAME: 'pipelines', SLUICE_OBSERVE_AWS: 'false', SLUICE_CONFIG_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/1', KAFKA_AUTH: 'none' }, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? 'null');
}

describe('loading the plugin path at synth', () => {
  it('finds the example package with its classes and version', () => {
    expect(packages).toEqual([{ source: join(EXAMPLES, 'redis-sink'), entry: join(EXAMPLES, 'redis-sink', 'src', 'index.ts'), version: '0.1.0', plugins: [{ className: REDIS_CLASS, type: 'sink', version: '0.1.0' }] }]);
  });

  it('fails on a package that cannot load, naming the file and the reason', async () => {
    const d = pluginDir();
    dirs.push(d);
    const file = d.write('broken.mjs', 'throw new Error("boom at import");');
    await expect(loadStackPlugins([EXAMPLES, d.dir])).rejects.toThrow(`${file}: cannot be imported: boom at import`);
  });

  it('fails on a class name defined twice, naming both places', async () => {
    const d = pluginDir();
    dirs.push(d);
    const copy = d.write('copy.mjs', `export const plugins = [${sinkPluginSource(REDIS_CLASS)}];`);
    await expect(loadStackPlugins([EXAMPLES, d.dir])).rejects.toThrow(`the class name ${REDIS_CLASS} is defined twice: by ${join(EXAMPLES, 'redis-sink')} and by ${copy}`);
  });
});

describe('bundling the plugin path', () => {
  it('puts the plugin and its Redis client in a chunk the sink function does not load at start', () => {
    const metafile = bundleLambda('lambdas/sink/index.ts', join(root, 'sink'), packages);
    const layout = new BundleLayout(metafile);
    const plain = new BundleLayout(bundleLambda('lambdas/sink/index.ts', join(root, 'sink-plain')));
    const withPlugin = layout.files.filter((f) => Object.keys(metafile.outputs[f]?.inputs ?? {}).some((i) => i.endsWith(REDIS_SOURCE)));
    expect(withPlugin).toHaveLength(1);
    expect(layout.startup()).not.toContain(withPlugin[0]);
    expect(layout.filesWith('@redis/client').length).toBeGreaterThan(0);
    expect(layout.startup().filter((f) => layout.filesWith('@redis/client').includes(f))).toEqual([]);
    expect(layout.chunksOf('@redis/client')).toContain(withPlugin[0]);
    expect(plain.filesWith('@redis/client')).toEqual([]);
    // The generated entry keeps the handler's own bundling rules: the sink function still holds no source task code.
    const inputs = new Set(Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs)));
    expect(inputs.has('lambdas/connectors/jdbc/sink/JdbcSinkTask.ts')).toBe(true);
    expect(inputs.has('lambdas/connectors/jdbc/source/JdbcSourceTask.ts')).toBe(false);
  });

  it('imports a package under Node 22 only when a config names one of its classes', () => {
    const dir = join(root, 'lazy');
    bundleLambda('test/fixtures/plugins/lazyRegistryEntry.ts', dir, packages);
    const script = `
      const { handler } = await import('./${ENTRY_FILE}');
      const other = await handler({ 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector' });
      const named = await handler({ 'connector.class': 'RedisSink', topics: 't' });
      console.log(JSON.stringify({ other, named }));`;
    const out = node22(dir, script) as { other: { after: unknown[]; sources: string[] }; named: { before: unknown[]; after: unknown[] } };
    expect(out.other.sources).toEqual(['examples/redis-sink']);
    expect(out.other.after).toEqual([]);
    expect(out.named.before).toEqual([]);
    expect(out.named.after).toEqual([{ class: REDIS_CLASS, type: 'sink', version: '0.1.0' }]);
  });
});

describe('cdk synth with the stack input pluginPath', () => {
  let template: Template;
  let outdir: string;
  beforeAll(() => {
    const app = new App();
    const stack = new SluiceStack(app, 'Plugins', { inputs: { ...MSK_INPUTS, pluginPath: [EXAMPLES] }, plugins: packages });
    template = Template.fromStack(stack);
    outdir = app.outdir;
  }, 300_000);

  function asset(description: string): string {
    const fns = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Description?: string; Handler?: string; Code: { S3Key?: string } } }>;
    const fn = Object.values(fns).find((f) => f.Properties.Handler === LAMBDA_HANDLER && f.Properties.Description?.startsWith(description));
    if (!fn) throw new Error(`no function described ${description}`);
    const dir = join(root, description.replaceAll(' ', '-'));
    cpSync(join(outdir, `asset.${(fn.Properties.Code.S3Key ?? '').replace(/\.zip$/, '')}`), dir, { recursive: true });
    return dir;
  }

  it('the API function lists, describes and validates the plugin under Node 22 (its ConfigDef is in the bundle)', () => {
    const dir = asset('Sluice Kafka Connect REST API');
    const script = `
      const { handler } = await import('./${ENTRY_FILE}');
      const context = { functionName: 'api', awsRequestId: 'r', getRemainingTimeInMillis: () => 29000 };
      const call = async (method, path, body) => {
        const r = await handler({ resource: '/{proxy+}', path, httpMethod: method, headers: { 'content-type': 'application/json' }, multiValueHeaders: {}, queryStringParameters: null, multiValueQueryStringParameters: null, pathParameters: null, stageVariables: null, body: body === undefined ? null : JSON.stringify(body), isBase64Encoded: false, requestContext: {} }, context);
        return { status: r.statusCode, body: JSON.parse(r.body) };
      };
      const plugins = await call('GET', '/connector-plugins');
      const validate = await call('PUT', '/connector-plugins/RedisSink/config/validate', { name: 'redis', 'connector.class': 'RedisSink', topics: 't' });
      console.log(JSON.stringify({ plugins, validate }));`;
    const out = node22(dir, script) as { plugins: { status: number; body: unknown[] }; validate: { body: { error_count: number; configs: Array<{ value: { name: string; errors: string[] } }> } } };
    expect(out.plugins.status).toBe(200);
    expect(out.plugins.body).toContainEqual({ class: REDIS_CLASS, type: 'sink', version: '0.1.0' });
    expect(out.validate.body.error_count).toBe(1);
    expect(out.validate.body.configs.find((c) => c.value.name === 'redis.url')?.value.errors).toEqual(['Missing required configuration "redis.url" which has no default value.']);
  });

  it.each(['Sluice sink task', 'Sluice source task'])('the %s asset holds the plugin in a chunk that loads under Node 22', (description) => {
    const dir = asset(description);
    const script = `
      import { readdirSync, readFileSync } from 'node:fs';
      const chunks = readdirSync('./chunks').filter((f) => f.endsWith('.mjs') && readFileSync('./chunks/' + f, 'utf8').includes('${REDIS_CLASS}'));
      const index = readFileSync('./${ENTRY_FILE}', 'utf8');
      for (const c of chunks) await import('./chunks/' + c);
      console.log(JSON.stringify({ chunks: chunks.length, inEntry: index.includes('${REDIS_CLASS}') }));`;
    const out = node22(dir, script) as { chunks: number; inEntry: boolean };
    // The class name appears in the entry's list of lazy packages, and the plugin's code in its chunk.
    expect(out.chunks).toBeGreaterThanOrEqual(1);
    expect(out.inEntry).toBe(true);
  });

  it('bundles nothing of the plugin into the controller', () => {
    const dir = asset('Sluice controller');
    const out = node22(dir, `import { readdirSync, readFileSync } from 'node:fs'; const files = ['./${ENTRY_FILE}', ...readdirSync('./chunks').map((f) => './chunks/' + f)]; console.log(JSON.stringify(files.some((f) => readFileSync(f, 'utf8').includes('${REDIS_CLASS}'))));`);
    expect(out).toBe(false);
  });
});
