// Confluent's AvroData for Sluice: an Avro schema (text or JSON) becomes a reader with its Connect schema and a
// synchronous decode; a Connect schema becomes a writer with its Avro schema and a synchronous encode. Both are built
// once per schema and cached, so the record path only decodes and converts. Used by the Confluent AvroConverter and
// the Glue converter: the wire header (magic byte and id, or Glue's UUID) is theirs, the Avro body is this module's.
import type avro from 'avsc';
import type { Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';
import { avroToConnectSchema } from './avroToConnectSchema.js';
import { type AvroSchema, avroType } from './avroTypes.js';
import { avroWriter, connectReader } from './avroValues.js';
import { connectToAvroSchema, unionBranches } from './connectToAvroSchema.js';

export interface AvroReader {
  /** The Connect schema of the values `read` returns. */
  readonly schema: Schema;
  readonly avroType: avro.Type;
  /** Decodes the Avro body in `data` from `offset` to its end into a Connect value; DataError when it does not decode. */
  read(data: Uint8Array, offset?: number): unknown;
}

export interface AvroWriter {
  /** The Avro schema the Connect schema maps to, as JSON and as the text a registry stores. */
  readonly avroSchema: AvroSchema;
  readonly text: string;
  readonly avroType: avro.Type;
  /** The Avro body of a Connect value (no header). */
  write(value: unknown): Buffer;
  /** The value avsc writes for a Connect value (before encoding). */
  toAvro(value: unknown): unknown;
}

export function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function parseSchema(text: string): AvroSchema {
  try {
    return JSON.parse(text) as AvroSchema;
  } catch {
    // A bare primitive name (`string`) is a valid Avro schema text too.
    return text.trim();
  }
}

/** A reader for an Avro schema (its registry text or parsed JSON). Throws DataError for a schema Connect cannot map. */
export function avroReader(schemaTextOrJson: string | AvroSchema): AvroReader {
  const json = typeof schemaTextOrJson === 'string' ? parseSchema(schemaTextOrJson) : schemaTextOrJson;
  let type: avro.Type;
  try {
    type = avroType(json);
  } catch (e) {
    throw new DataError(`Invalid Avro schema: ${(e as Error).message}`, { cause: e });
  }
  const schema = avroToConnectSchema(json);
  const toConnect = connectReader(schema);
  return {
    schema,
    avroType: type,
    read(data, offset = 0) {
      let decoded: { value: unknown; offset: number };
      try {
        decoded = type.decode(asBuffer(data), offset);
      } catch (e) {
        throw new DataError(`Failed to deserialize Avro data: ${(e as Error).message}`, { cause: e });
      }
      if (decoded.offset < 0) throw new DataError('Failed to deserialize Avro data: the payload is truncated');
      return toConnect(decoded.value);
    },
  };
}

const writers = new WeakMap<Schema, AvroWriter>();

/** The writer for a Connect schema, cached per schema object. */
export function avroWriterFor(schema: Schema): AvroWriter {
  let writer = writers.get(schema);
  if (writer === undefined) {
    const avroSchema = connectToAvroSchema(schema);
    const type = avroType(avroSchema);
    const fromConnect = avroWriter(schema, unionBranches);
    writer = {
      avroSchema,
      text: JSON.stringify(avroSchema),
      avroType: type,
      toAvro: fromConnect,
      write(value) {
        const avroValue = fromConnect(value);
        try {
          return type.toBuffer(avroValue);
        } catch (e) {
          throw new DataError(`Failed to serialize Avro data: ${(e as Error).message}`, { cause: e });
        }
      },
    };
    writers.set(schema, writer);
  }
  return writer;
}
