// Record -> bulk operation, as Confluent's DataConverter does it: the document id (the key, or topic+partition+offset
// with key.ignore), the index (the record's topic after routers, lowercased, or a data stream name), tombstones per
// behavior.on.null.values, and the value as JSON: with schema.ignore=false Confluent pre-processes the value (decimals
// become doubles, string-keyed maps compact objects, other maps arrays of {key, value}); then the JsonConverter
// (schemas disabled) writes it: Date as days since the epoch, Time as milliseconds of the day, Timestamp as epoch
// milliseconds, bytes as base64, a decimal left as such (schema.ignore=true) as base64 of its unscaled bytes.
import type { SinkRecord } from '../../connect-api/data/ConnectRecord.js';
import { Decimal } from '../../connect-api/data/Decimal.js';
import { LogicalNames, type Schema, type SchemaType } from '../../connect-api/data/Schema.js';
import { Struct } from '../../connect-api/data/Struct.js';
import { DataError } from '../../connect-api/errors.js';

export type NullBehavior = 'ignore' | 'delete' | 'fail';
export type WriteMethod = 'insert' | 'upsert';

export interface ConverterOptions {
  readonly keyIgnore: boolean;
  readonly schemaIgnore: boolean;
  readonly compactMapEntries: boolean;
  readonly nullValues: NullBehavior;
  readonly writeMethod: WriteMethod;
  /** Set for data streams: documents are created (op_type create) in `<type>-<dataset>-<namespace>`. */
  readonly dataStream?: { readonly type: string; readonly dataset: string; readonly namespace: string; readonly timestampFields: readonly string[] };
  /** retry_on_conflict of upserts: min(max.in.flight.requests, 5), as Confluent. */
  readonly retryOnConflict: number;
}

/** One action line of a _bulk body and its source line (none for deletes), already serialized. */
export interface BulkOperation {
  readonly record: SinkRecord;
  readonly op: 'index' | 'create' | 'update' | 'delete';
  readonly index: string;
  readonly id: string;
  /** The offset written as an external version (inserts and deletes by key into an index): a replay conflicts harmlessly. */
  readonly externalVersion: boolean;
  readonly action: string;
  readonly source?: string;
}

/** Confluent's convertTopicToIndexName: lowercase, at most 255 chars, no leading - or _, never . or .. */
export function indexNameFor(topic: string): string {
  let index = topic.toLowerCase();
  if (index.length > 255) index = index.slice(0, 255);
  if (index.startsWith('-') || index.startsWith('_')) index = index.slice(1);
  if (index === '.' || index === '..') index = index.replaceAll('.', 'dot');
  return index;
}

export class DataConverter {
  constructor(private readonly options: ConverterOptions) {}

  /** The index or data stream a record goes to. */
  resourceName(topic: string): string {
    const ds = this.options.dataStream;
    if (!ds) return indexNameFor(topic);
    const lowered = topic.toLowerCase().slice(0, 100);
    return `${ds.type}-${ds.dataset}-${ds.namespace.replaceAll('${topic}', lowered)}`;
  }

  /** The bulk operation for a record, or null when it is dropped (a tombstone ignored); DataError for a bad record. */
  convert(record: SinkRecord): BulkOperation | null {
    const o = this.options;
    const index = this.resourceName(record.topic);
    if (record.value === null || record.value === undefined) {
      if (o.nullValues === 'ignore') return null;
      if (o.nullValues === 'fail') {
        throw new DataError(`${recordString(record)} has a null value (to ignore future records like this change the configuration property 'behavior.on.null.values' from 'fail' to 'ignore')`);
      }
      // A tombstone without a key names no document: nothing to delete.
      if (record.key === null || record.key === undefined) return null;
    }
    const id = o.keyIgnore ? `${record.topic}+${record.kafkaPartition}+${record.kafkaOffset}` : documentId(record.keySchema, record.key);
    const versioned = !o.dataStream && !o.keyIgnore;
    const meta = (extra: Record<string, unknown> = {}) => ({ _index: index, _id: id, ...(versioned ? { version: record.kafkaOffset, version_type: 'external' } : {}), ...extra });
    if (record.value === null || record.value === undefined) {
      return { record, op: 'delete', index, id, externalVersion: versioned, action: JSON.stringify({ delete: meta() }) };
    }
    const document = this.document(record);
    if (o.writeMethod === 'upsert') {
      const action = JSON.stringify({ update: { _index: index, _id: id, retry_on_conflict: o.retryOnConflict } });
      return { record, op: 'update', index, id, externalVersion: false, action, source: `{"doc":${document},"upsert":${document}}` };
    }
    const op = o.dataStream ? 'create' : 'index';
    return { record, op, index, id, externalVersion: versioned, action: JSON.stringify({ [op]: meta() }), source: document };
  }

