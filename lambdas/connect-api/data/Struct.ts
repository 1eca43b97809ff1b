// A value with a STRUCT schema (Connect's Struct). Values are keyed by field name; missing fields read as null.
// Field names are checked against a per-schema name set (built once per schema object), not by scanning the
// field list, so construction and get() cost O(1) per field on the sink's per-record path.
import { DataError } from '../errors.js';
import type { Schema } from './Schema.js';

const namesBySchema = new WeakMap<Schema, ReadonlySet<string>>();

function fieldNames(schema: Schema): ReadonlySet<string> {
  let names = namesBySchema.get(schema);
  if (names === undefined) {
    names = new Set((schema.fields ?? []).map((f) => f.name));
    namesBySchema.set(schema, names);
  }
  return names;
}

/** Passed by {@link Struct.adopting} so the constructor keeps the caller's fresh map instead of copying it. */
const ADOPT = Symbol('adopt');

export class Struct {
  private readonly values: Map<string, unknown>;
  private readonly names: ReadonlySet<string>;

  constructor(
    readonly schema: Schema,
    values?: Record<string, unknown> | Map<string, unknown>,
    adopt?: typeof ADOPT,
  ) {
    if (schema.type !== 'STRUCT') throw new DataError(`Struct schemas must be of type STRUCT, got ${schema.type}`);
    this.names = fieldNames(schema);
    this.values = adopt === ADOPT && values instanceof Map ? values : new Map(values instanceof Map ? values : Object.entries(values ?? {}));
    for (const name of this.values.keys()) {
      if (!this.names.has(name)) throw new DataError(`${name} is not a valid field name`);
    }
  }

  /** A Struct over `values`, which the caller built for it and no longer touches (no defensive copy). */
  static adopting(schema: Schema, values: Map<string, unknown>): Struct {
    return new Struct(schema, values, ADOPT);
  }

  get(name: string): unknown {
    if (!this.names.has(name)) throw new DataError(`${name} is not a valid field name`);
    const value = this.values.get(name);
    return value === undefined && !this.values.has(name) ? null : value;
  }

  /** Returns a new Struct with one field changed; Structs are treated as immutable by transforms. */
  with(name: string, value: unknown): Struct {
    const next = new Map(this.values);
    next.set(name, value);
    return new Struct(this.schema, next, ADOPT);
  }

  /** Field values in schema order, as a plain object. */
  toObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of this.schema.fields ?? []) out[f.name] = this.get(f.name);
    return out;
  }

  /** Checks required fields are present (Struct.validate in Connect). */
  validate(): void {
    for (const f of this.schema.fields ?? []) {
      const v = this.get(f.name);
      if ((v === null || v === undefined) && !f.schema.optional && f.schema.defaultValue === undefined) {
        throw new DataError(`Invalid value: null used for required field: "${f.name}", schema type: ${f.schema.type}`);
      }
    }
  }
}
