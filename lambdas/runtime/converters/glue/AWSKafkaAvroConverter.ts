// The AWS Glue Schema Registry's Kafka Connect converter, under the Glue SerDe's class name
// (com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter) and config keys: bytes in the Glue wire
// format (wireFormat.ts) <-> Connect data, the Avro body mapped by Confluent's AvroData rules (../avro).
//
// Reading: `prefetch` (once per batch) fetches the schema versions the batch names and the cache lacks, with
// GetSchemaVersion, and keeps them for the container's life (a schema version never changes); a version that cannot
// be fetched rejects the batch with a RetriableError. toConnectData then only decodes: a message that is not in the
// Glue format or does not decode is that record's DataError (its ConversionError, the DLQ).
// Writing: `prepare` (once per batch per schema) finds the version id of the record schema's Avro definition with
// GetSchemaByDefinition, registering it when schemaAutoRegistrationEnabled is on; fromConnectData then only encodes.
// Schemas of JSON data format are read as schemaless JSON values; writing them is not supported.
// The Avro mapping (../avro, with avsc) is imported by prefetch and prepare on first need, a chunk of its own: the
// task functions register this converter for every pipeline, and only the pipelines that name it load avsc.
import { ConfigDef } from '../../../connect-api/config/ConfigDef.js';
import { oneOf, satisfies } from '../../../connect-api/config/validators.js';
import type { ConnectHeader } from '../../../connect-api/data/ConnectRecord.js';
import type { Schema } from '../../../connect-api/data/Schema.js';
import { DataError, RetriableError } from '../../../connect-api/errors.js';
import type { Converter, ConverterPlugin, SchemaAndValue } from '../../../connect-api/plugins.js';
import type { AvroReader } from '../avro/index.js';
import { converterTypeKey } from '../converterConfig.js';
import { LruCache } from '../LruCache.js';
import { type GlueRegistryClient, glueRegistryClient } from './GlueRegistryClient.js';
import { COMPATIBILITIES, MAX_DESCRIPTION, nameProblem } from './glueLimits.js';
import { decodeGlueMessage, encodeGlueMessage, type GlueCompression, schemaVersionIdOf } from './wireFormat.js';

export const GLUE_AVRO_CONVERTER_CLASS = 'com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter';

const GROUP = 'AWS Glue Schema Registry';
const nameValidator = (what: string) => satisfies('a Glue name: 1 to 255 characters of letters, digits, -, _, $, # and .', (v) => (v === null || v === undefined ? undefined : nameProblem(what, String(v))));

export const glueConverterConfigDef = new ConfigDef([
  { name: 'region', type: 'STRING', default: null, importance: 'HIGH', group: GROUP, orderInGroup: 0, documentation: "The AWS Region of the Glue Schema Registry; unset, the function's own Region (AWS_REGION)." },
  { name: 'endpoint', type: 'STRING', default: null, importance: 'LOW', group: GROUP, orderInGroup: 1, documentation: 'Another AWS Glue endpoint than the Region\'s (e.g. a VPC interface endpoint URL).' },
  { name: 'registry.name', type: 'STRING', default: 'default-registry', validator: nameValidator('registry.name'), importance: 'HIGH', group: GROUP, orderInGroup: 2, documentation: 'The Glue schema registry written schemas are looked up and registered in.' },
  {
    name: 'schemaName',
    type: 'STRING',
    default: null,
    validator: nameValidator('schemaName'),
    importance: 'HIGH',
    group: GROUP,
    orderInGroup: 3,
    documentation: "The Glue schema (the registry's name for a subject) written records' schemas are registered under; unset, the topic name (the SerDe's default naming strategy).",
  },
  { name: 'schemaAutoRegistrationEnabled', type: 'BOOLEAN', default: false, importance: 'MEDIUM', group: GROUP, orderInGroup: 4, documentation: "Register a written record's schema (a new version, or a new schema with the compatibility below) when the registry does not have it." },
  { name: 'dataFormat', type: 'STRING', default: 'AVRO', validator: oneOf(['AVRO', 'JSON']), importance: 'MEDIUM', group: GROUP, orderInGroup: 5, documentation: 'The data format of written schemas: AVRO. Reading follows each schema version\'s own format (AVRO, or JSON read as schemaless values).' },
  { name: 'compression', type: 'STRING', default: 'NONE', validator: oneOf(['NONE', 'ZLIB'], { caseInsensitive: true }), importance: 'LOW', group: GROUP, orderInGroup: 6, documentation: 'Compression of written payloads: NONE or ZLIB. Reading follows each message\'s compression byte.' },
  { name: 'compatibility', type: 'STRING', default: 'BACKWARD', validator: oneOf(COMPATIBILITIES), importance: 'LOW', group: GROUP, orderInGroup: 7, documentation: 'The compatibility of a schema created by auto-registration.' },
  { name: 'description', type: 'STRING', default: null, importance: 'LOW', group: GROUP, orderInGroup: 8, documentation: `The description of a schema created by auto-registration (at most ${MAX_DESCRIPTION} characters).` },
  { name: 'avroRecordType', type: 'STRING', default: 'GENERIC_RECORD', validator: oneOf(['GENERIC_RECORD', 'SPECIFIC_RECORD']), importance: 'LOW', group: GROUP, orderInGroup: 9, documentation: 'Accepted for the SerDe\'s configs: records always become Connect structs (GENERIC_RECORD).' },
  { name: 'cacheSize', type: 'INT', default: 200, importance: 'LOW', group: GROUP, orderInGroup: 10, documentation: 'How many schema versions (and written schemas) are kept per container.' },
  converterTypeKey,
]);