  /** The value as the JSON document text. */
  document(record: SinkRecord): string {
    const o = this.options;
    let tree = o.schemaIgnore ? jsonValue(record.value, record.valueSchema, o.compactMapEntries, false) : jsonValue(record.value, record.valueSchema, o.compactMapEntries, true);
    if (o.dataStream) tree = withTimestamp(tree, record, o.dataStream.timestampFields);
    return stringify(tree);
  }
}

function recordString(record: SinkRecord): string {
  return `record from topic=${record.topic} partition=${record.kafkaPartition} offset=${record.kafkaOffset}`;
}

function inferType(value: unknown): SchemaType | undefined {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'bigint') return 'INT64';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INT64' : 'FLOAT64';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (value instanceof Uint8Array) return 'BYTES';
  if (value instanceof Struct) return 'STRUCT';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Map || (typeof value === 'object' && value !== null)) return 'MAP';
  return undefined;
}

/** Confluent's convertKey: integer or string keys only, never null or empty. */
export function documentId(keySchema: Schema | null, key: unknown): string {
  if (key === null || key === undefined) throw new DataError('Key is used as document id and can not be null.');
  if (String(key) === '') throw new DataError('Key is used as document id and can not be empty.');
  const type = keySchema?.type ?? inferType(key);
  if (type === undefined) throw new DataError(`Value ${typeof key} does not have corresponding schema type.`);
  switch (type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'STRING':
      return String(key);
    default:
      throw new DataError(`${type} is not supported as the document id.`);
  }
}

type Json = null | boolean | number | bigint | string | Json[] | { [k: string]: Json };

const DAY_MS = 86_400_000;

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function epochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new DataError(`Invalid type for a date/time value: ${typeof value}`);
}

function entriesOf(value: unknown): Array<[unknown, unknown]> {
  if (value instanceof Map) return [...value.entries()];
  if (typeof value === 'object' && value !== null) return Object.entries(value);
  throw new DataError(`Invalid type for MAP: ${typeof value}`);
}

/**
 * A Connect value as a JSON tree. `preprocess` is Confluent's DataConverter.preProcessValue (schema.ignore=false):
 * decimals as doubles, string-keyed maps compact (when `compact`), other maps as [{key, value}]; without it the
 * JsonConverter's own forms apply (decimal as base64, non-string-keyed maps as [[k, v]]).
 */
function jsonValue(value: unknown, schema: Schema | null, compact: boolean, preprocess: boolean): Json {
  if (schema === null) return schemaless(value);
  if (value === null || value === undefined) {
    if (schema.defaultValue !== undefined && schema.defaultValue !== null) return jsonValue(schema.defaultValue, schema, compact, preprocess);
    if (schema.optional) return null;
    throw new DataError('Conversion error: null value for field that is required and has no default value');
  }
  switch (schema.name) {
    case LogicalNames.Decimal: {
      const d = value instanceof Decimal ? value : Decimal.parse(String(value));
      return preprocess ? d.toNumber() : base64(d.toBytes());
    }
    case LogicalNames.Date:
      return Math.floor(epochMs(value) / DAY_MS);
    case LogicalNames.Time:
      return ((epochMs(value) % DAY_MS) + DAY_MS) % DAY_MS;
    case LogicalNames.Timestamp:
      return epochMs(value);
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'FLOAT32':
    case 'FLOAT64':
      if (typeof value !== 'number' && typeof value !== 'bigint') throw new DataError(`Invalid type for ${schema.type}: ${typeof value}`);
      return value;
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw new DataError(`Invalid type for BOOLEAN: ${typeof value}`);
      return value;
    case 'STRING':
      if (typeof value !== 'string') throw new DataError(`Invalid type for STRING: ${typeof value}`);
      return value;
    case 'BYTES':
      if (!(value instanceof Uint8Array)) throw new DataError(`Invalid type for BYTES: ${typeof value}`);
      return base64(value);
    case 'ARRAY': {
      if (!Array.isArray(value)) throw new DataError(`Invalid type for ARRAY: ${typeof value}`);
      const element = schema.valueSchema ?? null;
      return value.map((v) => jsonValue(v, element, compact, preprocess));
    }
    case 'MAP': {
      const keySchema = schema.keySchema ?? null;
      const valueSchema = schema.valueSchema ?? null;
      const entries = entriesOf(value);
      const stringKeys = keySchema?.type === 'STRING';
      if (stringKeys && (compact || !preprocess)) {
        const out: Record<string, Json> = {};
        for (const [k, v] of entries) out[String(k)] = jsonValue(v, valueSchema, compact, preprocess);
        return out;
      }
      if (preprocess) return entries.map(([k, v]) => ({ key: jsonValue(k, keySchema, compact, preprocess), value: jsonValue(v, valueSchema, compact, preprocess) }));
      return entries.map(([k, v]) => [jsonValue(k, keySchema, compact, preprocess), jsonValue(v, valueSchema, compact, preprocess)]);
    }
    case 'STRUCT': {
      const out: Record<string, Json> = {};
      const read = value instanceof Struct ? (name: string) => value.get(name) : (name: string) => (value as Record<string, unknown>)[name];
      for (const f of schema.fields ?? []) out[f.name] = jsonValue(read(f.name), f.schema, compact, preprocess);
      return out;
    }
  }
}

