// The harness of the live writer tests: a real database reached through its adapter, tables dropped afterwards.
import { afterAll, beforeAll } from 'vitest';
import type { DialectName } from '../../../../lambdas/connectors/jdbc/DialectName.js';
import type { SqlConnection, SqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/SqlConnection.js';
import { JdbcDbWriter } from '../../../../lambdas/connectors/jdbc/sink/JdbcDbWriter.js';
import { sinkConfig, uniqueTable } from './fixtures.js';

export interface LiveDb {
  readonly dialect: DialectName;
  readonly url: string;
  readonly connector: SqlConnector;
  /** How a BOOLEAN column reads back, as text. */
  readonly bool: (value: boolean) => string;
  /** `"t"` or `` `t` ``. */
  readonly quote: (name: string) => string;
}

export interface LiveHarness {
  /** An admin connection for setup and reads. */
  admin(): SqlConnection;
  /** A unique table name, dropped after the file. */
  table(prefix: string): string;
  /** A writer on this database with these extra config keys, closed after the file. */
  writer(props?: Record<string, string>, connector?: SqlConnector): JdbcDbWriter;
  /** All rows, every value as text (null stays null), ordered by the first column. */
  rows(table: string, columns?: string): Promise<(string | null)[][]>;
}

export function liveHarness(db: LiveDb): LiveHarness {
  let admin: SqlConnection | undefined;
  const tables: string[] = [];
  const writers: JdbcDbWriter[] = [];
  beforeAll(async () => {
    admin = await db.connector.connect(sinkConfig(db.url).connection);
  });
  afterAll(async () => {
    for (const w of writers) await w.close();
    for (const t of tables) await admin!.execute(`DROP TABLE IF EXISTS ${db.quote(t)}`, []);
    await admin?.close();
  });
  return {
    admin: () => admin!,
    table(prefix) {
      const name = uniqueTable(prefix);
      tables.push(name);
      return name;
    },
    writer(props = {}, connector = db.connector) {
      const writer = new JdbcDbWriter(sinkConfig(db.url, props), connector);
      writers.push(writer);
      return writer;
    },
    async rows(table, columns = '*') {
      const rows = await admin!.query(`SELECT ${columns} FROM ${db.quote(table)} ORDER BY 1`, []);
      return rows.map((r) => Object.values(r).map(text));
    },
  };
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return String(value);
}
