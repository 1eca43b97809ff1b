// A value with a STRUCT schema (Connect's Struct). Values are keyed by field name; missing fields read as null.
import { DataError } from '../errors.js';
import type { Schema } from './Schema.js';

export class Struct {
  private readonly values: Map<string, unknown>;

  constructor(
    readonly schema: Schema,
    values?: Record<string, unknown> | Map<string, unknown>,
  ) {
    if (schema.type !== 'STRUCT') throw new DataError(`Struct schemas must be of type STRUCT, got ${schema.type}`);
    this.values = new Map(values instanceof Map ? values : Object.entries(values ?? {}));
    for (const name of this.values.keys()) {
      if (!schema.fields?.some((f) => f.name === name)) throw new DataError(`${name} is not a valid field name`);
    }
  }

  get(name: string): unknown {
    if (!this.schema.fields?.some((f) => f.name === name)) throw new DataError(`${name} is not a valid field name`);
    return this.values.has(name) ? this.values.get(name) : null;
  }

  /** Returns a new Struct with one field changed; Structs are treated as immutable by transforms. */
  with(name: string, value: unknown): Struct {
    const next = new Map(this.values);
    next.set(name, value);
    return new Struct(this.schema, next);
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
