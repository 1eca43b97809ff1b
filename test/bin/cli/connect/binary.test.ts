// The installed command as a script meets it: `node --import tsx bin/sluice.ts connectors …` as a child process, so
// stdout, stderr and the exit codes (0 ok, 1 the API's error, 2 usage) are the process's real ones.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PG_URL } from '../../../helpers/pg.js';
import { standaloneForTests, unique } from './cliHarness.js';

const root = new URL('../../../..', import.meta.url).pathname;
const sa = standaloneForTests();

/** The environment with no AWS credentials to find: no keys, profile files or instance metadata. */
const NO_AWS: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/sluice-test/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/sluice-test/credentials',
};

function sluice(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'bin/sluice.ts'), ...args], { cwd: root, env: NO_AWS }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('sluice connectors as a process', () => {
  it('applies a YAML file, lists it (exit 0), reports an unknown connector (exit 1) and --stack or proxy without AWS credentials (exit 3)', async () => {
    const name = unique('cli_bin');
    const dir = sa.dir({ [`${name}.yml`]: `name: ${name}\nconfig:\n  connector.class: JdbcSink\n  connection.url: ${PG_URL}?user=postgres\n  topics: ${name}\n  table.name.format: ${name}\n` });
    const [applied, missing, stack, proxy] = await Promise.all([
      sluice(['connectors', 'apply', '-f', dir, '--url', sa.url]),
      sluice(['connectors', 'status', `${name}_nope`, '--url', sa.url]),
      sluice(['connectors', 'list', '--stack', 'prod', '--region', 'eu-west-1']),
      sluice(['proxy', '--stack', 'prod', '--region', 'eu-west-1', '--port', '0']),
    ]);
    const listed = await sluice(['connectors', 'list', '--url', sa.url]);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toMatch(new RegExp(`^connector ${name} created\\n`));
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${name}\\s+sink\\s+`, 'm'));
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(`sluice: No status found for connector ${name}_nope\n`);
    expect(stack).toMatchObject({ code: 3, stdout: '' });
    expect(stack.stderr).toMatch(/^sluice: no AWS credentials: /);
    expect(proxy).toMatchObject({ code: 3, stdout: '' });
    expect(proxy.stderr).toMatch(/^sluice: no AWS credentials: /);
  }, 90_000);

  it('lists the new commands in sluice --help and suggests one for a typo', async () => {
    const [help, typo] = await Promise.all([sluice(['--help']), sluice(['conectors'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}connectors {3}/m);
    expect(help.stdout).toMatch(/^ {2}plugins {6}/m);
    expect(help.stdout).toMatch(/^ {2}validate {5}/m);
    expect(help.stdout).toMatch(/^ {2}proxy {8}--stack NAME/m);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^sluice: unknown command 'conectors' \(did you mean connectors\?\)/);
  }, 60_000);
});
