// PgConnector against the real local PostgreSQL: transactions, affected rows, and a connection the server closed.
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionLostError, PgConnector } from '../../../../lambdas/connectors/jdbc/drivers/index.js';
import { PostgresDialect } from '../../../../lambdas/connectors/jdbc/dialects/index.js';
import { connectionSpecOf } from '../../../../lambdas/connectors/jdbc/config/connectionKeys.js';
import type { SqlConnection } from '../../../../lambdas/connectors/jdbc/drivers/SqlConnection.js';

const spec = connectionSpecOf({ 'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres' });
const opened: SqlConnection[] = [];
const open = async () => {
  const c = await new PgConnector().connect(spec);
  opened.push(c);
  return c;
};
const table = `pg_conn_${process.pid}_${Date.now()}`;

afterAll(async () => {
  const admin = await open();
  await admin.execute(`DROP TABLE IF EXISTS ${table}`, []);
  for (const c of opened) await c.close();
});

describe('PgConnector', () => {
  it('counts affected rows, runs executeMany per row and rolls back a transaction', async () => {
    // Prepare
    const c = await open();
    await c.execute(`CREATE TABLE ${table} (id INT PRIMARY KEY, name TEXT)`, []);

    // Act
    const inserted = await c.execute(`INSERT INTO ${table} VALUES ($1,$2),($3,$4)`, [1, 'a', 2, 'b']);
    await c.begin();
    const updated = await c.executeMany(`UPDATE ${table} SET name = $1 WHERE id = $2`, [
      ['x', 1],
      ['y', 2],
    ]);
    await c.rollback();
    const rows = await c.query(`SELECT id, name FROM ${table} ORDER BY id`, []);

    // Assess
    expect([inserted, updated]).toEqual([2, 2]);
    expect(rows).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
  });

  it('reports a connection the server terminated as a transient error', async () => {
    // Prepare
    const c = await open();
    const admin = await open();
    const [row] = await c.query('SELECT pg_backend_pid() AS pid', []);
    await admin.query('SELECT pg_terminate_backend($1)', [row!['pid']]);

    // Act
    const error = await c.query('SELECT 1', []).catch((e: unknown) => e);

    // Assess
    expect(new PostgresDialect().isTransient(error)).toBe(true);
    expect(error instanceof ConnectionLostError || /terminat/i.test(String(error))).toBe(true);
  });
});
