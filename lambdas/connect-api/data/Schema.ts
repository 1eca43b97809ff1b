// The Connect data model's schemas (Kafka Connect's org.apache.kafka.connect.data.Schema), as plain frozen objects.

export type SchemaType =
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FLOAT32'
  | 'FLOAT64'
  | 'BOOLEAN'
  | 'STRING'
  | 'BYTES'
  | 'ARRAY'
  | 'MAP'
  | 'STRUCT';

export interface Field {
  readonly name: string;
  readonly index: number;
  readonly schema: Schema;
}

export interface Schema {
  readonly type: SchemaType;
  readonly optional: boolean;
  /** A value of this schema's type; undefined when the schema has no default. */
  readonly defaultValue?: unknown;
  readonly name?: string;
  readonly version?: number;
  readonly doc?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** STRUCT only, in declaration order. */
  readonly fields?: readonly Field[];
  /** MAP only. */
  readonly keySchema?: Schema;
  /** MAP and ARRAY only. */
  readonly valueSchema?: Schema;
}

/** Logical type names, exactly as Kafka Connect writes them in schemas. */
export const LogicalNames = {
  Decimal: 'org.apache.kafka.connect.data.Decimal',
  Date: 'org.apache.kafka.connect.data.Date',
  Time: 'org.apache.kafka.connect.data.Time',
  Timestamp: 'org.apache.kafka.connect.data.Timestamp',
} as const;

export type SchemaOptions = Omit<Partial<Schema>, 'type'>;

export function schema(type: SchemaType, options: SchemaOptions = {}): Schema {
  return Object.freeze({ optional: false, ...options, type });
}

export function optional(s: Schema): Schema {
  return s.optional ? s : Object.freeze({ ...s, optional: true });
}

export function structSchema(fields: ReadonlyArray<readonly [string, Schema]>, options: SchemaOptions = {}): Schema {
  const list = fields.map(([name, s], index) => Object.freeze({ name, index, schema: s }));
  return schema('STRUCT', { ...options, fields: Object.freeze(list) });
}

export function arraySchema(valueSchema: Schema, options: SchemaOptions = {}): Schema {
  return schema('ARRAY', { ...options, valueSchema });
}

export function mapSchema(keySchema: Schema, valueSchema: Schema, options: SchemaOptions = {}): Schema {
  return schema('MAP', { ...options, keySchema, valueSchema });
}

export function decimalSchema(scale: number, options: SchemaOptions = {}): Schema {
  return schema('BYTES', {
    ...options,
    name: LogicalNames.Decimal,
    version: 1,
    parameters: { ...options.parameters, scale: String(scale) },
  });
}

export function dateSchema(options: SchemaOptions = {}): Schema {
  return schema('INT32', { ...options, name: LogicalNames.Date, version: 1 });
}

export function timeSchema(options: SchemaOptions = {}): Schema {
  return schema('INT32', { ...options, name: LogicalNames.Time, version: 1 });
}

export function timestampSchema(options: SchemaOptions = {}): Schema {
  return schema('INT64', { ...options, name: LogicalNames.Timestamp, version: 1 });
}

/** Common primitive schemas, as Connect's Schema.INT32_SCHEMA, OPTIONAL_STRING_SCHEMA, ... */
export const Schemas = {
  INT8: schema('INT8'),
  INT16: schema('INT16'),
  INT32: schema('INT32'),
  INT64: schema('INT64'),
  FLOAT32: schema('FLOAT32'),
  FLOAT64: schema('FLOAT64'),
  BOOLEAN: schema('BOOLEAN'),
  STRING: schema('STRING'),
  BYTES: schema('BYTES'),
  OPTIONAL_INT8: schema('INT8', { optional: true }),
  OPTIONAL_INT16: schema('INT16', { optional: true }),
  OPTIONAL_INT32: schema('INT32', { optional: true }),
  OPTIONAL_INT64: schema('INT64', { optional: true }),
  OPTIONAL_FLOAT32: schema('FLOAT32', { optional: true }),
  OPTIONAL_FLOAT64: schema('FLOAT64', { optional: true }),
  OPTIONAL_BOOLEAN: schema('BOOLEAN', { optional: true }),
  OPTIONAL_STRING: schema('STRING', { optional: true }),
  OPTIONAL_BYTES: schema('BYTES', { optional: true }),
} as const;

export function fieldOf(s: Schema, name: string): Field | undefined {
  return s.fields?.find((f) => f.name === name);
}
