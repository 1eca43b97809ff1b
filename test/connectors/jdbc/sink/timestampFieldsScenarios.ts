// timestamp.fields.list / timestamp.precision.mode on a live database, derived from Confluent's
// AbstractJdbcSinkConnectorIT.testTimestampFieldsList (INT64 epoch microseconds into TIMESTAMP columns) and the
// dialects' getSqlType (auto.create: TIMESTAMP on PostgreSQL, DATETIME(6) on MySQL).
import { expect, it } from 'vitest';
import { Schemas, structSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { sinkRecord } from './fixtures.js';
import type { LiveDb, LiveHarness } from './liveWriter.js';

const schema = structSchema([
  ['id', Schemas.INT32],
  ['name', Schemas.STRING],
  ['created_at', Schemas.INT64],
  ['updated_at', Schemas.STRING],
]);

// 2024-02-29 13:45:30.123456 UTC.
const MICROS = 1_709_214_330_123_456n;

export function timestampFieldsScenarios(db: LiveDb, h: LiveHarness): void {
  const text = (column: string) => (db.dialect === 'postgresql' ? `${db.quote(column)}::text` : `CAST(${db.quote(column)} AS CHAR)`);

  it('testTimestampFieldsList: INT64 and STRING epoch microseconds land in existing TIMESTAMP columns', async () => {
    // Prepare
    const table = h.table('tsfields');
    const type = db.dialect === 'postgresql' ? 'TIMESTAMP' : 'DATETIME(6)';
    await h.admin().execute(`CREATE TABLE ${db.quote(table)} (id INT, name VARCHAR(100), created_at ${type}, updated_at ${type})`, []);
    const writer = h.writer({ 'insert.mode': 'insert', 'pk.mode': 'none', 'auto.create': 'false', 'timestamp.fields.list': 'created_at,updated_at' });

    // Act
    await writer.write([sinkRecord({ topic: table, valueSchema: schema, value: new Struct(schema, { id: 1, name: 'TimestampTest', created_at: MICROS, updated_at: String(MICROS + 1_000_000n) }) })]);

    // Assess
    expect(await h.rows(table, `id, name, ${text('created_at')}, ${text('updated_at')}`)).toEqual([['1', 'TimestampTest', '2024-02-29 13:45:30.123456', '2024-02-29 13:45:31.123456']]);
  });

  it('auto-creates timestamp.fields.list columns as timestamps and reads nanoseconds with timestamp.precision.mode=nanoseconds', async () => {
    // Prepare
    const table = h.table('tsnanos');
    const writer = h.writer({ 'pk.mode': 'record_value', 'pk.fields': 'id', 'auto.create': 'true', 'timestamp.fields.list': 'created_at', 'timestamp.precision.mode': 'nanoseconds' });

    // Act
    await writer.write([sinkRecord({ topic: table, valueSchema: schema, value: new Struct(schema, { id: 2, name: 'n', created_at: MICROS * 1000n + 789n, updated_at: 'not listed' }) })]);

    // Assess
    const types = await h.admin().query(
      db.dialect === 'postgresql'
        ? 'SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position'
        : 'SELECT COLUMN_NAME AS c, COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [table],
    );
    expect(types.map((r) => [r['c'], String(r['t'])])).toEqual(
      db.dialect === 'postgresql'
        ? [['id', 'integer'], ['name', 'text'], ['created_at', 'timestamp without time zone'], ['updated_at', 'text']]
        : [['id', 'int(11)'], ['name', 'text'], ['created_at', 'datetime(6)'], ['updated_at', 'text']],
    );
    expect(await h.rows(table, `id, ${text('created_at')}, updated_at`)).toEqual([['2', '2024-02-29 13:45:30.123456', 'not listed']]);
  });
}
