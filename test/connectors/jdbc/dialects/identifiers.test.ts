// Identifier safety across the dialects: quoting with `always`, plain words only with `never`, limits and parsing.
import { describe, expect, it } from 'vitest';
import { Schemas } from '../../../../lambdas/connect-api/data/Schema.js';
import { dialectFor, tableName } from '../../../../lambdas/connectors/jdbc/dialects/index.js';
import { ConfigError, DataError } from '../../../../lambdas/connect-api/errors.js';

const INJECTION = 't"; DROP TABLE x; --';
const BACKTICK_INJECTION = 't`; DROP TABLE x; --';

describe('quote.sql.identifiers=always', () => {
  it('doubles the quote character inside table and column names', () => {
    const pg = dialectFor('postgresql');
    const my = dialectFor('mysql');
    const ora = dialectFor('oracle');
    expect(pg.quoteTable(pg.parseTableId(INJECTION))).toBe('"t""; DROP TABLE x; --"');
    expect(ora.quoteColumn(INJECTION)).toBe('"t""; DROP TABLE x; --"');
    expect(my.quoteTable(my.parseTableId(BACKTICK_INJECTION))).toBe('`t``; DROP TABLE x; --`');
    expect(my.quoteColumn(INJECTION)).toBe('`t"; DROP TABLE x; --`');
  });

  it('keeps an injected column name inside one quoted identifier of the generated SQL', () => {
    const pg = dialectFor('postgresql');
    const [statement] = pg.insert({ table: { table: 'orders' }, keyColumns: [{ name: INJECTION, schema: Schemas.INT32 }], valueColumns: [], rows: [[1]] });
    expect(statement?.sql).toBe('INSERT INTO "orders" ("t""; DROP TABLE x; --") VALUES ($1)');
  });
});

describe('quote.sql.identifiers=never', () => {
  const dialects = (['postgresql', 'mysql', 'oracle'] as const).map((name) => dialectFor(name, { quoteIdentifiers: 'never' }));

  it('writes plain names unquoted', () => {
    for (const d of dialects) {
      expect(d.quoteTable(d.parseTableId('sales.orders_2024')), d.name).toBe('sales.orders_2024');
      expect(d.quoteColumn('amount$usd'), d.name).toBe('amount$usd');
    }
  });

  it('rejects table names that are not plain words with a config error', () => {
    for (const d of dialects) {
      expect(() => d.quoteTable(d.parseTableId(INJECTION)), d.name).toThrow(ConfigError);
      expect(() => d.quoteTable({ table: 'my-topic' }), d.name).toThrow(/quote.sql.identifiers=never a name must match/);
      expect(() => d.quoteTable({ table: '1abc' }), d.name).toThrow(ConfigError);
    }
  });

  it('rejects column names that are not plain words with a data error', () => {
    for (const d of dialects) {
      expect(() => d.quoteColumn(INJECTION), d.name).toThrow(DataError);
      expect(() => d.quoteColumn('a b'), d.name).toThrow(DataError);
    }
  });
});

describe('identifier validation', () => {
  it('rejects control characters and empty names in any mode', () => {
    for (const name of ['postgresql', 'mysql', 'oracle'] as const) {
      const d = dialectFor(name);
      expect(() => d.quoteColumn('a\u0000b'), name).toThrow(/control characters are not allowed/);
      expect(() => d.quoteColumn('a\nb'), name).toThrow(DataError);
      expect(() => d.quoteTable({ table: 'a\u001bb' }), name).toThrow(ConfigError);
      expect(() => d.quoteColumn(''), name).toThrow(/empty/);
    }
  });

  it('enforces each database length limit: PostgreSQL 63 bytes, MySQL 64 characters, Oracle 128 bytes', () => {
    const pg = dialectFor('postgresql');
    const my = dialectFor('mysql');
    const ora = dialectFor('oracle');
    expect(pg.quoteColumn('a'.repeat(63))).toHaveLength(65);
    expect(() => pg.quoteColumn('a'.repeat(64))).toThrow(/longer than 63 bytes/);
    expect(() => pg.quoteColumn('é'.repeat(32))).toThrow(/longer than 63 bytes/);
    expect(my.quoteColumn('é'.repeat(64))).toHaveLength(66);
    expect(() => my.quoteColumn('a'.repeat(65))).toThrow(/longer than 64 chars/);
    expect(ora.quoteColumn('a'.repeat(128))).toHaveLength(130);
    expect(() => ora.quoteTable({ table: 'a'.repeat(129) })).toThrow(ConfigError);
  });
});

describe('parseTableId', () => {
  it('reads schema.table for PostgreSQL and Oracle, database.table for MySQL, and catalog.schema.table', () => {
    expect(dialectFor('postgresql').parseTableId('sales.orders')).toEqual({ schema: 'sales', table: 'orders' });
    expect(dialectFor('oracle').parseTableId('orders')).toEqual({ table: 'orders' });
    expect(dialectFor('mysql').parseTableId('sales.orders')).toEqual({ catalog: 'sales', table: 'orders' });
    expect(dialectFor('postgresql').parseTableId('db.sales.orders')).toEqual({ catalog: 'db', schema: 'sales', table: 'orders' });
  });

  it('keeps dots and unescapes doubled quotes inside a quoted part', () => {
    const pg = dialectFor('postgresql');
    expect(pg.parseTableId('"my.schema"."a""b"')).toEqual({ schema: 'my.schema', table: 'a"b' });
    expect(dialectFor('mysql').parseTableId('`db`.`t``x`')).toEqual({ catalog: 'db', table: 't`x' });
    expect(tableName(pg.parseTableId('"my.schema".t'))).toBe('my.schema.t');
  });

  it('rejects empty parts, too many parts and unterminated quotes', () => {
    expect(() => dialectFor('postgresql').parseTableId('a..b')).toThrow(ConfigError);
    expect(() => dialectFor('postgresql').parseTableId('a.b.c.d')).toThrow(ConfigError);
    expect(() => dialectFor('mysql').parseTableId('a.b.c')).toThrow(ConfigError);
    expect(() => dialectFor('oracle').parseTableId('"abc')).toThrow(/unterminated quote/);
  });
});
