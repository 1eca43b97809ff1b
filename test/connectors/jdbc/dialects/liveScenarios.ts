// Scenarios every live dialect test runs the same way: upsert twice, update/delete/chunk, and the source modes.
import { expect, it } from 'vitest';
import type { Dialect, SourceQuerySpec, SourceState, TableId } from '../../../../lambdas/connectors/jdbc/dialects/index.js';
import { execute, keyColumns, orderRow, ordersRequest } from './fixtures.js';

export interface LiveHarness {
  readonly dialect: Dialect;
  /** Executes one statement with its binds. */
  run(sql: string, params: readonly unknown[]): Promise<unknown>;
  /** A fresh orders table (created, then evolved), dropped after the file. */
  createOrders(prefix: string): Promise<TableId>;
  /** All rows of an orders table by id, with values normalised to text where drivers differ. */
  readOrders(table: TableId): Promise<Record<string, unknown>[]>;
  /** The `id` column of a source query's result, in order. */
  selectIds(sql: string, params: readonly unknown[]): Promise<unknown[]>;
  /** The database's current time, from `currentTimestampQuery()`. */
  now(): Promise<Date>;
  /** How a BOOLEAN column reads back. */
  readonly bool: (value: boolean) => unknown;
}

export function writeScenarios(h: LiveHarness): void {
  it('upserts twice with the same keys: no duplicates and the last write wins, even within one batch', async () => {
    // Prepare
    const table = await h.createOrders('upsert');

    // Act
    await execute(h.dialect.upsert(ordersRequest(table, [orderRow(1), orderRow(2), orderRow(3)])), h.run);
    await execute(h.dialect.upsert(ordersRequest(table, [orderRow(2, 1), orderRow(3, 1), orderRow(3, 2)])), h.run);
    const rows = await h.readOrders(table);

    // Assess
    expect(rows.map((r) => [r['id'], r['name'], r['price']])).toEqual([
      [1, 'order 1', '19.99'],
      [2, 'order 2 v1', '20.00'],
      [3, 'order 3 v2', '20.01'],
    ]);
  });

  it('updates, deletes and chunks by batch.size', async () => {
    // Prepare
    const table = await h.createOrders('upd_del');
    const insert = h.dialect.insert(ordersRequest(table, [1, 2, 3, 4, 5].map((id) => orderRow(id)), 2));
    await execute(insert, h.run);

    // Act
    await execute(h.dialect.update(ordersRequest(table, [orderRow(4, 3)])), h.run);
    await execute(h.dialect.delete({ table, keyColumns, rows: [[1, 'us'], [2, 'eu'], [9, 'us']] }), h.run);
    const rows = await h.readOrders(table);

    // Assess
    expect(insert.map((s) => s.rowCount)).toEqual([2, 2, 1]);
    expect(rows.map((r) => [r['id'], r['name'], r['active']])).toEqual([
      [3, 'order 3', h.bool(true)],
      [4, 'order 4 v3', h.bool(false)],
      [5, 'order 5', h.bool(true)],
    ]);
  });

  it('runs the source queries of every mode with their binds', async () => {
    // Prepare
    const table = await h.createOrders('source');
    await execute(h.dialect.insert(ordersRequest(table, [1, 2, 3, 4].map((id) => orderRow(id)))), h.run);
    const endTimestamp = await h.now();
    const lastTimestamp = new Date(Date.UTC(2024, 0, 2, 12, 30, 15, 250));
    const select = (spec: SourceQuerySpec, state: SourceState) => {
      const query = h.dialect.sourceQuery(spec);
      return h.selectIds(query.sql, h.dialect.sourceBinds(query, state));
    };

    // Act
    const bulk = await select({ mode: 'bulk', table }, {});
    const incrementing = await select({ mode: 'incrementing', table, incrementingColumn: 'id', limit: 2 }, { lastIncrementing: 1 });
    const timestamp = await select({ mode: 'timestamp', table, timestampColumns: ['at', 'born'] }, { lastTimestamp, endTimestamp });
    const both = await select(
      { mode: 'timestamp+incrementing', query: `SELECT * FROM ${h.dialect.quoteTable(table)}`, timestampColumns: ['at'], incrementingColumn: 'id' },
      { lastTimestamp, lastIncrementing: 2, endTimestamp },
    );

    // Assess
    expect(bulk.sort()).toEqual([1, 2, 3, 4]);
    expect(incrementing).toEqual([2, 3]);
    expect(timestamp).toEqual([3, 4]);
    expect(both).toEqual([3, 4]);
  });
}