type AvroModule = typeof import('../avro/index.js');

let avroModule: AvroModule | undefined;
let avroLoading: Promise<AvroModule> | undefined;

/** The Avro mapping, imported once per process (a failed import is tried again by the next call). */
function loadAvro(): Promise<AvroModule> {
  if (avroModule) return Promise.resolve(avroModule);
  avroLoading ??= import('../avro/index.js').then(
    (m) => {
      avroModule = m;
      return m;
    },
    (e: unknown) => {
      avroLoading = undefined;
      throw new RetriableError(`Could not load the Avro mapping: ${(e as Error).message}`, { cause: e });
    },
  );
  return avroLoading;
}

type Fetched = { kind: 'avro'; reader: AvroReader } | { kind: 'json' } | { kind: 'broken'; error: DataError };

/** Schema versions by id, per registry client: shared by every converter of the container, kept across invocations. */
const readCaches = new WeakMap<GlueRegistryClient, LruCache<string, Fetched>>();
/** Written schema version ids by schema name and definition, per registry client. */
const writeCaches = new WeakMap<GlueRegistryClient, LruCache<string, string | DataError>>();

function cacheOf<V>(caches: WeakMap<GlueRegistryClient, LruCache<string, V>>, client: GlueRegistryClient, size: number): LruCache<string, V> {
  let c = caches.get(client);
  if (!c) {
    c = new LruCache<string, V>(size);
    caches.set(client, c);
  }
  return c;
}

function fetched(avro: AvroModule, definition: string, dataFormat: string): Fetched {
  if (dataFormat === 'JSON') return { kind: 'json' };
  if (dataFormat !== 'AVRO') return { kind: 'broken', error: new DataError(`Glue schema data format ${dataFormat} is not supported by ${GLUE_AVRO_CONVERTER_CLASS}`) };
  try {
    return { kind: 'avro', reader: avro.avroReader(definition) };
  } catch (e) {
    return { kind: 'broken', error: e instanceof DataError ? e : new DataError((e as Error).message, { cause: e }) };
  }
}

export class AWSKafkaAvroConverter implements Converter {
  private readonly region: string | null;
  private readonly endpoint: string | null;
  private readonly registryName: string;
  private readonly schemaName: string | null;
  private readonly autoRegister: boolean;
  private readonly dataFormat: 'AVRO' | 'JSON';
  private readonly compression: GlueCompression;
  private readonly compatibility: string;
  private readonly description: string | null;
  private readonly cacheSize: number;
  private client: GlueRegistryClient | undefined;
  /** The schema versions of the batch last prefetched: held even when the container cache is smaller than the batch's variety. */
  private batch = new Map<string, Fetched>();
  /** Registrations started by a fromConnectData that `prepare` did not precede, by write-cache key. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(props: Readonly<Record<string, string>>) {
    const c = glueConverterConfigDef.parse(props);
    this.region = c.getString('region');
    this.endpoint = c.getString('endpoint');
    this.registryName = c.getString('registry.name') ?? 'default-registry';
    this.schemaName = c.getString('schemaName');
    this.autoRegister = c.getBoolean('schemaAutoRegistrationEnabled');
    this.dataFormat = (c.getString('dataFormat') ?? 'AVRO') as 'AVRO' | 'JSON';
    this.compression = (c.getString('compression') ?? 'NONE').toUpperCase() as GlueCompression;
    this.compatibility = c.getString('compatibility') ?? 'BACKWARD';
    this.description = c.getString('description');
    this.cacheSize = c.getInt('cacheSize');
  }

  /** The registry client, obtained on first use (so the api can validate a config without AWS access). */
  private registry(): GlueRegistryClient {
    this.client ??= glueRegistryClient({ ...(this.region ? { region: this.region } : {}), ...(this.endpoint ? { endpoint: this.endpoint } : {}) });
    return this.client;
  }

  private reads(): LruCache<string, Fetched> {
    return cacheOf(readCaches, this.registry(), this.cacheSize);
  }

