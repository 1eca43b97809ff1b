// Records → rows of Connect values in bind order (key columns, then value columns), and the collapse of several
// records for one key to the last (upsert/update/delete): the database sees each key once per statement.
import type { SinkRecord } from '../../../connect-api/data/ConnectRecord.js';
import { Decimal } from '../../../connect-api/data/Decimal.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import type { Column } from '../dialects/Dialect.js';
import type { FieldsMetadata } from './FieldsMetadata.js';
import type { InferredStruct } from './schemaless.js';

export interface RowSource {
  readonly fields: FieldsMetadata;
  readonly replaceNullWithDefault: boolean;
  /** Set when the buffer's values are schemaless objects. */
  readonly inferred?: InferredStruct;
}

/** Rows aligned with the records they came from. */
export interface Rows {
  readonly rows: (readonly unknown[])[];
  readonly records: SinkRecord[];
}

/** One row per record: key columns then value columns. */
export function writeRows(source: RowSource, records: readonly SinkRecord[]): Rows {
  const columns = source.fields.valueColumns;
  const rows: unknown[][] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const row = keyValues(source, r);
    for (const c of columns) row.push(withDefault(source, c, fieldOf(source, r.value, c.name)));
    rows[i] = row;
  }
  return { rows, records: [...records] };
}

/** One row of key values per record. */
export function deleteRows(source: RowSource, records: readonly SinkRecord[]): Rows {
  return { rows: records.map((r) => keyValues(source, r)), records: [...records] };
}

function keyValues(source: RowSource, record: SinkRecord): unknown[] {
  const columns = source.fields.keyColumns;
  switch (source.fields.keySource) {
    case 'none':
      return [];
    case 'kafka':
      return [record.topic, record.kafkaPartition, record.kafkaOffset];
    case 'keyPrimitive':
      return [withDefault(source, columns[0]!, record.key)];
    case 'keyStruct':
      return columns.map((c) => withDefault(source, c, (record.key as Struct).get(c.name)));
    case 'value':
      return columns.map((c) => withDefault(source, c, fieldOf(source, record.value, c.name)));
  }
}

function fieldOf(source: RowSource, value: unknown, name: string): unknown {
  if (value instanceof Struct) return value.get(name);
  return source.inferred ? source.inferred.read(value as Record<string, unknown>, name) : null;
}

function withDefault(source: RowSource, column: Column, value: unknown): unknown {
  if ((value === null || value === undefined) && source.replaceNullWithDefault && column.schema.defaultValue !== undefined) return column.schema.defaultValue;
  return value;
}

/** Keeps each key's last row (keys are the first `keyCount` values), in the order of those last rows. */
export function lastPerKey(input: Rows, keyCount: number): Rows {
  if (keyCount === 0 || input.rows.length < 2) return input;
  // One numeric key column (the common case) is keyed by the number itself: Map's SameValueZero equates 0/-0 and
  // NaN/NaN exactly as their texts would, and no string is built per row.
  const keys: unknown[] =
    keyCount === 1 && input.rows.every((row) => typeof row[0] === 'number') ? input.rows.map((row) => row[0]) : input.rows.map((row) => keyText(row, keyCount));
  const last = new Map<unknown, number>();
  for (let i = 0; i < keys.length; i++) last.set(keys[i], i);
  if (last.size === keys.length) return input;
  const keep = keys.map((k, i) => last.get(k) === i);
  return { rows: input.rows.filter((_, i) => keep[i]), records: input.records.filter((_, i) => keep[i]) };
}

function keyText(row: readonly unknown[], keyCount: number): string {
  let text = '';
  for (let i = 0; i < keyCount; i++) text += `${valueText(row[i])}\u0000`;
  return text;
}

function valueText(v: unknown): string {
  if (typeof v === 'bigint') return `n${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (v instanceof Uint8Array) return `b${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (v instanceof Decimal) return `d${v.toString()}`;
  if (v instanceof Date) return `t${v.getTime()}`;
  return `j${JSON.stringify(v)}`;
}
