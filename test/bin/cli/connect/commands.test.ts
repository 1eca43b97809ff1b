// Every `sluice connectors` command, `sluice plugins`, the output formats and the exit codes, against a real
// standalone instance through the CLI's in-process entry point.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort } from '../../../helpers/freePort.js';
import { PG_URL } from '../../../helpers/pg.js';
import { waitFor } from '../../../helpers/waitFor.js';
import { cli, standaloneForTests, unique } from './cliHarness.js';

const sa = standaloneForTests();

async function applied(name: string): Promise<void> {
  const d = sa.dir({ 'c.json': JSON.stringify({ name, config: { 'connector.class': 'JdbcSink', 'connection.url': `${PG_URL}?user=postgres`, 'connection.password': 'cmd-secret-9', topics: name, 'table.name.format': name } }) });
  const run = await cli(['connectors', 'apply', '-f', d, '--url', sa.url]);
  expect(run.code, run.stderr).toBe(0);
}

/** The connector's state as `status -o json` reports it, once it is `state`. */
function stateIs(name: string, state: string): Promise<unknown> {
  return waitFor(
    async () => {
      const run = await cli(['connectors', 'status', name, '--url', sa.url, '-o', 'json']);
      const status = JSON.parse(run.stdout) as { connector: { state: string }; tasks: { state: string }[] };
      return status.connector.state === state && status.tasks.every((t) => t.state === state) ? status : undefined;
    },
    30_000,
    `${name} ${state}`,
  );
}

describe('sluice connectors', () => {
  it('lists, gets and shows the status of connectors as a table, JSON or YAML', async () => {
    // Prepare
    const name = unique('cli_read');
    await applied(name);
    await stateIs(name, 'RUNNING');
    // Act
    const table = await cli(['connectors', 'list', '--url', sa.url]);
    const json = await cli(['connectors', 'list', '--url', sa.url, '-o', 'json']);
    const got = await cli(['connectors', 'get', name, '--url', sa.url, '-o', 'yaml']);
    const status = await cli(['connectors', 'status', name, '--url', sa.url]);
    // Assess
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^NAME\s+TYPE\s+STATE\s+TASKS\s+CLASS\n/);
    expect(table.stdout).toMatch(new RegExp(`^${name}\\s+sink\\s+RUNNING\\s+1/1\\s+JdbcSink$`, 'm'));
    expect((JSON.parse(json.stdout) as Record<string, { status: { connector: { state: string } } }>)[name]?.status.connector.state).toBe('RUNNING');
    expect(parse(got.stdout)).toMatchObject({ name, type: 'sink', config: { 'connection.password': '[hidden]', topics: name } });
    expect(got.stdout).not.toContain('cmd-secret-9');
    expect(status.stdout).toMatch(/^WHAT\s+STATE\s+WORKER\s+TRACE\nconnector\s+RUNNING\s+\S+\ntask 0\s+RUNNING\s+\S+\n$/);
  });

  it('pauses, resumes, stops, restarts, shows and resets offsets, and deletes', async () => {
    const name = unique('cli_ops');
    await applied(name);
    const url = ['--url', sa.url];

    expect(await cli(['connectors', 'pause', name, ...url])).toEqual({ code: 0, stdout: `connector ${name} paused\n`, stderr: '' });
    await stateIs(name, 'PAUSED');
    expect(await cli(['connectors', 'resume', name, ...url, '-o', 'json'])).toEqual({ code: 0, stdout: `${JSON.stringify({ name, action: 'resumed' }, null, 2)}\n`, stderr: '' });
    await stateIs(name, 'RUNNING');

    const restarted = await cli(['connectors', 'restart', name, ...url]);
    expect(restarted.code).toBe(0);
    expect(restarted.stdout).toMatch(/^WHAT\s+STATE/);
    expect((await cli(['connectors', 'restart', name, '--failed', ...url])).code).toBe(0);

    // Offsets change only once stopped: the server says so, and the CLI exits 1 with its words.
    const early = await cli(['connectors', 'offsets', name, '--reset', ...url]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^sluice: Connectors must be in the STOPPED state/);
    expect(await cli(['connectors', 'stop', name, ...url])).toEqual({ code: 0, stdout: `connector ${name} stopped\n`, stderr: '' });
    await stateIs(name, 'STOPPED');
    const offsets = await cli(['connectors', 'offsets', name, ...url, '-o', 'json']);
    expect(JSON.parse(offsets.stdout)).toEqual({ offsets: expect.any(Array) });
    expect((await cli(['connectors', 'offsets', name, ...url])).stdout).toMatch(/^PARTITION\s+OFFSET\n/);
    const reset = await cli(['connectors', 'offsets', name, '--reset', ...url]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/offsets for this connector have been reset successfully/);

    expect(await cli(['connectors', 'delete', name, ...url])).toEqual({ code: 0, stdout: `connector ${name} deleted\n`, stderr: '' });
    const gone = await cli(['connectors', 'get', name, ...url]);
    expect(gone).toEqual({ code: 1, stdout: '', stderr: `sluice: Connector ${name} not found\n` });
  }, 120_000);

  it('lists the plugins', async () => {
    const table = await cli(['plugins', '--url', sa.url]);
    const all = await cli(['plugins', '--all', '--url', sa.url, '-o', 'yaml']);
    expect(table.stdout).toMatch(/^CLASS\s+TYPE\s+VERSION\n/);
    expect(table.stdout).toMatch(/^io\.confluent\.connect\.jdbc\.JdbcSinkConnector\s+sink\s+\S+$/m);
    const plugins = parse(all.stdout) as { type: string }[];
    expect(plugins.some((p) => p.type === 'transformation')).toBe(true);
  });
});

