// JdbcDbWriter against the real local PostgreSQL (127.0.0.1:5432, database test) through PgConnector.
import { describe, expect, it } from 'vitest';
import { PgConnector } from '../../../../lambdas/connectors/jdbc/drivers/PgConnector.js';
import { Schemas, structSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { order, recording, sinkRecord } from './fixtures.js';
import { type LiveDb, liveHarness } from './liveWriter.js';
import { allTypes, allTypesValue, structureScenarios } from './structureScenarios.js';
import { schemalessNumbersScenarios } from './schemalessNumbersScenarios.js';
import { tableLifecycleScenarios } from './tableLifecycleScenarios.js';
import { timestampFieldsScenarios } from './timestampFieldsScenarios.js';
import { writeModeScenarios } from './writeModeScenarios.js';

const db: LiveDb = {
  dialect: 'postgresql',
  url: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres',
  connector: new PgConnector(),
  bool: (v) => String(v),
  quote: (name) => `"${name.replace(/"/g, '""')}"`,
};

describe('JdbcDbWriter on PostgreSQL', () => {
  const h = liveHarness(db);
  writeModeScenarios(db, h);
  structureScenarios(db, h);
  tableLifecycleScenarios(db, h);
  schemalessNumbersScenarios(h);
  timestampFieldsScenarios(db, h);

  it("auto-creates every Connect type with Kafka's PostgreSQL mapping and reads the values back", async () => {
    // Prepare
    const table = h.table('types');
    const writer = h.writer({ 'pk.mode': 'record_value', 'pk.fields': 'code', 'auto.create': 'true' });

    // Act
    await writer.write([sinkRecord({ topic: table, valueSchema: allTypes, value: allTypesValue })]);

    // Assess
    const columns = await h.admin().query('SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position', [table]);
    expect(columns.map((c) => [c['column_name'], c['data_type'], c['is_nullable']])).toEqual([
      ['code', 'text', 'NO'],
      ['price', 'numeric', 'NO'],
      ['born', 'date', 'NO'],
      ['alarm', 'time without time zone', 'NO'],
      ['at', 'timestamp without time zone', 'NO'],
      ['payload', 'bytea', 'NO'],
      ['active', 'boolean', 'NO'],
      ['i8', 'smallint', 'NO'],
      ['i16', 'smallint', 'NO'],
      ['i32', 'integer', 'NO'],
      ['i64', 'bigint', 'NO'],
      ['f32', 'real', 'NO'],
      ['f64', 'double precision', 'NO'],
      ['note', 'text', 'YES'],
    ]);
    const select = `code, price::text, born::text, alarm::text, "at"::text, encode(payload, 'hex'), active, i8, i16, i32, i64, f32, f64, note`;
    expect(await h.rows(table, select)).toEqual([
      ['A-1', '19.99', '2024-02-29', '13:45:30.25', '2024-02-29 13:45:30.25', 'dead', 'true', '8', '16', '32', '9007199254740993', '1.5', '2.25', null],
    ]);
  });

  it('quotes table and column names holding quotes and spaces', async () => {
    // Prepare
    const table = h.table('we"ird ta ble');
    const schema = structSchema([
      ['the "id"', Schemas.INT32],
      ["o'clock; drop", Schemas.STRING],
    ]);
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'the "id"', 'auto.create': 'true' });

    // Act
    await writer.write([sinkRecord({ topic: table, valueSchema: schema, value: new Struct(schema, { 'the "id"': 1, "o'clock; drop": 'x' }) })]);

    // Assess
    expect(await h.rows(table, `"the ""id""", "o'clock; drop"`)).toEqual([['1', 'x']]);
  });

  it('reconnects once when the kept connection was closed by the server between writes', async () => {
    // Prepare
    const table = h.table('reconnect');
    const spy = recording(db.connector);
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true' }, spy.connector);
    await writer.write([order(table, 1, 'a')]);
    const [pid] = await spy.connections[0]!.query('SELECT pg_backend_pid() AS pid', []);
    await h.admin().query('SELECT pg_terminate_backend($1)', [pid!['pid']]);

    // Act
    await writer.write([order(table, 2, 'b')]);

    // Assess
    expect(spy.connections).toHaveLength(2);
    expect(await h.rows(table, 'id, name')).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
  });
});
