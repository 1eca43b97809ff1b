// Live scenarios of the write modes, shared by the PostgreSQL and MariaDB writer tests.
import { describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../../../lambdas/connect-api/data/ConnectRecord.js';
import { Schemas } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { order, recording, sinkRecord, valueSchema } from './fixtures.js';
import type { LiveDb, LiveHarness } from './liveWriter.js';

type Build = (topic: string, id: number, name: string) => SinkRecord;
const structKey: Build = (topic, id, name) => order(topic, id, name);
const primitiveKey: Build = (topic, id, name) =>
  sinkRecord({ topic, keySchema: Schemas.INT32, key: id, valueSchema, value: new Struct(valueSchema, { id, name, qty: null }) });

interface ModeCase {
  readonly insertMode: string;
  readonly pkMode: string;
  readonly pkFields?: string;
  readonly build: Build;
  /** Rows (id, name) after writing 1:a, 2:b and then 2:b2 (undefined: the second write is not valid in this mode). */
  readonly expected: (string | null)[][];
  readonly second: boolean;
}

const MODES: ModeCase[] = [
  { insertMode: 'insert', pkMode: 'none', build: structKey, second: true, expected: [['1', 'a'], ['2', 'b'], ['2', 'b2']] },
  { insertMode: 'insert', pkMode: 'kafka', build: structKey, second: true, expected: [['1', 'a'], ['2', 'b'], ['2', 'b2']] },
  { insertMode: 'insert', pkMode: 'record_key', build: structKey, second: false, expected: [['1', 'a'], ['2', 'b']] },
  { insertMode: 'insert', pkMode: 'record_key', pkFields: 'id', build: primitiveKey, second: false, expected: [['1', 'a'], ['2', 'b']] },
  { insertMode: 'insert', pkMode: 'record_value', pkFields: 'id', build: structKey, second: false, expected: [['1', 'a'], ['2', 'b']] },
  { insertMode: 'upsert', pkMode: 'kafka', build: structKey, second: true, expected: [['1', 'a'], ['2', 'b'], ['2', 'b2']] },
  { insertMode: 'upsert', pkMode: 'record_key', build: structKey, second: true, expected: [['1', 'a'], ['2', 'b2']] },
  { insertMode: 'upsert', pkMode: 'record_key', pkFields: 'id', build: primitiveKey, second: true, expected: [['1', 'a'], ['2', 'b2']] },
  { insertMode: 'upsert', pkMode: 'record_value', pkFields: 'id', build: structKey, second: true, expected: [['1', 'a'], ['2', 'b2']] },
  { insertMode: 'update', pkMode: 'record_key', build: structKey, second: true, expected: [['1', 'a'], ['2', 'b2']] },
  { insertMode: 'update', pkMode: 'record_value', pkFields: 'id', build: structKey, second: true, expected: [['1', 'a'], ['2', 'b2']] },
];

export function writeModeScenarios(db: LiveDb, h: LiveHarness): void {
  describe('insert.mode × pk.mode', () => {
    it.each(MODES)('writes with insert.mode=$insertMode pk.mode=$pkMode pk.fields=$pkFields', async (m) => {
      // Prepare
      const table = h.table(`m_${m.insertMode}_${m.pkMode}`);
      const props = { 'pk.mode': m.pkMode, 'pk.fields': m.pkFields ?? '', 'auto.create': 'true' };
      // update never inserts: the rows are created by an upsert first.
      const seed = h.writer({ ...props, 'insert.mode': m.insertMode === 'update' ? 'upsert' : m.insertMode });
      const writer = h.writer({ ...props, 'insert.mode': m.insertMode });

      // Act
      await seed.write([m.build(table, 1, 'a'), m.build(table, 2, 'b')]);
      const result = m.second ? await writer.write([m.build(table, 2, 'b2')]) : undefined;

      // Assess
      expect(await h.rows(table, 'id, name')).toEqual(m.expected);
      if (result) expect(result).toEqual({ written: 1, deleted: 0, tables: { [table]: { written: 1, deleted: 0 } } });
    });
  });

  it('upserts the same batch twice without duplicates, the last value winning', async () => {
    // Prepare
    const table = h.table('upsert_twice');
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true' });
    const batch = [order(table, 1, 'a', 1), order(table, 2, 'b', 1), order(table, 1, 'a-last', 2)];

    // Act
    await writer.write(batch);
    await writer.write(batch);

    // Assess
    expect(await h.rows(table, 'id, name, qty')).toEqual([
      ['1', 'a-last', '2'],
      ['2', 'b', '1'],
    ]);
  });

  it('collapses several records for one key in a batch to the last one before executing', async () => {
    // Prepare
    const table = h.table('collapse');
    const spy = recording(db.connector);
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true' }, spy.connector);
    const batch = [1, 2, 3, 4].map((v) => order(table, 7, `v${v}`, v));

    // Act
    const result = await writer.write(batch);

    // Assess
    const loads = spy.calls.filter((c) => c.method === 'load');
    const writes = spy.calls.filter((c) => c.method === 'execute' && /^insert/i.test(c.sql ?? ''));
    expect(writes).toHaveLength(1);
    // With bulk.load.mode=always the one row is the bulk load's input; the INSERT … SELECT has no binds.
    if (loads.length > 0) expect(loads.map((c) => c.binds)).toEqual([['7\tv4\t4\n']]);
    else expect(writes[0]!.binds).toEqual([7, 'v4', 4]);
    expect(result.written).toBe(4);
    expect(await h.rows(table, 'id, name, qty')).toEqual([['7', 'v4', '4']]);
  });

  it('deletes on tombstones with delete.enabled, keeping an insert that follows a delete', async () => {
    // Prepare
    const table = h.table('tombstones');
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'delete.enabled': 'true', 'auto.create': 'true' });
    await writer.write([order(table, 1, 'a'), order(table, 2, 'b'), order(table, 3, 'c')]);

    // Act
    const result = await writer.write([order(table, 1, null), order(table, 3, null), order(table, 3, 'c-again'), order(table, 9, null)]);

    // Assess
    expect(await h.rows(table, 'id, name')).toEqual([
      ['2', 'b'],
      ['3', 'c-again'],
    ]);
    expect(result).toEqual({ written: 1, deleted: 3, tables: { [table]: { written: 1, deleted: 3 } } });
  });

  it('writes a 10k-record batch with multi-row statements', async () => {
    // Prepare
    const table = h.table('bulk');
    const spy = recording(db.connector);
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true', 'batch.size': '2500', 'bulk.load.mode': 'never' }, spy.connector);
    const batch = Array.from({ length: 10_000 }, (_, i) => order(table, i, `name ${i}`, i * 2));

    // Act
    await writer.write(batch);

    // Assess
    const count = await h.admin().query(`SELECT COUNT(*) AS n FROM ${db.quote(table)}`, []);
    const inserts = spy.calls.filter((c) => c.method === 'execute' && /^insert/i.test(c.sql ?? ''));
    expect(String(count[0]!['n'])).toBe('10000');
    expect(inserts).toHaveLength(4);
    expect(spy.calls.filter((c) => c.method === 'commit')).toHaveLength(1);
  });
}
