// Shared columns and rows for the dialect tests: one orders table with every mapped Connect type.
import { Decimal } from '../../../../lambdas/connect-api/data/Decimal.js';
import { dateSchema, decimalSchema, Schemas, schema, timeSchema, timestampSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import type { Column, WriteRequest, WriteStatement } from '../../../../lambdas/connectors/jdbc/dialects/index.js';

export const keyColumns: Column[] = [
  { name: 'id', schema: Schemas.INT32 },
  { name: 'region', schema: Schemas.STRING },
];

/** Created with the table. */
export const valueColumns: Column[] = [
  { name: 'name', schema: Schemas.OPTIONAL_STRING },
  { name: 'qty', schema: Schemas.INT64 },
  { name: 'price', schema: decimalSchema(2) },
  { name: 'active', schema: Schemas.BOOLEAN },
  { name: 'born', schema: dateSchema({ optional: true }) },
  { name: 'at', schema: timestampSchema({ optional: true }) },
];

/** Added later by ALTER TABLE. */
export const addedColumns: Column[] = [
  { name: 'alarm', schema: timeSchema({ optional: true }) },
  { name: 'payload', schema: Schemas.OPTIONAL_BYTES },
  { name: 'ratio', schema: Schemas.OPTIONAL_FLOAT64 },
  { name: 'tiny', schema: Schemas.OPTIONAL_INT8 },
  { name: 'status', schema: schema('STRING', { optional: true, defaultValue: "it's new" }) },
];

export const allValueColumns = [...valueColumns, ...addedColumns];

const DAY = 86_400_000;

/** A full row (key + all value columns) for id `id`, with a `variant` to tell writes apart. */
export function orderRow(id: number, variant = 0): unknown[] {
  return [
    id,
    id % 2 === 0 ? 'eu' : 'us',
    variant === 0 ? `order ${id}` : `order ${id} v${variant}`,
    BigInt(id) * 10_000_000_000n + BigInt(variant),
    new Decimal(BigInt(1999 + variant), 2),
    variant % 2 === 0,
    new Date((19_000 + id) * DAY),
    new Date(Date.UTC(2024, 0, id, 12, 30, 15, 250 + variant)),
    new Date(((8 * 60 + id) * 60 + 5) * 1000 + 125),
    Uint8Array.of(0xde, 0xad, id, variant),
    id + 0.5,
    id,
    `status '${variant}' \\ ok`,
  ];
}

export function ordersRequest(table: WriteRequest['table'], rows: unknown[][], maxRows?: number): WriteRequest {
  return { table, keyColumns, valueColumns: allValueColumns, rows, ...(maxRows === undefined ? {} : { maxRows }) };
}

/** A row whose optional columns are all null. */
export function sparseRow(id: number): unknown[] {
  const row = orderRow(id);
  return row.map((value, i) => ([2, 6, 7, 8, 9, 10, 11, 12].includes(i) ? null : value));
}

/** Runs each statement through `run(sql, params)`: multi-row once, per-row once per bind row. */
export async function execute(statements: readonly WriteStatement[], run: (sql: string, params: readonly unknown[]) => Promise<unknown>): Promise<void> {
  for (const s of statements) {
    if (s.kind === 'multiRow') await run(s.sql, s.params);
    else for (const row of s.rows) await run(s.sql, row);
  }
}

/** A name unique to this test run, for tables created on the shared servers. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}
