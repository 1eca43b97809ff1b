// io.confluent.connect.protobuf.ProtobufConverter: Protobuf in Confluent's wire format (magic byte, schema id, the
// message indexes that pick the message in the .proto file, the message) through a schema registry, with the
// common cases of Confluent's ProtobufData mapping (converters/protobuf, loaded on first use). Imports resolve through
// the registry's schema references; google/protobuf/timestamp, wrappers, google/type/date, timeofday and
// confluent/type/decimal are known without one.
import type { ConverterPlugin } from '../../connect-api/plugins.js';
import { registryConfigDef, registrySettings } from './schemaregistry/registryConfig.js';
import { type FormatLoader, SchemaRegistryConverter } from './schemaregistry/SchemaRegistryConverter.js';

export const PROTOBUF_CONVERTER_CLASS = 'io.confluent.connect.protobuf.ProtobufConverter';

const protobuf: FormatLoader = { schemaType: 'PROTOBUF', load: async () => (await import('./protobuf/protobufFormat.js')).protobufFormat };

export const protobufConverterPlugin: ConverterPlugin = {
  type: 'converter',
  className: PROTOBUF_CONVERTER_CLASS,
  configDef: registryConfigDef,
  create: (props, isKey) => new SchemaRegistryConverter(protobuf, registrySettings(registryConfigDef, props, isKey), isKey),
};