/** The JsonConverter's schemaless forms: objects for string-keyed maps, [[k, v]] otherwise. */
function schemaless(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (value instanceof Decimal) return value.toNumber();
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return base64(value);
  if (value instanceof Struct) return jsonValue(value, value.schema, true, false);
  if (Array.isArray(value)) return value.map(schemaless);
  const entries = entriesOf(value);
  if (entries.every(([k]) => typeof k === 'string')) {
    const out: Record<string, Json> = {};
    for (const [k, v] of entries) out[k as string] = schemaless(v);
    return out;
  }
  return entries.map(([k, v]) => [schemaless(k), schemaless(v)]);
}

/** Confluent's maybeAddTimestamp: @timestamp from the first listed field present, else the record timestamp. */
function withTimestamp(tree: Json, record: SinkRecord, fields: readonly string[]): Json {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    const kind = tree === null ? 'NULL' : Array.isArray(tree) ? 'ARRAY' : typeof tree === 'string' ? 'STRING' : typeof tree === 'boolean' ? 'BOOLEAN' : 'NUMBER';
    throw new DataError(`Top level payload contains data of Json type ${kind}. Required Json object.`);
  }
  if (fields.length === 0) return { ...tree, '@timestamp': record.timestamp };
  for (const f of fields) {
    if (f in tree) {
      const v = tree[f] ?? null;
      return { ...tree, '@timestamp': typeof v === 'string' ? v : stringify(v) };
    }
  }
  return tree;
}

/** JSON text of a tree; bigints are written as exact integers (JSON.stringify rejects them). */
export function stringify(tree: Json): string {
  if (tree === null) return 'null';
  switch (typeof tree) {
    case 'bigint':
      return tree.toString();
    case 'number':
      return Number.isFinite(tree) ? JSON.stringify(tree) : 'null';
    case 'string':
    case 'boolean':
      return JSON.stringify(tree);
  }
  if (Array.isArray(tree)) return `[${tree.map(stringify).join(',')}]`;
  return `{${Object.entries(tree)
    .map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`)
    .join(',')}}`;
}

const ES_TYPES: Partial<Record<SchemaType, string>> = { BOOLEAN: 'boolean', INT8: 'byte', INT16: 'short', INT32: 'integer', INT64: 'long', FLOAT32: 'float', FLOAT64: 'double', STRING: 'text', BYTES: 'binary' };

/** Confluent's Mapping.buildMapping: the mapping of a value schema (a STRUCT gives `properties`). */
export function buildMapping(schema: Schema): Record<string, unknown> {
  switch (schema.name) {
    case LogicalNames.Date:
    case LogicalNames.Time:
    case LogicalNames.Timestamp:
      return primitive('date', schema.defaultValue === undefined || schema.defaultValue === null ? undefined : epochMs(schema.defaultValue));
    case LogicalNames.Decimal:
      return primitive('double', schema.defaultValue instanceof Decimal ? schema.defaultValue.toNumber() : undefined);
  }
  switch (schema.type) {
    case 'ARRAY':
      return buildMapping(schema.valueSchema!);
    case 'MAP':
      return { properties: { key: buildMapping(schema.keySchema!), value: buildMapping(schema.valueSchema!) } };
    case 'STRUCT':
      return { properties: Object.fromEntries((schema.fields ?? []).map((f) => [f.name, buildMapping(f.schema)])) };
    default: {
      const type = ES_TYPES[schema.type]!;
      const d = schema.defaultValue;
      return primitive(type, type === 'text' || type === 'binary' || d === undefined || d === null ? undefined : typeof d === 'bigint' ? Number(d) : d);
    }
  }
}

function primitive(type: string, nullValue: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { type };
  if (type === 'text') out['fields'] = { keyword: { type: 'keyword', ignore_above: 256 } };
  if (nullValue !== undefined) out['null_value'] = nullValue;
  return out;
}
