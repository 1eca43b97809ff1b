// io.confluent.connect.avro.AvroConverter: Avro in Confluent's wire format through a schema registry, with the
// Avro <-> Connect mapping of Confluent's AvroData (converters/avro, loaded on first use). Avro schema references are
// not supported.
import type { ConverterPlugin } from '../../connect-api/plugins.js';
import { registryConfigDef, registrySettings } from './schemaregistry/registryConfig.js';
import { type FormatLoader, SchemaRegistryConverter } from './schemaregistry/SchemaRegistryConverter.js';

export const AVRO_CONVERTER_CLASS = 'io.confluent.connect.avro.AvroConverter';

const avro: FormatLoader = { schemaType: 'AVRO', load: async () => (await import('./avro/avroFormat.js')).avroFormat };

export const avroConverterPlugin: ConverterPlugin = {
  type: 'converter',
  className: AVRO_CONVERTER_CLASS,
  configDef: registryConfigDef,
  create: (props, isKey) => new SchemaRegistryConverter(avro, registrySettings(registryConfigDef, props, isKey), isKey),
};
