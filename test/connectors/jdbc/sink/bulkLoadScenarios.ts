// Live scenarios of the bulk path (COPY / LOAD DATA into a staging table), shared by PostgreSQL and MariaDB: each
// runs the same batches through a writer with bulk.load.mode=never (multi-row statements) and one with
// bulk.load.mode=always, into two tables, and compares what the tables hold.
import { describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../../../lambdas/connect-api/data/ConnectRecord.js';
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import { dateSchema, decimalSchema, optional, Schemas, structSchema, timeSchema, timestampSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { WriteError } from '../../../../lambdas/connectors/jdbc/sink/errors.js';
import { type Call, order, recording, sinkRecord, valueSchema } from './fixtures.js';
import type { LiveDb, LiveHarness } from './liveWriter.js';

const TEXTS = ['plain', 'tab\there', 'new\nline', 'cr\rlf\r\n', 'back\\slash', '\\N', 'NULL', '\\', 'ünïcödé 😀 中文', '', ' lead and trail ', "quote ' and \"", '\\t not a tab'];

const wide = structSchema([
  ['code', Schemas.STRING],
  ['price', decimalSchema(3)],
  ['born', optional(dateSchema())],
  ['alarm', optional(timeSchema())],
  ['at', optional(timestampSchema())],
  ['payload', optional(Schemas.BYTES)],
  ['active', optional(Schemas.BOOLEAN)],
  ['i8', optional(Schemas.INT8)],
  ['i16', optional(Schemas.INT16)],
  ['i32', optional(Schemas.INT32)],
  ['i64', optional(Schemas.INT64)],
  ['f32', optional(Schemas.FLOAT32)],
  ['f64', optional(Schemas.FLOAT64)],
  ['note', optional(Schemas.STRING)],
]);

/** Record `i` of the wide schema: every type, a NULL in a rotating column, texts and bytes the load format escapes. */
function wideRecord(topic: string, i: number, round = 0): SinkRecord {
  const nul = i % 13;
  const v = (column: number, value: unknown) => (nul === column ? null : value);
  const value = new Struct(wide, {
    code: `c${i}`,
    price: new Decimal(BigInt((i % 2 === 0 ? -1 : 1) * (i * 1001 + round)), 3),
    born: v(1, new Date(Date.UTC(1969 + (i % 80), i % 12, 1 + (i % 28)))),
    alarm: v(2, new Date(Date.UTC(1970, 0, 1, i % 24, i % 60, i % 60, i % 1000))),
    at: v(3, new Date(Date.UTC(2024, 1, 29, 13, 45, 30, i % 1000) + i * 60_000)),
    payload: v(4, Uint8Array.from([i % 256, 0x09, 0x0a, 0x5c, 0x00, 0x4e, 0xff])),
    active: v(5, i % 3 === 0),
    i8: v(6, (i % 256) - 128),
    i16: v(7, -i),
    i32: v(8, i * 1000 + round),
    i64: v(9, 9_007_199_254_740_993n + BigInt(i)),
    f32: v(10, 1.5 + i),
    f64: v(11, i % 5 === 0 ? -0.1 * i : 1e300 / (i + 1)),
    note: v(12, `${TEXTS[i % TEXTS.length]!} r${round}`),
  });
  return sinkRecord({ topic, valueSchema: wide, value });
}

interface Compared {
  readonly multiRow: (string | null)[][];
  readonly bulk: (string | null)[][];
  readonly calls: Call[];
}

export function bulkLoadScenarios(db: LiveDb, h: LiveHarness): void {
  /** Writes each batch (built for a topic = table name) with both paths; returns both tables and the bulk writer's calls. */
  async function compare(props: Record<string, string>, batches: ((topic: string) => SinkRecord[])[], columns = '*'): Promise<Compared> {
    const a = h.table('bulk_ref');
    const b = h.table('bulk_cmp');
    const spy = recording(db.connector);
    const multiRow = h.writer({ ...props, 'bulk.load.mode': 'never' });
    const bulk = h.writer({ ...props, 'bulk.load.mode': 'always' }, spy.connector);
    for (const batch of batches) {
      const ra = await multiRow.write(batch(a));
      const rb = await bulk.write(batch(b));
      expect(rb.written).toBe(ra.written);
      expect(rb.deleted).toBe(ra.deleted);
    }
    return { multiRow: await h.rows(a, columns), bulk: await h.rows(b, columns), calls: spy.calls };
  }

  /** The bulk writer loaded every batch through COPY / LOAD DATA and never fell back. */
  function loadedOnly(calls: readonly Call[], loads: number): void {
    expect(calls.filter((c) => c.method === 'load')).toHaveLength(loads);
    expect(calls.filter((c) => c.method === 'rollback')).toHaveLength(0);
    expect(calls.filter((c) => c.method === 'execute' && /^\s*INSERT INTO .* VALUES/i.test(c.sql ?? ''))).toHaveLength(0);
  }

  describe('bulk load path (COPY / LOAD DATA) against multi-row statements', () => {
    it('writes every Connect type, NULLs and escaped texts and bytes exactly as the multi-row path', async () => {
      const batch = (t: string) => Array.from({ length: 260 }, (_, i) => wideRecord(t, i));
      const run = await compare({ 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'code', 'auto.create': 'true' }, [batch]);
      expect(run.bulk).toHaveLength(260);
      expect(run.bulk).toEqual(run.multiRow);
      expect(run.bulk.some((r) => r.includes('tab\there r0'))).toBe(true);
      loadedOnly(run.calls, 1);
    });

    it('upserts existing rows, deletes tombstones and leaves no duplicate when a batch is redelivered', async () => {
      const first = (t: string) => Array.from({ length: 300 }, (_, i) => order(t, i, `first ${i}`, i));
      const second = (t: string) => [
        ...Array.from({ length: 150 }, (_, i) => order(t, i, `second ${TEXTS[i % TEXTS.length]}`, i * 2)),
        ...Array.from({ length: 50 }, (_, i) => order(t, 150 + i, null)),
        ...Array.from({ length: 50 }, (_, i) => order(t, 300 + i, `new ${i}`, null)),
        order(t, 7, 'seven, last write wins', 77),
      ];
      const run = await compare({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'delete.enabled': 'true', 'auto.create': 'true' }, [first, second, second]);
      expect(run.bulk).toHaveLength(300);
      expect(run.bulk).toEqual(run.multiRow);
      expect(run.bulk.find((r) => r[0] === '7')).toEqual(['7', 'seven, last write wins', '77']);
      expect(run.bulk.some((r) => r[0] === '160')).toBe(false);
      // first: one load; second (twice): a load for the writes, one for the tombstones, then one for the last write.
      loadedOnly(run.calls, 1 + 2 * 3);
    });

    it.each([
      { insertMode: 'insert', pkMode: 'none', pkFields: '' },
      { insertMode: 'insert', pkMode: 'kafka', pkFields: '' },
      { insertMode: 'insert', pkMode: 'record_value', pkFields: 'id' },
      { insertMode: 'upsert', pkMode: 'record_value', pkFields: 'id,name' },
    ])('writes with insert.mode=$insertMode pk.mode=$pkMode as the multi-row path', async (m) => {
      const batch = (t: string) => Array.from({ length: 120 }, (_, i) => sinkRecord({ topic: t, partition: 0, offset: 1000 + i, valueSchema, value: new Struct(valueSchema, { id: i, name: TEXTS[i % TEXTS.length]!, qty: i % 4 === 0 ? null : i }) }));
      const run = await compare({ 'insert.mode': m.insertMode, 'pk.mode': m.pkMode, 'pk.fields': m.pkFields, 'auto.create': 'true' }, [batch], 'id, name, qty');
      expect(run.bulk).toHaveLength(120);
      expect(run.bulk).toEqual(run.multiRow);
      loadedOnly(run.calls, 1);
    });

    it('updates existing rows by key with insert.mode=update, touching no other row', async () => {
      const seed = (t: string) => Array.from({ length: 100 }, (_, i) => order(t, i, `seed ${i}`, i));
      const props = { 'pk.mode': 'record_key', 'auto.create': 'true' };
      const a = h.table('bulk_upd_ref');
      const b = h.table('bulk_upd_cmp');
      for (const t of [a, b]) await h.writer({ ...props, 'insert.mode': 'upsert', 'bulk.load.mode': 'never' }).write(seed(t));
      const spy = recording(db.connector);
      const update = (t: string) => Array.from({ length: 60 }, (_, i) => order(t, i * 2, `updated\t${i}`, null));
      await h.writer({ ...props, 'insert.mode': 'update', 'bulk.load.mode': 'never' }).write(update(a));
      await h.writer({ ...props, 'insert.mode': 'update', 'bulk.load.mode': 'always' }, spy.connector).write(update(b));
      expect(await h.rows(b)).toEqual(await h.rows(a));
      loadedOnly(spy.calls, 1);
    });

    it('creates and evolves the table as the multi-row path does (auto.create, auto.evolve)', async () => {
      const evolved = structSchema([
        ['id', Schemas.INT32],
        ['name', Schemas.STRING],
        ['qty', optional(Schemas.INT64)],
        ['extra', optional(Schemas.STRING)],
      ]);
      const second = (t: string) => Array.from({ length: 50 }, (_, i) => sinkRecord({ topic: t, valueSchema: evolved, value: new Struct(evolved, { id: i, name: `n${i}`, qty: i, extra: i % 2 ? 'x\\y' : null }) }));
      const first = (t: string) => Array.from({ length: 50 }, (_, i) => order(t, i + 25, `first ${i}`, i));
      const run = await compare({ 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'id', 'auto.create': 'true', 'auto.evolve': 'true' }, [first, second]);
      expect(run.bulk).toHaveLength(75);
      expect(run.bulk).toEqual(run.multiRow);
      loadedOnly(run.calls, 2);
    });

    // bulk.load.mode=auto takes COPY on PostgreSQL only: LOAD DATA measured no faster than multi-row statements on MariaDB.
    const autoLoads = db.dialect === 'postgresql' ? 1 : 0;
    it(`takes the bulk path from bulk.load.threshold rows on with bulk.load.mode=auto${autoLoads === 0 ? ': never on MySQL' : ''}`, async () => {
      const table = h.table('bulk_threshold');
      const spy = recording(db.connector);
      const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true', 'bulk.load.threshold': '40' }, spy.connector);
      await writer.write(Array.from({ length: 39 }, (_, i) => order(table, i, 'below')));
      expect(spy.calls.filter((c) => c.method === 'load')).toHaveLength(0);
      await writer.write(Array.from({ length: 40 }, (_, i) => order(table, i, 'at')));
      expect(spy.calls.filter((c) => c.method === 'load')).toHaveLength(autoLoads);
      // 45 records, 39 distinct keys: the threshold counts the rows after the collapse per key.
      await writer.write(Array.from({ length: 45 }, (_, i) => order(table, i % 39, 'collapsed')));
      expect(spy.calls.filter((c) => c.method === 'load')).toHaveLength(autoLoads);
      expect((await h.rows(table, 'id, name')).filter((r) => r[1] === 'at')).toEqual([['39', 'at']]);
    });

    it('rolls back a batch the database refuses and writes it again with multi-row statements, which report the error', async () => {
      const table = h.table('bulk_refused');
      const quoted = db.quote(table);
      await h.admin().execute(`CREATE TABLE ${quoted} (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL CHECK (name <> 'poison'), qty BIGINT)`, []);
      const spy = recording(db.connector);
      const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'bulk.load.mode': 'always' }, spy.connector);
      const batch = Array.from({ length: 200 }, (_, i) => order(table, i, i === 123 ? 'poison' : `ok ${i}`, i));
      const error = await writer.write(batch).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(String((error as Error).message)).toMatch(/check|constraint/i);
      expect(await h.rows(table)).toEqual([]);
      const methods = spy.calls.map((c) => (c.method === 'execute' && /^\s*INSERT INTO .* VALUES/i.test(c.sql ?? '') ? 'multiRow' : c.method));
      expect(methods.indexOf('load')).toBeLessThan(methods.indexOf('rollback'));
      expect(methods.lastIndexOf('multiRow')).toBeGreaterThan(methods.indexOf('rollback'));
      // The same writer then writes the batch without the bad record through the bulk path.
      await writer.write(batch.filter((_, i) => i !== 123));
      expect(await h.rows(table, 'count(*)')).toEqual([['199']]);
      expect(spy.calls.filter((c) => c.method === 'load')).toHaveLength(2);
    });
  });
}
