// Golden SQL and binds of the MySQL/MariaDB dialect (the live test runs the same statements on MariaDB).
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import { decimalSchema, Schemas, schema, timeSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { dialectFor, type WriteRequest } from '../../../../lambdas/connectors/jdbc/dialects/index.js';

const my = dialectFor('mysql');
const table = my.parseTableId('sales.orders');
const request: WriteRequest = {
  table,
  keyColumns: [{ name: 'id', schema: Schemas.INT32 }],
  valueColumns: [
    { name: 'name', schema: Schemas.OPTIONAL_STRING },
    { name: 'ok', schema: Schemas.BOOLEAN },
  ],
  rows: [
    [1, 'a', true],
    [2, null, false],
  ],
};

describe('MySqlDialect writes', () => {
  it('reads a.b as database.table and inserts several rows with ? placeholders', () => {
    expect(table).toEqual({ catalog: 'sales', table: 'orders' });
    expect(my.placeholderStyle).toBe('question');
    expect(my.insert(request)).toEqual([
      { kind: 'multiRow', sql: 'INSERT INTO `sales`.`orders` (`id`,`name`,`ok`) VALUES (?,?,?),(?,?,?)', params: [1, 'a', 1, 2, null, 0], rowCount: 2 },
    ]);
  });

  it('upserts with ON DUPLICATE KEY UPDATE c=VALUES(c), or the keys when there are no value columns', () => {
    expect(my.upsert(request)[0]?.sql).toBe(
      'INSERT INTO `sales`.`orders` (`id`,`name`,`ok`) VALUES (?,?,?),(?,?,?) ON DUPLICATE KEY UPDATE `name`=VALUES(`name`),`ok`=VALUES(`ok`)',
    );
    expect(my.upsert({ ...request, valueColumns: [], rows: [[1]] })[0]?.sql).toBe(
      'INSERT INTO `sales`.`orders` (`id`) VALUES (?) ON DUPLICATE KEY UPDATE `id`=VALUES(`id`)',
    );
  });

  it('updates per row and deletes with IN', () => {
    expect(my.update(request)[0]).toEqual({
      kind: 'perRow',
      sql: 'UPDATE `sales`.`orders` SET `name`=?,`ok`=? WHERE `id`=?',
      rows: [
        ['a', 1, 1],
        [null, 0, 2],
      ],
      rowCount: 2,
    });
    expect(my.delete({ table, keyColumns: request.keyColumns, rows: [[1], [2]] })[0]).toMatchObject({
      sql: 'DELETE FROM `sales`.`orders` WHERE `id` IN (?,?)',
      params: [1, 2],
    });
  });
});

describe('MySqlDialect DDL', () => {
  it('maps STRING key columns to VARCHAR(256) and other STRING columns to TEXT', () => {
    const columns = [
      { name: 'code', schema: Schemas.STRING },
      { name: 'note', schema: Schemas.OPTIONAL_STRING },
    ];
    expect(my.createTable({ table: 't' }, columns, ['code']).sql).toBe('CREATE TABLE `t` (\n`code` VARCHAR(256) NOT NULL,\n`note` TEXT NULL,\nPRIMARY KEY(`code`))');
  });

  it('renders defaults: TEXT as an expression, backslashes doubled, booleans 1/0, bytes X\'..\'', () => {
    const columns = [
      { name: 's', schema: schema('STRING', { defaultValue: "a\\'b" }) },
      { name: 'b', schema: schema('BOOLEAN', { defaultValue: false }) },
      { name: 'x', schema: schema('BYTES', { defaultValue: Uint8Array.of(0xff) }) },
      { name: 'd', schema: decimalSchema(3, { defaultValue: new Decimal(1n, 3) }) },
      { name: 't', schema: timeSchema({ defaultValue: new Date(45_296_789) }) },
      { name: 'f', schema: schema('FLOAT64', { defaultValue: 1e21 }) },
    ];
    expect(columns.map((c) => my.defaultLiteral(c))).toEqual(["('a\\\\''b')", '0', "X'ff'", '0.001', "'12:34:56.789'", '1e+21']);
  });

  it('adds columns with one ADD per column', () => {
    expect(my.alterTableAddColumns(table, [{ name: 'at', schema: timeSchema({ optional: true }) }]).sql).toBe('ALTER TABLE `sales`.`orders` ADD `at` TIME(3) NULL');
  });
});

describe('MySqlDialect metadata, source queries and errors', () => {
  it('describes a table in its database or the current one', () => {
    expect(my.describeTable({ table: 'orders' })).toEqual({
      sql: 'SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      params: ['orders'],
    });
    expect(my.describeTable(table).params).toEqual(['sales', 'orders']);
    expect(my.parseColumns([['id', 'int(11)', 'NO']])).toEqual([{ name: 'id', sqlType: 'int(11)', nullable: false }]);
  });

  it('builds incrementing queries on a table and timestamp+incrementing queries on a custom query', () => {
    expect(my.sourceQuery({ mode: 'incrementing', table, incrementingColumn: 'id', limit: 10 })).toEqual({
      sql: 'SELECT * FROM `sales`.`orders` WHERE `sales`.`orders`.`id` > ? ORDER BY `sales`.`orders`.`id` ASC LIMIT ?',
      slots: ['lastIncrementing', 'limit'],
      limit: 10,
    });
    const q = my.sourceQuery({ mode: 'timestamp+incrementing', query: 'SELECT * FROM v', timestampColumns: ['a', 'b'], incrementingColumn: 'id' });
    expect(q.sql).toBe(
      'SELECT * FROM v WHERE COALESCE(`a`,`b`) < ? AND ((COALESCE(`a`,`b`) = ? AND `id` > ?) OR COALESCE(`a`,`b`) > ?) ORDER BY COALESCE(`a`,`b`),`id` ASC',
    );
    expect(my.sourceBinds(q, { endTimestamp: new Date(1000), lastIncrementing: 9007199254740993n })).toEqual([
      '1970-01-01 00:00:01.000000',
      '1970-01-01 00:00:00.000000',
      '9007199254740993',
      '1970-01-01 00:00:00.000000',
    ]);
  });

  it('classifies deadlocks, lock wait timeouts and lost connections as transient', () => {
    const transient = [{ code: 'ER_LOCK_DEADLOCK', errno: 1213 }, { errno: 1205 }, { code: 'PROTOCOL_CONNECTION_LOST' }, { code: 'ECONNREFUSED' }];
    for (const facts of transient) expect(my.isTransient(Object.assign(new Error('x'), facts)), JSON.stringify(facts)).toBe(true);
    expect(my.isTransient(Object.assign(new Error('x'), { code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(false);
    expect(my.isTransient('ECONNREFUSED')).toBe(false);
  });
});
