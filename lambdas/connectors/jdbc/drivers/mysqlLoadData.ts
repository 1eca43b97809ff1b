// MySQL / MariaDB bulk load: `LOAD DATA LOCAL INFILE` whose file is a stream of text chunks (mysql2's
// `infileStreamFactory`), so nothing touches the disk. A LOCAL load cannot stop the client mid-file, so the server
// turns bad values into warnings and goes on: any warning fails the load here, and the caller rolls back.
import { Readable } from 'node:stream';
import type { QueryOptions, ResultSetHeader } from 'mysql2/promise';

interface LoadClient {
  query(options: QueryOptions, values: unknown[]): Promise<[unknown, unknown]>;
}

/** Runs `sql` (`LOAD DATA LOCAL INFILE …`) with `data` as the file; returns the rows loaded, throws on any warning. */
export async function loadDataLocal(client: LoadClient, sql: string, data: readonly string[], timeoutMs: number | undefined): Promise<number> {
  const options: QueryOptions = { sql, infileStreamFactory: () => Readable.from(data, { objectMode: false }), ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}) };
  const [header] = await client.query(options, []);
  const { affectedRows, warningStatus } = header as ResultSetHeader;
  if (warningStatus > 0) {
    const [warnings] = await client.query({ sql: 'SHOW WARNINGS LIMIT 3' }, []);
    const text = (warnings as Array<{ Message?: string }>).map((w) => w.Message).join('; ');
    throw new Error(`LOAD DATA reported ${warningStatus} warning(s): ${text}`);
  }
  return affectedRows;
}
