// What Confluent's AvroConverter, ProtobufConverter and JsonSchemaConverter share: the wire format (magic byte 0,
// 4-byte schema id, body), the registry and the subject name strategy. The format (Avro, Protobuf, JSON Schema)
// supplies a reader per registered schema and a writer per Connect schema.
//   sink:   prefetch(topic, batch) fetches the schema of every id not yet known (once per id per container);
//           toConnectData then decodes synchronously. An unreachable registry rejects prefetch (retriable: the batch
//           is redelivered), one that refuses the credentials (401/403) fails the task; a record with a bad magic
//           byte, an id the registry does not have, or a body that does not decode is that record's DataError
//           (tolerance / dead-letter queue).
//   source: prepare(topic, schema) registers (auto.register.schemas) or looks up the schema once per container;
//           fromConnectData then encodes synchronously.
import type { ConnectHeader } from '../../../connect-api/data/ConnectRecord.js';
import type { Schema } from '../../../connect-api/data/Schema.js';
import { Struct } from '../../../connect-api/data/Struct.js';
import { ConnectionError, DataError, RetriableError } from '../../../connect-api/errors.js';
import type { SchemaAndValue } from '../../../connect-api/plugins.js';
import { BaseConverter } from '../BaseConverter.js';
import { type RegistryCache, registryCache } from './registryCache.js';
import { type RegisteredSchema, RegistryError, type RegistrySchemaType, type SchemaReference } from './RegistryClient.js';
import type { RegistrySettings } from './registryConfig.js';

export const MAGIC_BYTE = 0;
export const HEADER_SIZE = 5;

export interface FormatReader {
  /** Decodes the body that starts at `offset` (after the magic byte and id) into a Connect schema and value. */
  read(data: Uint8Array, offset: number): SchemaAndValue;
}

export interface FormatWriter {
  readonly schemaType: RegistrySchemaType;
  /** The schema text registered for this Connect schema. */
  readonly text: string;
  readonly references: readonly SchemaReference[];
  /** The record (message) name RecordNameStrategy uses; undefined for a non-record schema. */
  readonly recordName: string | undefined;
  /** The Connect schema the writer's values must have (the registered one's, with use.latest.version). */
  readonly schema: Schema;
  /** The body after the 5-byte header (Protobuf's includes its message indexes). */
  write(value: unknown): Uint8Array;
}

/** A format as the converter knows it before its library is loaded. */
export interface FormatLoader {
  readonly schemaType: RegistrySchemaType;
  /** Tells readers of the same type apart in the container-wide cache when options change how they read. */
  readonly readerVariant?: string;
  /** Loads the format and its library on first use: a chunk of its own in the task bundle, so pipelines that use no
   * registry converter never load avsc, protobufjs or ajv. */
  load(): Promise<SchemaFormat>;
}

export interface SchemaFormat {
  readonly schemaType: RegistrySchemaType;
  /** A reader for a registered schema; `references` are the texts of the schemas it imports, by reference name. */
  reader(registered: RegisteredSchema, references: ReadonlyMap<string, string>): FormatReader;
  /** The writer for records of a Connect schema. */
  writer(schema: Schema): FormatWriter;
  /** A writer for a schema already registered (use.latest.version). */
  registeredWriter(registered: RegisteredSchema, references: ReadonlyMap<string, string>): FormatWriter;
}

const NULL: SchemaAndValue = Object.freeze({ schema: null, value: null });
const MAX_UNREADABLE = 1000;

interface Target {
  readonly id: number;
  readonly writer: FormatWriter;
}

export class SchemaRegistryConverter extends BaseConverter {
  private readonly cache: RegistryCache;
  /** Ids whose schema the registry does not have (or Connect cannot map), with the error their records fail with. */
  private readonly unreadable = new Map<number, DataError>();
  /** Per topic and schema: the id and writer to use, or the DataError their records fail with. */
  private readonly targets = new Map<string, WeakMap<Schema, Target | DataError>>();

  private format: SchemaFormat | undefined;

  constructor(
    private readonly loader: FormatLoader,
    private readonly settings: RegistrySettings,
    private readonly isKey: boolean,
  ) {
    super();
    this.cache = registryCache(settings);
  }

  private readerKey(id: number): string {
    return `${this.loader.schemaType}${this.loader.readerVariant ?? ''}:${id}`;
  }

  private async loaded(): Promise<SchemaFormat> {
    this.format ??= await this.loader.load();
    return this.format;
  }

  async prefetch(_topic: string, data: ReadonlyArray<Uint8Array | null>): Promise<void> {
    // Ids the registry lacked are asked again by each batch that holds them (once per batch, never per record);
    // the errors kept for them stay bounded.
    if (this.unreadable.size > MAX_UNREADABLE) this.unreadable.clear();
    const wanted = new Set<number>();
    for (const d of data) {
      if (d === null || d.length < HEADER_SIZE || d[0] !== MAGIC_BYTE) continue;
      const id = readId(d);
      if (!this.cache.readers.has(this.readerKey(id))) wanted.add(id);
    }
    await Promise.all([...wanted].map((id) => this.load(id)));
  }

