// The table of AWS calls (lib/awsCalls.ts) matches the code: the SDK commands each function's module graph sends are
// exactly the table's `sdk` rows for that function's role, so a new call without a table row (and so without a
// simulated permission) fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { AWS_CALLS, type CallerRole } from '../../lib/awsCalls.js';
import { entryActions, GATED, keepsFunction, sdkActions } from './iam/sdkCommands.js';

const ENTRIES: Partial<Record<CallerRole, string>> = {
  api: 'lambdas/api/index.ts',
  controller: 'lambdas/controller/index.ts',
  sink: 'lambdas/sink/index.ts',
  source: 'lambdas/source/index.ts',
  cleanup: 'lambdas/cleanup/index.ts',
};

const SEALING = 'lambdas/runtime/config/sealing.ts';
/** `.open(` calls in lambdas/ that are not a ConfigCipher's (a new one must be looked at and listed here or gated). */
const NOT_CIPHER: Record<string, readonly string[]> = {
  'lambdas/runtime/source/sourceInvocation.ts': ['TaskGate.open'],
  'lambdas/runtime/sink/jdbc/JdbcDbWriter.ts': ['this.open'],
};

/** The tree-shaken bundle of one export of sealing.ts. */
const exportBundle = (name: string) =>
  buildSync({ stdin: { contents: `export { ${name} } from './${SEALING}';`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'node', packages: 'external', logLevel: 'silent' })
    .outputFiles.map((f) => f.text)
    .join('\n');

describe('the table of AWS calls against the code', () => {
  it.each(Object.entries(ENTRIES))('lists exactly the SDK calls the %s function can send', (role, entry) => {
    const table = [...new Set(AWS_CALLS.filter((c) => c.role === role && c.via === 'sdk').map((c) => c.action))].sort();
    expect(entryActions(entry)).toEqual(table);
  });

  it('lists iam:PassRole for the role that creates schedules (they name the scheduler role)', () => {
    const passes = AWS_CALLS.filter((c) => c.via === 'passrole').map((c) => c.role);
    const schedules = [...new Set(AWS_CALLS.filter((c) => c.action === 'scheduler:CreateSchedule' || c.action === 'scheduler:UpdateSchedule').map((c) => c.role))];
    expect(passes).toEqual(schedules);
  });

  it('finds the commands of a file and maps document commands to DynamoDB operations', () => {
    expect(sdkActions(['lambdas/adapters/aws/MskCluster.ts'])).toEqual(['kafka:DescribeClusterV2', 'kafka:ListTopics']);
    expect(sdkActions(['lambdas/adapters/dynamodb/DynamoPipelineStore.ts'])).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:UpdateItem']);
    expect(sdkActions(['lambdas/adapters/aws/KmsConfigCipher.ts'])).toEqual(['kms:Decrypt', 'kms:Encrypt']);
  });

  it('gates KMS Encrypt and Decrypt: a cipher is sealed with only in sealConfig and opened with only in openConfig', () => {
    expect(GATED.map((g) => `${g.action} ${g.through}`)).toEqual(['kms:Encrypt sealConfig', 'kms:Decrypt openConfig']);
    const files = readdirSync('lambdas', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => `lambdas/${f}`);
    const calls = files.filter((f) => f !== SEALING).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/([\w.?]+)\.(?:seal|open)\(/g)].map((m) => `${f} ${m[0].replace(/\($/, '')}`));
    expect(calls.sort()).toEqual(Object.entries(NOT_CIPHER).flatMap(([f, cs]) => cs.map((c) => `${f} ${c}`)).sort());
    const sends = (name: string) => ['seal', 'open'].filter((m) => new RegExp(`\\.${m}\\(`).test(exportBundle(name)));
    const functions = [...readFileSync(SEALING, 'utf8').matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1] ?? '');
    expect(Object.fromEntries(functions.map((f) => [f, sends(f)]))).toEqual({ ...Object.fromEntries(functions.map((f) => [f, []])), sealConfig: ['seal'], openConfig: ['open'] });
    expect(keepsFunction(exportBundle('openConfig'), 'openConfig')).toBe(true);
    expect(keepsFunction(exportBundle('sealConfig'), 'openConfig')).toBe(false);
  });
});
