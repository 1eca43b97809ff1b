// The CLI as a user meets it: a mistyped option, a taken port, Ctrl-C. Run as a child process, the way `npm start`
// runs it (node with tsx's loader), so exit codes, stderr and signal handling are the real ones.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/waitFor.js';

const root = new URL('../..', import.meta.url).pathname;
const children: ChildProcess[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function sluice(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/sluice.ts', ...args], { cwd: root, env: { ...process.env, KAFKA_BROKERS: '' } });
  children.push(child);
  const run = { stdout: '', stderr: '', exit: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))) };
  child.stdout.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
  return { child, run };
}

async function takenPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const STACK_LINE = /^\s+at /m;

describe('sluice CLI', () => {
  it('answers a mistyped option with the nearest valid one and the usage, exit 2, no stack', async () => {
    const { run } = sluice(['standalone', '--prot', '9083']);
    expect(await run.exit).toBe(2);
    expect(run.stderr).toMatch(/^sluice: unknown option --prot \(did you mean --port\?\)\n\nUsage: sluice <command>/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('names a taken REST port and the option that moves it, exit 1, no stack', async () => {
    const port = await takenPort();
    const { run } = sluice(['standalone', '--port', String(port), '--kafka-port', '0', '--in-memory']);
    expect(await run.exit).toBe(1);
    expect(run.stderr).toContain(`sluice: cannot start: port ${port} on 127.0.0.1 (the Kafka Connect REST API) is already in use`);
    expect(run.stderr).toContain(`--port <n> (e.g. npm start -- --port ${port + 1}) or SLUICE_REST_PORT`);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('names a taken Kafka port and the option that moves it, exit 1, no stack', async () => {
    const port = await takenPort();
    const { run } = sluice(['standalone', '--port', '0', '--kafka-port', String(port), '--in-memory']);
    expect(await run.exit).toBe(1);
    expect(run.stderr).toContain(`port ${port} on 127.0.0.1 (the embedded Kafka broker) is already in use`);
    expect(run.stderr).toContain('--kafka-port <n>');
    expect(run.stderr).toContain(`KAFKA_BROKERS=127.0.0.1:${port} npm start`);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('stops gracefully on Ctrl-C (SIGINT) and exits 0', async () => {
    // Prepare
    const { child, run } = sluice(['standalone', '--port', '0', '--kafka-port', '0', '--in-memory']);
    const url = await waitFor(async () => /REST API\s+(http:\S+)/.exec(run.stdout)?.[1], 60_000, () => `the banner; output so far: ${run.stdout}${run.stderr}`);
    expect((await fetch(`${url}/connectors`)).status).toBe(200);
    // Act
    child.kill('SIGINT');
    // Assess: 0, not the 130 of a hook that exits on SIGINT before the stop is done
    expect(await run.exit).toBe(0);
    expect(run.stdout).toContain('SIGINT: stopping');
  }, 90_000);
});
