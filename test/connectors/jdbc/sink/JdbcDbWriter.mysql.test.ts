// JdbcDbWriter against the real local MariaDB (127.0.0.1:3306, root, database test) through MySqlConnector.
import { describe, expect, it } from 'vitest';
import { MySqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/MySqlConnector.js';
import { Schemas, structSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { sinkRecord } from './fixtures.js';
import { type LiveDb, liveHarness } from './liveWriter.js';
import { allTypes, allTypesValue, structureScenarios } from './structureScenarios.js';
import { schemalessNumbersScenarios } from './schemalessNumbersScenarios.js';
import { tableLifecycleScenarios } from './tableLifecycleScenarios.js';
import { timestampFieldsScenarios } from './timestampFieldsScenarios.js';
import { writeModeScenarios } from './writeModeScenarios.js';

const db: LiveDb = {
  dialect: 'mysql',
  url: 'jdbc:mariadb://127.0.0.1:3306/test?user=root',
  connector: new MySqlConnector(),
  bool: (v) => (v ? '1' : '0'),
  quote: (name) => `\`${name.replace(/`/g, '``')}\``,
};

describe('JdbcDbWriter on MariaDB', () => {
  const h = liveHarness(db);
  writeModeScenarios(db, h);
  structureScenarios(db, h);
  tableLifecycleScenarios(db, h);
  schemalessNumbersScenarios(h);
  timestampFieldsScenarios(db, h);

  it("auto-creates every Connect type with Kafka's MySQL mapping, a STRING key as VARCHAR(256)", async () => {
    // Prepare
    const table = h.table('types');
    const writer = h.writer({ 'pk.mode': 'record_value', 'pk.fields': 'code', 'auto.create': 'true' });

    // Act
    await writer.write([sinkRecord({ topic: table, valueSchema: allTypes, value: allTypesValue })]);

    // Assess
    const columns = await h.admin().query('SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [table]);
    expect(columns.map((c) => Object.values(c))).toEqual([
      ['code', 'varchar(256)', 'NO'],
      ['price', 'decimal(65,2)', 'NO'],
      ['born', 'date', 'NO'],
      ['alarm', 'time(3)', 'NO'],
      ['at', 'datetime(3)', 'NO'],
      ['payload', 'varbinary(1024)', 'NO'],
      ['active', 'tinyint(4)', 'NO'],
      ['i8', 'tinyint(4)', 'NO'],
      ['i16', 'smallint(6)', 'NO'],
      ['i32', 'int(11)', 'NO'],
      ['i64', 'bigint(20)', 'NO'],
      ['f32', 'float', 'NO'],
      ['f64', 'double', 'NO'],
      ['note', 'text', 'YES'],
    ]);
    expect(await h.rows(table, 'code, price, born, alarm, `at`, HEX(payload), active, i8, i16, i32, i64, f32, f64, note')).toEqual([
      ['A-1', '19.99', '2024-02-29', '13:45:30.250', '2024-02-29 13:45:30.250', 'DEAD', '1', '8', '16', '32', '9007199254740993', '1.5', '2.25', null],
    ]);
  });

  it('quotes table and column names holding backticks, quotes and spaces', async () => {
    // Prepare
    const table = h.table('we`ird ta ble');
    const schema = structSchema([
      ['the `id`', Schemas.INT32],
      ["o'clock; drop", Schemas.STRING],
    ]);
    const writer = h.writer({ 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'the `id`', 'auto.create': 'true' });

    // Act
    await writer.write([sinkRecord({ topic: table, valueSchema: schema, value: new Struct(schema, { 'the `id`': 1, "o'clock; drop": 'x' }) })]);

    // Assess
    expect(await h.rows(table, "`the ``id```, `o'clock; drop`")).toEqual([['1', 'x']]);
  });
});
