// Live scenarios of a destination table changed under a running writer, shared by PostgreSQL and MariaDB. Derived from
// Confluent's JdbcSinkTaskTest.retries: on an SQLException the task closes its writer and makes a fresh one (with an
// empty table cache) before the retry, so auto.create / auto.evolve put back what was dropped.
import { expect, it } from 'vitest';
import { WriteError } from '../../../../lambdas/connectors/jdbc/sink/errors.js';
import { order } from './fixtures.js';
import type { LiveDb, LiveHarness } from './liveWriter.js';

export function tableLifecycleScenarios(db: LiveDb, h: LiveHarness): void {
  it('re-creates a table dropped while the writer runs (JdbcSinkTaskTest.retries: fresh writer and table cache)', async () => {
    // Prepare
    const table = h.table('dropped');
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true' });
    await writer.write([order(table, 1, 'a')]);
    await h.admin().execute(`DROP TABLE ${db.quote(table)}`, []);

    // Act
    const result = await writer.write([order(table, 2, 'b')]);

    // Assess
    expect(result.written).toBe(1);
    expect(await h.rows(table, 'id, name')).toEqual([['2', 'b']]);
  });

  it('adds back a column dropped while the writer runs, with auto.evolve', async () => {
    // Prepare
    const table = h.table('dropcol');
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true', 'auto.evolve': 'true' });
    await writer.write([order(table, 1, 'a', 5)]);
    await h.admin().execute(`ALTER TABLE ${db.quote(table)} DROP COLUMN ${db.quote('qty')}`, []);

    // Act
    await writer.write([order(table, 2, 'b', 7)]);

    // Assess
    expect(await h.rows(table, 'id, name, qty')).toEqual([
      ['1', 'a', null],
      ['2', 'b', '7'],
    ]);
  });

  it('still fails, not retriable, when the dropped table may not be re-created (auto.create off)', async () => {
    // Prepare
    const table = h.table('gone');
    await h.writer({ 'pk.mode': 'record_key', 'auto.create': 'true' }).write([order(table, 1, 'a')]);
    const writer = h.writer({ 'pk.mode': 'record_key' });
    await writer.write([order(table, 2, 'b')]);
    await h.admin().execute(`DROP TABLE ${db.quote(table)}`, []);

    // Act
    const failure = await writer.write([order(table, 3, 'c')]).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(WriteError);
    expect((failure as WriteError).retriable).toBe(false);
    expect((failure as WriteError).message).toMatch(/is missing and auto-creation is disabled/);
  });
}
