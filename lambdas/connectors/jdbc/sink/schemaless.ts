// Sluice's deviation from kafka-connect-jdbc: schemaless JSON values (plain objects) are written. The object's keys
// are matched to the table's columns (exactly, else case-insensitively when unambiguous), and each column gets a
// schema inferred from the buffer's values, used to bind (and, with auto.create/auto.evolve, to create columns):
// integers → INT64, other numbers → FLOAT64, strings → STRING, booleans → BOOLEAN, objects/arrays → STRING (JSON).
// Every inferred column is optional. Mixed kinds fall back to STRING.
import { type Schema, Schemas, structSchema } from '../../../connect-api/data/Schema.js';
import type { ColumnInfo } from '../dialects/Dialect.js';

type Kind = 'INT64' | 'FLOAT64' | 'BOOLEAN' | 'STRING' | 'JSON';

export interface InferredStruct {
  /** A STRUCT schema whose field names are the table's column names. */
  readonly schema: Schema;
  /** The value of `column` in a record's object, converted for the column's inferred schema. */
  read(value: Readonly<Record<string, unknown>>, column: string): unknown;
  /** The column a key of the objects maps to (for pk.fields and fields.whitelist). */
  columnOf(key: string): string;
}

/** Groups objects by their key set: objects of one buffer share a shape. */
export function shapeOf(value: Readonly<Record<string, unknown>>): string {
  return Object.keys(value).sort().join('\u0000');
}

export function inferStruct(objects: readonly Readonly<Record<string, unknown>>[], existing: readonly ColumnInfo[] | undefined): InferredStruct {
  const keys = objects.length === 0 ? [] : Object.keys(objects[0]!);
  const columnOf = columnMatcher(existing ?? []);
  const sourceKey = new Map<string, string>();
  const kinds = new Map<string, Kind>();
  for (const key of keys) {
    const column = columnOf(key);
    sourceKey.set(column, key);
    kinds.set(column, kindOf(objects.map((o) => o[key])));
  }
  const schema = structSchema([...kinds].map(([column, kind]) => [column, OPTIONAL[kind]] as const), { optional: false });
  return {
    schema,
    columnOf,
    read: (value, column) => convert(kinds.get(column) ?? 'STRING', value[sourceKey.get(column) ?? column]),
  };
}

const OPTIONAL: Record<Kind, Schema> = {
  INT64: Schemas.OPTIONAL_INT64,
  FLOAT64: Schemas.OPTIONAL_FLOAT64,
  BOOLEAN: Schemas.OPTIONAL_BOOLEAN,
  STRING: Schemas.OPTIONAL_STRING,
  JSON: Schemas.OPTIONAL_STRING,
};

function columnMatcher(existing: readonly ColumnInfo[]): (key: string) => string {
  const exact = new Set(existing.map((c) => c.name));
  const folded = new Map<string, string | null>();
  for (const c of existing) {
    const lower = c.name.toLowerCase();
    folded.set(lower, folded.has(lower) ? null : c.name);
  }
  return (key) => (exact.has(key) ? key : folded.get(key.toLowerCase()) ?? key);
}

function kindOf(values: readonly unknown[]): Kind {
  let kind: Kind | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k = valueKind(v);
    if (kind === undefined || kind === k) kind = k;
    else if ((kind === 'INT64' && k === 'FLOAT64') || (kind === 'FLOAT64' && k === 'INT64')) kind = 'FLOAT64';
    else return 'STRING';
  }
  return kind ?? 'STRING';
}

function valueKind(v: unknown): Kind {
  if (typeof v === 'bigint') return 'INT64';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'INT64' : 'FLOAT64';
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'string') return 'STRING';
  return 'JSON';
}

function convert(kind: Kind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'FLOAT64':
      return Number(v);
    case 'STRING':
    case 'JSON':
      return typeof v === 'string' ? v : typeof v === 'object' ? jsonText(v) : String(v);
    default:
      return v;
  }
}

/** JSON text of a nested value; integers beyond 2^53 (bigints) become strings, as JSON.stringify cannot print them. */
function jsonText(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}
