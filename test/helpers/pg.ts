// The local PostgreSQL (127.0.0.1:5432, trust auth, database test) for end-to-end tests.
import pg from 'pg';

export const PG_URL = 'jdbc:postgresql://127.0.0.1:5432/test';

export async function withPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
}
