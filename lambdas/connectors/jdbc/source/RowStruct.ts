// A Struct built from one result-set row. Its values sit in an array in field order, so reading a field is one
// index lookup; the base Struct validates names against the schema on construction and on every get(), which
// costs O(fields²) per row on the source's hot path. The names are the schema's own here, so nothing to validate.
import type { Schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { DataError } from '../../../connect-api/errors.js';

export class RowStruct extends Struct {
  constructor(
    schema: Schema,
    private readonly index: ReadonlyMap<string, number>,
    private readonly row: readonly unknown[],
  ) {
    super(schema);
  }

  /** The field-name → position map of a schema, built once per result layout. */
  static indexOf(schema: Schema): ReadonlyMap<string, number> {
    return new Map((schema.fields ?? []).map((f, i) => [f.name, i]));
  }

  override get(name: string): unknown {
    const i = this.index.get(name);
    if (i === undefined) throw new DataError(`${name} is not a valid field name`);
    return this.row[i] ?? null;
  }

  override with(name: string, value: unknown): Struct {
    return new Struct(this.schema, { ...this.toObject(), [name]: value });
  }
}
