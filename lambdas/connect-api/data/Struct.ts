// A value with a STRUCT schema (Connect's Struct). Values are held in schema field order, one slot per field, found
// by a per-schema name → position map (built once per schema object): construction is one small array instead of a
// Map per record, and get() is one lookup, on the sink's per-record path. Missing fields read as null.
import { DataError } from '../errors.js';
import type { Schema } from './Schema.js';

interface Layout {
  readonly index: ReadonlyMap<string, number>;
  readonly size: number;
}

const layouts = new WeakMap<Schema, Layout>();

function layoutOf(schema: Schema): Layout {
  let layout = layouts.get(schema);
  if (layout === undefined) {
    const fields = schema.fields ?? [];
    layout = { index: new Map(fields.map((f, i) => [f.name, i])), size: fields.length };
    layouts.set(schema, layout);
  }
  return layout;
}

/** A slot never set: reads as null (a slot set to undefined reads as undefined). */
const UNSET: unique symbol = Symbol('unset');

/** Passed by the static builders so the constructor keeps the caller's fresh array instead of copying it. */
const ADOPT = Symbol('adopt');

export class Struct {
  private readonly values: unknown[];
  private readonly layout: Layout;

  constructor(
    readonly schema: Schema,
    values?: Record<string, unknown> | Map<string, unknown>,
    adopt?: typeof ADOPT,
    ordered?: unknown[],
  ) {
    if (schema.type !== 'STRUCT') throw new DataError(`Struct schemas must be of type STRUCT, got ${schema.type}`);
    this.layout = layoutOf(schema);
    if (adopt === ADOPT && ordered !== undefined) {
      if (ordered.length !== this.layout.size) throw new DataError(`Expected ${this.layout.size} field values, got ${ordered.length}`);
      this.values = ordered;
      return;
    }
    this.values = new Array<unknown>(this.layout.size).fill(UNSET);
    if (values === undefined) return;
    for (const [name, value] of values instanceof Map ? values : Object.entries(values)) this.values[this.position(name)] = value;
  }

  /** A Struct over `values`, which the caller built for it and no longer touches. */
  static adopting(schema: Schema, values: Map<string, unknown>): Struct {
    return new Struct(schema, values);
  }

  /** A Struct over one value per schema field, in field order, which the caller built for it (no copy). */
  static ofFieldValues(schema: Schema, values: unknown[]): Struct {
    return new Struct(schema, undefined, ADOPT, values);
  }

  get(name: string): unknown {
    const value = this.values[this.position(name)];
    return value === UNSET ? null : value;
  }

  /** Returns a new Struct with one field changed; Structs are treated as immutable by transforms. */
  with(name: string, value: unknown): Struct {
    const next = this.values.slice();
    next[this.position(name)] = value;
    return new Struct(this.schema, undefined, ADOPT, next);
  }

  /** Field values in schema order, as a plain object. */
  toObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const fields = this.schema.fields ?? [];
    for (let i = 0; i < fields.length; i++) {
      const value = this.values[i];
      out[fields[i]!.name] = value === UNSET ? null : value;
    }
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

  private position(name: string): number {
    const i = this.layout.index.get(name);
    if (i === undefined) throw new DataError(`${name} is not a valid field name`);
    return i;
  }
}
