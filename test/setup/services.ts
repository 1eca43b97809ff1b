// What the suite needs from outside this repository, checked before any test runs: the local PostgreSQL, MariaDB and
// Redis (real servers, as the tests use them; Redis for the example plugin, examples/redis-sink), the kcat and psql
// clients and Chromium (the web console's browser test). One missing service would otherwise fail dozens of tests
// with connection errors; this names it and how to start it.
import { spawn } from 'node:child_process';
import { createClient } from '@redis/client';
import mysql from 'mysql2/promise';
import pg from 'pg';

export interface Requirement {
  /** What it is and where, as the message names it. */
  readonly name: string;
  /** What makes it available on this machine: "start it: <command>" or "install it: <command>". */
  readonly remedy: string;
  /** Resolves when it is available; rejects with why not. */
  check(): Promise<void>;
}

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

/** host:port from an override such as SLUICE_PREFLIGHT_POSTGRES (the check's own test aims it at a closed port). */
export function endpoint(override: string | undefined, fallback: Endpoint): Endpoint {
  if (!override) return fallback;
  const at = override.lastIndexOf(':');
  return { host: override.slice(0, at), port: Number(override.slice(at + 1)) };
}

export function postgres(at: Endpoint): Requirement {
  return {
    name: `PostgreSQL at ${at.host}:${at.port} (user postgres, database test)`,
    remedy: 'start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    async check() {
      const client = new pg.Client({ ...at, user: 'postgres', database: 'test', connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

export function mariadb(at: Endpoint): Requirement {
  return {
    name: `MariaDB at ${at.host}:${at.port} (user root, empty password, database test)`,
    remedy: 'start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
    async check() {
      const connection = await mysql.createConnection({ ...at, user: 'root', password: '', database: 'test', connectTimeout: 5_000 });
      try {
        await connection.query('SELECT 1');
      } finally {
        await connection.end().catch(() => undefined);
      }
    },
  };
}

export function redis(at: Endpoint): Requirement {
  return {
    name: `Redis at ${at.host}:${at.port}`,
    remedy: 'start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
    async check() {
      const client = createClient({ socket: { ...at, connectTimeout: 5_000, reconnectStrategy: false } });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.ping();
      } finally {
        client.destroy();
      }
    },
  };
}

/** A command-line client the tests run (kcat for librdkafka interoperability, psql for the README walkthrough). */
export function tool(command: string, versionArgs: readonly string[], remedy: string): Requirement {
  return {
    name: `the ${command} command`,
    remedy,
    check: () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(command, versionArgs, { stdio: 'ignore' });
        child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new Error(`${command}: not found${command.includes('/') ? '' : ' on PATH'}`) : e));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${versionArgs.join(' ')} exited ${code}`))));
      }),
  };
}

/** Debian's Chromium, which the web console's test drives headless through playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';

export function suiteRequirements(env: Readonly<Record<string, string | undefined>>): Requirement[] {
  return [
    postgres(endpoint(env['SLUICE_PREFLIGHT_POSTGRES'], { host: '127.0.0.1', port: 5432 })),
    mariadb(endpoint(env['SLUICE_PREFLIGHT_MARIADB'], { host: '127.0.0.1', port: 3306 })),
    redis(endpoint(env['SLUICE_PREFLIGHT_REDIS'], { host: '127.0.0.1', port: 6379 })),
    tool('kcat', ['-V'], 'install it: apt-get install -y kcat'),
    tool('psql', ['--version'], 'install it: apt-get install -y postgresql-client'),
    tool(CHROMIUM, ['--version'], 'install it (the web console test drives it headless): apt-get install -y chromium'),
  ];
}

/** Checks all at once; undefined when everything is there, else one message naming each missing one and its remedy. */
export async function missingRequirements(requirements: readonly Requirement[]): Promise<string | undefined> {
  const results = await Promise.allSettled(requirements.map((r) => r.check()));
  const missing = requirements.flatMap((r, i) => {
    const result = results[i]!;
    if (result.status === 'fulfilled') return [];
    const why = result.reason instanceof Error ? result.reason.message || String(result.reason) : String(result.reason);
    return [`  ${r.name}: ${why}\n    ${r.remedy}`];
  });
  if (missing.length === 0) return undefined;
  return `The test suite needs ${missing.length === 1 ? 'a service that is' : 'services that are'} not available; no test was run.\n${missing.join('\n')}`;
}
