// io.confluent.connect.avro.AvroConverter: Avro in Confluent's wire format through a schema registry, with the
// Avro <-> Connect mapping of Confluent's AvroData (converters/avro). Avro schema references are not supported.
import type { ConverterPlugin } from '../../connect-api/plugins.js';
import type { Schema } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import { type AvroSchema, avroReader, avroWriterFor } from './avro/index.js';
import type { RegisteredSchema } from './schemaregistry/RegistryClient.js';
import { registryConfigDef, registrySettings } from './schemaregistry/registryConfig.js';
import { type FormatWriter, type SchemaFormat, SchemaRegistryConverter } from './schemaregistry/SchemaRegistryConverter.js';

export const AVRO_CONVERTER_CLASS = 'io.confluent.connect.avro.AvroConverter';

function recordName(avro: AvroSchema): string | undefined {
  if (typeof avro !== 'object' || Array.isArray(avro) || avro.type !== 'record') return undefined;
  const name = String(avro.name);
  return typeof avro.namespace === 'string' && avro.namespace !== '' && !name.includes('.') ? `${avro.namespace}.${name}` : name;
}

function noReferences(registered: RegisteredSchema): void {
  if (registered.references.length > 0) throw new DataError(`Avro schema id ${registered.id} uses schema references, which this converter does not support`);
}

const writers = new WeakMap<Schema, FormatWriter>();

export const avroFormat: SchemaFormat = {
  schemaType: 'AVRO',
  reader(registered) {
    noReferences(registered);
    const reader = avroReader(registered.schema);
    const schema = reader.schema;
    return { read: (data, offset) => ({ schema, value: reader.read(data, offset) }) };
  },
  writer(schema) {
    let writer = writers.get(schema);
    if (writer === undefined) {
      const w = avroWriterFor(schema);
      writer = { schemaType: 'AVRO', text: w.text, references: [], recordName: recordName(w.avroSchema), schema, write: (value) => w.write(value) };
      writers.set(schema, writer);
    }
    return writer;
  },
  registeredWriter(registered) {
    noReferences(registered);
    const reader = avroReader(registered.schema);
    const json = JSON.parse(registered.schema) as AvroSchema;
    const w = avroWriterFor(reader.schema);
    // Encoded with the registered schema's own avsc type, so enums, fixed and field order are exactly the registered ones.
    return {
      schemaType: 'AVRO',
      text: registered.schema,
      references: [],
      recordName: recordName(json),
      schema: reader.schema,
      write: (value) => {
        try {
          return reader.avroType.toBuffer(w.toAvro(value));
        } catch (e) {
          throw e instanceof DataError ? e : new DataError(`Failed to serialize Avro data: ${(e as Error).message}`, { cause: e });
        }
      },
    };
  },
};

export const avroConverterPlugin: ConverterPlugin = {
  type: 'converter',
  className: AVRO_CONVERTER_CLASS,
  configDef: registryConfigDef,
  create: (props, isKey) => new SchemaRegistryConverter(avroFormat, registrySettings(registryConfigDef, props, isKey), isKey),
};
