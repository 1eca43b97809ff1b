// The Avro <-> Connect mapping (Confluent's AvroData), shared by the Confluent and Glue converters.
export { asBuffer, type AvroReader, type AvroWriter, avroReader, avroWriterFor } from './avroData.js';
export { AVRO_ENUM, AVRO_UNION, avroToConnectSchema } from './avroToConnectSchema.js';
export type { AvroSchema } from './avroTypes.js';
export { connectToAvroSchema } from './connectToAvroSchema.js';
