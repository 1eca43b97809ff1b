// The built-in converters and header converters, registered by Kafka's class names.
import type { ConverterPlugin, HeaderConverterPlugin } from '../../connect-api/plugins.js';
import { avroConverterPlugin } from './AvroConverter.js';
import { byteArrayConverterPlugins } from './ByteArrayConverter.js';
import { jsonConverterPlugins } from './JsonConverter.js';
import { jsonSchemaConverterPlugin } from './JsonSchemaConverter.js';
import { numberConverterPlugins } from './NumberConverter.js';
import { protobufConverterPlugin } from './ProtobufConverter.js';
import { simpleHeaderConverterPlugin } from './SimpleHeaderConverter.js';
import { stringConverterPlugins } from './StringConverter.js';

const pairs = [jsonConverterPlugins, stringConverterPlugins, byteArrayConverterPlugins, ...numberConverterPlugins];

/** Confluent's schema-registry converters: converters only (Confluent registers them as no header converter). */
const registryConverters: readonly ConverterPlugin[] = [avroConverterPlugin, protobufConverterPlugin, jsonSchemaConverterPlugin];

export const converterPlugins: readonly ConverterPlugin[] = [...pairs.map((p) => p.converter), ...registryConverters];
export const headerConverterPlugins: readonly HeaderConverterPlugin[] = [simpleHeaderConverterPlugin, ...pairs.map((p) => p.headerConverter)];

export { AVRO_CONVERTER_CLASS } from './AvroConverter.js';
export { ByteArrayConverter, BYTE_ARRAY_CONVERTER_CLASS } from './ByteArrayConverter.js';
export {
  type ConverterSet,
  createConverters,
  DEFAULT_HEADER_CONVERTER,
  DEFAULT_KEY_CONVERTER,
  DEFAULT_VALUE_CONVERTER,
  type NamedConverter,
  type NamedHeaderConverter,
  SLUICE_WORKER_CONVERTER_CONFIG,
} from './createConverters.js';
export { ENVELOPE_ERROR, JSON_CONVERTER_CLASS, JsonConverter, jsonConverterConfigDef } from './JsonConverter.js';
export { JSON_SCHEMA_CONVERTER_CLASS } from './JsonSchemaConverter.js';
export { NumberConverter } from './NumberConverter.js';
export { PROTOBUF_CONVERTER_CLASS } from './ProtobufConverter.js';
export { SIMPLE_HEADER_CONVERTER_CLASS, SimpleHeaderConverter } from './SimpleHeaderConverter.js';
export { STRING_CONVERTER_CLASS, StringConverter, stringConverterConfigDef } from './StringConverter.js';
export { convertToString } from './valuesFormat.js';
export { parseString } from './valuesParse.js';