describe('exit codes and help', () => {
  it('answers usage mistakes with exit 2 and a message', async () => {
    const cases: [string[], RegExp][] = [
      [['connectors', 'lsit'], /^sluice: unknown command 'lsit'\n\(Did you mean list\?\)/],
      [['connectors', 'get'], /^sluice: missing required argument 'name'/],
      [['connectors', 'apply'], /^sluice: required option '-f, --file <path>' not specified/],
      [['connectors', 'list', '--prot', '1'], /^sluice: unknown option '--prot'/],
      [['connectors', 'list', '-o', 'xml'], /^sluice: option '-o, --output <format>' argument 'xml' is invalid\. Allowed choices are table, json, yaml\./],
      [['connectors', 'list', '--stack', 'prod', '--url', sa.url], /^sluice: option '--stack <name>' cannot be used with option '--url <url>'/],
      [['connectors', 'apply', '-f', '/nonexistent/sluice/x.yaml', '--url', sa.url], /^sluice: \/nonexistent\/sluice\/x\.yaml: no such file or directory\n$/],
      [['connectors'], /^Usage: sluice connectors/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
    }
  });

  it('exits 1 when the API cannot be reached', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await cli(['connectors', 'list', '--url', url]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `sluice: cannot reach ${url}: ECONNREFUSED\n` });
  });

  it('prints --help for every command, exit 0', async () => {
    const commands = [['connectors'], ...['list', 'get', 'status', 'apply', 'delete', 'pause', 'resume', 'stop', 'restart', 'offsets'].map((c) => ['connectors', c]), ['plugins'], ['validate']];
    for (const command of commands) {
      const run = await cli([...command, '--help']);
      expect({ command, code: run.code }).toEqual({ command, code: 0 });
      expect(run.stdout).toContain(`Usage: sluice ${command.join(' ')}`);
      if (command.length > 1 || command[0] !== 'connectors') expect(run.stdout).toMatch(/--url <url>[\s\S]*--stack <name>[\s\S]*--region <region>/);
    }
    expect((await cli(['connectors', 'apply', '--help'])).stdout).toContain('--dry-run');
    expect((await cli(['connectors', 'restart', '--help'])).stdout).toContain('--failed');
    expect((await cli(['proxy', '--help'])).stdout).toMatch(/--stack <name>[\s\S]*--port <port>[\s\S]*--bind <address>[\s\S]*--allow-remote/);
  });
});
