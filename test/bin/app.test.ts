// `npx cdk synth` is the user's first deploy step: it must run offline, with no AWS credentials, on a clean clone,
// using the example context in cdk.json (cdk-nag's AwsSolutions pack runs as part of it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'sluice-synth-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function synth(): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_DEFAULT')));
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['cdk', 'synth', '--quiet', '--no-notices', '--output', out], { cwd: new URL('../..', import.meta.url).pathname, env: { ...env, AWS_EC2_METADATA_DISABLED: 'true' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('cdk synth', () => {
  it('synthesizes the stack offline with no credentials, cdk-nag included', async () => {
    // Act
    const { code, output } = await synth();
    // Assess
    expect(code, output).toBe(0);
    const template = join(out, 'Sluice.template.json');
    expect(existsSync(template)).toBe(true);
    const resources = Object.values((JSON.parse(readFileSync(template, 'utf8')) as { Resources: Record<string, { Type: string }> }).Resources).map((r) => r.Type);
    expect(resources).toEqual(expect.arrayContaining(['AWS::DynamoDB::Table', 'AWS::ApiGateway::RestApi', 'AWS::Lambda::Function', 'AWS::CloudWatch::Dashboard', 'AWS::Lambda::EventSourceMapping']));
  }, 240_000);
});
