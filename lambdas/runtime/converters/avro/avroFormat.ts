// The Avro format of the AvroConverter (loaded on first use): Avro schema text <-> reader and writer via avroData.
import type { Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';
import type { RegisteredSchema } from '../schemaregistry/RegistryClient.js';
import type { FormatWriter, SchemaFormat } from '../schemaregistry/SchemaRegistryConverter.js';
import { avroReader, avroWriterFor } from './avroData.js';
import type { AvroSchema } from './avroTypes.js';

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

