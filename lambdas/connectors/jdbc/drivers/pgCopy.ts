// PostgreSQL bulk load: `COPY … FROM STDIN` through pg-copy-streams (a kept, dependency-free library that speaks
// pg's copy sub-protocol on an open pg.Client), fed from text chunks.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';

/** Streams `data` into `sql` (a `COPY … FROM STDIN`) on `client`; returns the rows the server copied. */
export async function copyFrom(client: pg.Client, sql: string, data: readonly string[]): Promise<number> {
  const { from } = await import('pg-copy-streams');
  const stream = client.query(from(sql));
  await pipeline(Readable.from(data, { objectMode: false }), stream);
  return stream.rowCount;
}
