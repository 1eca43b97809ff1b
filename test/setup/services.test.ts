// The suite's preflight: a missing service is named with how to start it, and the run stops before any test.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/freePort.js';
import { CHROMIUM, mariadb, missingRequirements, postgres, suiteRequirements, tool } from './services.js';

describe('the test suite preflight', () => {
  it('passes when the local PostgreSQL and MariaDB answer', async () => {
    const message = await missingRequirements([postgres({ host: '127.0.0.1', port: 5432 }), mariadb({ host: '127.0.0.1', port: 3306 })]);
    expect(message).toBeUndefined();
  });

  it('names each service that does not answer, why, and the command that starts it', async () => {
    // Prepare
    const port = await freePort();
    // Act
    const message = await missingRequirements([postgres({ host: '127.0.0.1', port: 5432 }), mariadb({ host: '127.0.0.1', port })]);
    // Assess: only MariaDB is named
    expect(message).toBe(
      'The test suite needs a service that is not available; no test was run.\n' +
        `  MariaDB at 127.0.0.1:${port} (user root, empty password, database test): connect ECONNREFUSED 127.0.0.1:${port}\n` +
        '    start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
    );
  });

  it('names a missing command-line tool and how to install it', async () => {
    const message = await missingRequirements([tool('sluice-no-such-tool', ['-V'], 'install it: apt-get install -y nothing')]);
    expect(message).toContain('  the sluice-no-such-tool command: sluice-no-such-tool: not found on PATH\n    install it: apt-get install -y nothing');
  });

  it('names Debian’s Chromium, which the web console test drives, and the apt command that installs it', async () => {
    // Prepare: the suite's own requirement, aimed at a path where no browser is
    const chromium = suiteRequirements({}).find((r) => r.name === `the ${CHROMIUM} command`)!;
    const elsewhere = tool('/nonexistent/sluice/chromium', ['--version'], chromium.remedy);
    // Act
    const present = await missingRequirements([chromium]);
    const message = await missingRequirements([elsewhere]);
    // Assess
    expect(present).toBeUndefined();
    expect(message).toContain('  the /nonexistent/sluice/chromium command: /nonexistent/sluice/chromium: not found\n    install it (the web console test drives it headless): apt-get install -y chromium');
  });

  it('stops a vitest run before any test when PostgreSQL is not reachable', async () => {
    // Prepare: the real vitest, its globalSetup aimed at a closed port
    const port = await freePort();
    const root = new URL('../..', import.meta.url).pathname;
    // Act
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/bin/cli/nearest.test.ts'], {
        cwd: root,
        env: { ...process.env, SLUICE_PREFLIGHT_POSTGRES: `127.0.0.1:${port}` },
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, output }));
    });
    // Assess
    expect(code).toBe(1);
    expect(output).toContain(`PostgreSQL at 127.0.0.1:${port} (user postgres, database test): connect ECONNREFUSED`);
    expect(output).toContain('start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
    expect(output).not.toContain('Test Files');
  }, 60_000);
});
