// The bundles load as Lambda loads them. The real stack (the real handler entries, bundled by lib/bundling.ts as
// `cdk synth` bundles them) is synthesized; each Sluice function's asset is copied to an empty folder outside the
// project, with no node_modules anywhere up the tree, and Node.js 22 (the nodejs22.x runtime version) imports the
// entry and every chunk, as the runtime imports the handler file named by `index.handler`.
//
// AWS facts relied on:
// - "Deploy Node.js Lambda functions with .zip file archives" (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-package.html),
//   "Dependency search path and runtime-included libraries": the runtime includes a version of the AWS SDK for
//   JavaScript v3 (in /var/runtime/node_modules), and it is the runtime's version, not one the function chose.
// - "Managing AWS SDKs in Lambda functions" (AWS Lambda Operator Guide): the runtime's SDK changes when Lambda updates
//   it; to pin the SDK, include it in the deployment package.
// - "Building Lambda functions with TypeScript" (https://docs.aws.amazon.com/lambda/latest/dg/lambda-typescript.html):
//   TypeScript functions are deployed as JavaScript bundled with esbuild.
// Sluice bundles every module its code imports (the SDK included), so the test loads with no node_modules at all: a
// bundle that still needed the runtime's SDK would need a particular version of it, which the function cannot choose.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_DIR, ENTRY_FILE, LAMBDA_HANDLER } from '../../lib/bundling.js';
import { SluiceStack } from '../../lib/SluiceStack.js';
import { NODE22, node22Version } from '../helpers/node22.js';
import { MSK_INPUTS } from './testStack.js';

interface FunctionResource {
  readonly Properties: { readonly Description?: string; readonly Handler?: string; readonly Code: { readonly S3Key?: string }; readonly Environment?: { readonly Variables?: Record<string, unknown> } };
}

/** Lambda-shaped values for the variables the stack sets from tokens (ARNs, names, the brokers). */
function runtimeEnv(variables: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/bin:/bin',
    AWS_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: 'sluice-fn',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_SESSION_TOKEN: 'token',
    LAMBDA_TASK_ROOT: '/var/task',
  };
  for (const [k, v] of Object.entries(variables)) {
    if (k === 'NODE_OPTIONS') continue;
    env[k] = typeof v === 'string' ? v : k === 'KAFKA_BROKERS' ? 'b-1.demo.kafka.eu-west-1.amazonaws.com:9098' : `arn:aws:lambda:eu-west-1:123456789012:function:${k.toLowerCase()}`;
  }
  return env;
}

/** Imports the entry and every chunk in `dir` with Node 22; prints the type of the entry's `handler` export. */
const LOAD_SCRIPT = `
import { readdirSync, existsSync } from 'node:fs';
const m = await import('./${ENTRY_FILE}');
const chunks = existsSync('./${CHUNK_DIR}') ? readdirSync('./${CHUNK_DIR}').filter((f) => f.endsWith('.mjs')) : [];
for (const c of chunks) await import('./${CHUNK_DIR}/' + c);
console.log(JSON.stringify({ handler: typeof m.handler, chunks: chunks.length }));
`;

/** True when some folder from `dir` up to the root holds node_modules (Node would resolve bare imports there). */
function nodeModulesAbove(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return true;
    if (d === parse(d).root) return false;
  }
}

/**
 * A word of each Sluice function's description (lib/): the functions lib/bundling.ts bundles. The stack's other
 * functions are aws-cdk-lib's own handlers (custom resource providers), which CDK builds for the runtime's SDK.
 */
const SLUICE_FUNCTIONS = ['rest api', 'controller', 'sink task', 'source task', 'cleanup'];

let outdir: string;
let template: Template;
let root: string;
beforeAll(() => {
  const app = new App();
  // The real entries (no fixtures): what `cdk synth` bundles.
  const stack = new SluiceStack(app, 'Load', { inputs: MSK_INPUTS });
  template = Template.fromStack(stack);
  outdir = app.outdir;
  root = mkdtempSync(join(tmpdir(), 'sluice-lambda-'));
}, 300_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the Sluice function assets under Node.js 22 with no node_modules', () => {
  it('runs with a Node 22 binary, as the nodejs22.x runtime', () => {
    expect(node22Version()).toMatch(/^v22\./);
  });

  const functions = () =>
    Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, FunctionResource>).filter(([, f]) => f.Properties.Handler === LAMBDA_HANDLER && f.Properties.Description?.startsWith('Sluice '));

  it('checks every function bundled by lib/bundling.ts', () => {
    expect(functions().length).toBe(SLUICE_FUNCTIONS.length);
  });

  it.each(SLUICE_FUNCTIONS)('the %s asset imports, every chunk resolves, and handler is a function', (name) => {
    const found = functions().find(([, f]) => f.Properties.Description?.toLowerCase().includes(name));
    if (!found) throw new Error(`no ${name} function in the template`);
    const [id, fn] = found;
    const asset = join(outdir, `asset.${(fn.Properties.Code.S3Key ?? '').replace(/\.zip$/, '')}`);
    expect(readdirSync(asset)).toContain(ENTRY_FILE);
    const dir = join(root, id);
    cpSync(asset, dir, { recursive: true });
    expect(nodeModulesAbove(dir)).toBe(false);
    const out = execFileSync(NODE22, ['--input-type=module', '-e', LOAD_SCRIPT], {
      cwd: dir,
      env: runtimeEnv(fn.Properties.Environment?.Variables ?? {}),
      encoding: 'utf8',
      timeout: 60_000,
    });
    const { handler } = JSON.parse(out.trim()) as { handler: string; chunks: number };
    expect(handler).toBe('function');
  });
});