  async prefetch(_topic: string, data: ReadonlyArray<Uint8Array | null>): Promise<void> {
    const cache = this.reads();
    const batch = new Map<string, Fetched>();
    const missing = new Set<string>();
    for (const d of data) {
      if (d === null) continue;
      const id = schemaVersionIdOf(d);
      if (id === undefined || batch.has(id) || missing.has(id)) continue;
      const hit = cache.get(id);
      if (hit === undefined) missing.add(id);
      else batch.set(id, hit);
    }
    this.batch = batch;
    if (missing.size === 0) return;
    const client = this.registry();
    const avro = await loadAvro();
    await Promise.all(
      [...missing].map(async (id) => {
        const version = await client.getSchemaVersion(id).catch((e: unknown) => {
          // A malformed id in a record's header is that record's failure, not the batch's.
          if (e instanceof DataError) return e;
          throw e instanceof RetriableError ? e : new RetriableError(`Could not fetch Glue schema version ${id}: ${(e as Error).message}`, { cause: e });
        });
        const f: Fetched = version instanceof DataError ? { kind: 'broken', error: version } : fetched(avro, version.definition, version.dataFormat);
        cache.set(id, f);
        batch.set(id, f);
      }),
    );
  }

  toConnectData(_topic: string, _headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue {
    if (data === null) return { schema: null, value: null };
    const message = decodeGlueMessage(data);
    const schema = this.batch.get(message.schemaVersionId) ?? this.reads().get(message.schemaVersionId);
    if (schema === undefined) throw new RetriableError(`Glue schema version ${message.schemaVersionId} was not fetched before conversion (no prefetch for this batch)`);
    if (schema.kind === 'broken') throw schema.error;
    if (schema.kind === 'json') {
      try {
        return { schema: null, value: JSON.parse(Buffer.from(message.payload).toString('utf8')) as unknown };
      } catch (e) {
        throw new DataError(`Glue JSON payload is not JSON: ${(e as Error).message}`, { cause: e });
      }
    }
    return { schema: schema.reader.schema, value: schema.reader.read(message.payload) };
  }

  private writeKey(topic: string, text: string): string {
    return `${this.schemaName ?? topic}\n${text}`;
  }

  private async register(topic: string, text: string): Promise<void> {
    const writes = cacheOf(writeCaches, this.registry(), this.cacheSize);
    const key = this.writeKey(topic, text);
    if (writes.get(key) !== undefined) return;
    try {
      const id = await this.registry().schemaVersionIdFor({
        registryName: this.registryName,
        schemaName: this.schemaName ?? topic,
        dataFormat: 'AVRO',
        definition: text,
        autoRegister: this.autoRegister,
        compatibility: this.compatibility,
        ...(this.description ? { description: this.description } : {}),
      });
      writes.set(key, id);
    } catch (e) {
      // A schema the registry refuses or lacks fails the records written with it; anything else retries the batch.
      if (e instanceof DataError) writes.set(key, e);
      else throw e instanceof RetriableError ? e : new RetriableError(`Could not register the schema in AWS Glue: ${(e as Error).message}`, { cause: e });
    }
  }

  async prepare(topic: string, schema: Schema | null): Promise<void> {
    if (schema === null || this.dataFormat !== 'AVRO') return;
    const avro = await loadAvro();
    await this.register(topic, avro.avroWriterFor(schema).text);
  }

  fromConnectData(topic: string, _headers: readonly ConnectHeader[], schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    if (this.dataFormat !== 'AVRO') throw new DataError(`${GLUE_AVRO_CONVERTER_CLASS} writes AVRO only; dataFormat=${this.dataFormat} is read-only`);
    if (schema === null) throw new DataError(`${GLUE_AVRO_CONVERTER_CLASS} needs a schema to write a record in Avro (the record has none)`);
    if (avroModule === undefined) {
      // Not prepared, and the Avro mapping not loaded yet: load it in the background so the retried batch finds it.
      void loadAvro().catch(() => undefined);
      throw new RetriableError(`The record's schema was not yet looked up in AWS Glue registry ${this.registryName} (no prepare for this batch); retry`);
    }
    const writer = avroModule.avroWriterFor(schema);
    const key = this.writeKey(topic, writer.text);
    const id = cacheOf(writeCaches, this.registry(), this.cacheSize).get(key);
    if (id instanceof DataError) throw id;
    if (id === undefined) {
      // Not prepared: register in the background so the retried batch finds it.
      if (!this.pending.has(key)) {
        const p = this.register(topic, writer.text).then(
          () => undefined,
          () => undefined,
        );
        this.pending.set(key, p.finally(() => this.pending.delete(key)));
      }
      throw new RetriableError(`The record's schema was not yet looked up in AWS Glue registry ${this.registryName} (no prepare for this batch); retry`);
    }
    return encodeGlueMessage(id, writer.write(value), this.compression);
  }
}

export const glueAvroConverterPlugin: ConverterPlugin = {
  type: 'converter',
  className: GLUE_AVRO_CONVERTER_CLASS,
  aliases: ['AWSKafkaAvroConverter'],
  configDef: glueConverterConfigDef,
  create: (props) => new AWSKafkaAvroConverter(props),
};