  private async load(id: number): Promise<void> {
    let format: SchemaFormat;
    let registered: RegisteredSchema;
    let references: Map<string, string>;
    try {
      format = await this.loaded();
      registered = await this.cache.schemaById(id);
      references = await this.cache.referencedSchemas(registered.references);
    } catch (e) {
      if (e instanceof RegistryError && e.status === 404) {
        this.unreadable.set(id, new DataError(`Error retrieving ${this.loader.schemaType} schema for id ${id}: ${e.message}`, { cause: e }));
        return;
      }
      if (isAuthFailure(e)) throw refused(e);
      throw new RetriableError(`Could not fetch schema id ${id} from the schema registry; the batch will be redelivered: ${(e as Error).message}`, { cause: e });
    }
    if (registered.schemaType !== this.loader.schemaType) {
      this.unreadable.set(id, new DataError(`Schema id ${id} is a ${registered.schemaType} schema, not ${this.loader.schemaType}`));
      return;
    }
    try {
      this.cache.readers.set(this.readerKey(id), format.reader(registered, references));
      this.unreadable.delete(id);
    } catch (e) {
      this.unreadable.set(id, e instanceof DataError ? e : new DataError(`Schema id ${id} cannot be converted: ${(e as Error).message}`, { cause: e }));
    }
  }

  toConnectData(_topic: string, _headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue {
    if (data === null) return NULL;
    if (data.length < HEADER_SIZE || data[0] !== MAGIC_BYTE) throw new DataError('Unknown magic byte!');
    const id = readId(data);
    const reader = this.cache.readers.get(this.readerKey(id)) as FormatReader | undefined;
    if (reader === undefined) throw this.unreadable.get(id) ?? new DataError(`Schema id ${id} was not fetched before conversion`);
    return reader.read(data, HEADER_SIZE);
  }

  async prepare(topic: string, schema: Schema | null): Promise<void> {
    if (schema === null) return;
    let byTopic = this.targets.get(topic);
    if (byTopic === undefined) {
      byTopic = new WeakMap();
      this.targets.set(topic, byTopic);
    }
    const known = byTopic.get(schema);
    if (known !== undefined && !(known instanceof DataError)) return;
    byTopic.set(schema, await this.resolveTarget(topic, schema));
  }

  private async resolveTarget(topic: string, schema: Schema): Promise<Target | DataError> {
    try {
      const format = await this.loaded();
      const own = format.writer(schema);
      const subject = this.settings.strategy(topic, this.isKey, own.recordName);
      if (this.settings.useLatestVersion) {
        const latest = await this.cache.latestVersion(subject);
        const references = await this.cache.referencedSchemas(latest.references);
        return { id: latest.id, writer: format.registeredWriter(latest, references) };
      }
      const key = `${subject}\0${own.text}`;
      let id = this.cache.ids.get(key);
      if (id === undefined) {
        id = this.settings.autoRegister
          ? await this.cache.client.register(subject, own.text, own.schemaType, own.references)
          : await this.cache.client.lookup(subject, own.text, own.schemaType, own.references);
        this.cache.ids.set(key, id);
      }
      return { id, writer: own };
    } catch (e) {
      if (isAuthFailure(e)) throw refused(e);
      if (e instanceof RegistryError) return new DataError(`Error registering or looking up the ${this.loader.schemaType} schema: ${e.message}`, { cause: e });
      if (e instanceof DataError) return e;
      throw e instanceof RetriableError ? e : new RetriableError(`Schema registry request failed: ${(e as Error).message}`, { cause: e });
    }
  }

  fromConnectData(topic: string, _headers: readonly ConnectHeader[], schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    if (schema === null) throw new DataError(`The ${this.loader.schemaType} converter needs a schema: schemaless values cannot be registered`);
    const target = this.targets.get(topic)?.get(schema);
    if (target === undefined) throw new DataError(`The schema for topic ${topic} was not registered before conversion`);
    if (target instanceof DataError) throw target;
    const body = target.writer.write(target.writer.schema === schema ? value : project(value, target.writer.schema));
    const out = Buffer.allocUnsafe(HEADER_SIZE + body.length);
    out[0] = MAGIC_BYTE;
    out.writeUInt32BE(target.id, 1);
    out.set(body, HEADER_SIZE);
    return out;
  }
}

function isAuthFailure(e: unknown): e is RegistryError {
  return e instanceof RegistryError && (e.status === 401 || e.status === 403);
}

/** Wrong or missing credentials: no record is at fault and retrying will not help, so the task fails with the reason. */
function refused(e: RegistryError): ConnectionError {
  return new ConnectionError(`The schema registry refused the converter's credentials: ${e.message}`, { cause: e, retriable: false });
}

export function readId(data: Uint8Array): number {
  return ((data[1]! << 24) | (data[2]! << 16) | (data[3]! << 8) | data[4]!) >>> 0;
}

/** A Struct re-shaped to another schema by field name (use.latest.version); fields it lacks stay null (the default). */
function project(value: unknown, to: Schema): unknown {
  if (!(value instanceof Struct) || to.type !== 'STRUCT') return value;
  const names = new Set((value.schema.fields ?? []).map((f) => f.name));
  const values = new Map<string, unknown>();
  for (const f of to.fields ?? []) if (names.has(f.name)) values.set(f.name, project(value.get(f.name), f.schema));
  return Struct.adopting(to, values);
}
