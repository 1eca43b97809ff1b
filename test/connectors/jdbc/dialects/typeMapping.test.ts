// The Connect type → column type table of §5.6, per dialect, and the error for unmapped types.
import { describe, expect, it } from 'vitest';
import {
  arraySchema,
  dateSchema,
  decimalSchema,
  mapSchema,
  type Schema,
  Schemas,
  structSchema,
  timeSchema,
  timestampSchema,
} from '../../../../lambdas/connect-api/data/Schema.js';
import { dialectFor } from '../../../../lambdas/connectors/jdbc/dialects/index.js';
import { DataError } from '../../../../lambdas/connect-api/errors.js';

const table: [string, Schema, string, string, string][] = [
  // connect type, schema, PostgreSQL, MySQL/MariaDB, Oracle
  ['INT8', Schemas.INT8, 'SMALLINT', 'TINYINT', 'NUMBER(3,0)'],
  ['INT16', Schemas.INT16, 'SMALLINT', 'SMALLINT', 'NUMBER(5,0)'],
  ['INT32', Schemas.INT32, 'INT', 'INT', 'NUMBER(10,0)'],
  ['INT64', Schemas.INT64, 'BIGINT', 'BIGINT', 'NUMBER(19,0)'],
  ['FLOAT32', Schemas.FLOAT32, 'REAL', 'FLOAT', 'BINARY_FLOAT'],
  ['FLOAT64', Schemas.FLOAT64, 'DOUBLE PRECISION', 'DOUBLE', 'BINARY_DOUBLE'],
  ['BOOLEAN', Schemas.BOOLEAN, 'BOOLEAN', 'TINYINT', 'NUMBER(1,0)'],
  ['STRING', Schemas.STRING, 'TEXT', 'TEXT', 'VARCHAR2(4000)'],
  ['BYTES', Schemas.BYTES, 'BYTEA', 'VARBINARY(1024)', 'BLOB'],
  ['Decimal(3)', decimalSchema(3), 'DECIMAL', 'DECIMAL(65,3)', 'NUMBER(*,3)'],
  ['Date', dateSchema(), 'DATE', 'DATE', 'DATE'],
  ['Time', timeSchema(), 'TIME', 'TIME(3)', 'DATE'],
  ['Timestamp', timestampSchema(), 'TIMESTAMP', 'DATETIME(3)', 'TIMESTAMP'],
];

describe('column types', () => {
  const pg = dialectFor('postgresql');
  const my = dialectFor('mysql');
  const ora = dialectFor('oracle');

  it.each(table)('maps %s', (_name, schema, postgres, mysql, oracle) => {
    const column = { name: 'c', schema };
    expect([pg.columnType(column, false), my.columnType(column, false), ora.columnType(column, false)]).toEqual([postgres, mysql, oracle]);
  });

  it('maps STRING key columns to VARCHAR(256) on MySQL only', () => {
    const column = { name: 'k', schema: Schemas.STRING };
    expect([pg.columnType(column, true), my.columnType(column, true), ora.columnType(column, true)]).toEqual(['TEXT', 'VARCHAR(256)', 'VARCHAR2(4000)']);
  });

  it('maps arrays to PostgreSQL array types and nowhere else', () => {
    const column = { name: 'tags', schema: arraySchema(Schemas.STRING) };
    expect(pg.columnType(column, false)).toBe('TEXT[]');
    expect(() => my.columnType(column, false)).toThrow(new DataError("tags (ARRAY) type doesn't have a mapping to the SQL database column type"));
    expect(() => ora.columnType(column, false)).toThrow(DataError);
  });

  it('refuses MAP and STRUCT with the schema name, or the column name when the schema has none', () => {
    const map = { name: 'm', schema: mapSchema(Schemas.STRING, Schemas.INT32) };
    const struct = { name: 's', schema: structSchema([['a', Schemas.INT32]], { name: 'com.example.Address' }) };
    for (const d of [pg, my, ora]) {
      expect(() => d.columnType(map, false), d.name).toThrow("m (MAP) type doesn't have a mapping to the SQL database column type");
      expect(() => d.columnType(struct, false), d.name).toThrow("com.example.Address (STRUCT) type doesn't have a mapping to the SQL database column type");
    }
    expect(() => pg.createTable({ table: 't' }, [map], [])).toThrow(DataError);
  });

  it('refuses a Decimal scale that is not an integer instead of writing it into SQL', () => {
    const column = { name: 'd', schema: { ...decimalSchema(2), parameters: { scale: '2); DROP TABLE x; --' } } };
    expect(() => my.columnType(column, false)).toThrow(DataError);
    expect(() => ora.columnType(column, false)).toThrow(DataError);
  });
});
