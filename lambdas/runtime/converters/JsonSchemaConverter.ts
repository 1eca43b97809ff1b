// io.confluent.connect.json.JsonSchemaConverter: JSON in Confluent's wire format (magic byte, schema id, JSON text)
// whose JSON Schema lives in a schema registry; the common cases of Confluent's JsonSchemaData (jsonschema/, loaded on
// first use). Values convert as the JsonConverter's payloads do (decimals written as numbers). With
// json.fail.invalid.schema, payloads are validated against their JSON Schema (ajv) both ways; JSON Schema references
// are not supported.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { ConverterPlugin } from '../../connect-api/plugins.js';
import { registryConfigDef, registrySettings } from './schemaregistry/registryConfig.js';
import { type FormatLoader, SchemaRegistryConverter } from './schemaregistry/SchemaRegistryConverter.js';

export const JSON_SCHEMA_CONVERTER_CLASS = 'io.confluent.connect.json.JsonSchemaConverter';
const FAIL_INVALID = 'json.fail.invalid.schema';

export const jsonSchemaConverterConfigDef = registryConfigDef.merge(
  new ConfigDef([
    { name: FAIL_INVALID, type: 'BOOLEAN', default: false, importance: 'MEDIUM', documentation: 'Whether to fail a record whose JSON does not validate against its JSON Schema (read and write).', group: 'Schema Registry', orderInGroup: 10 },
  ]),
);

function loader(failInvalid: boolean): FormatLoader {
  return { schemaType: 'JSON', readerVariant: failInvalid ? '+validated' : '', load: async () => (await import('./jsonschema/jsonSchemaFormat.js')).jsonSchemaFormat(failInvalid) };
}

export const jsonSchemaConverterPlugin: ConverterPlugin = {
  type: 'converter',
  className: JSON_SCHEMA_CONVERTER_CLASS,
  configDef: jsonSchemaConverterConfigDef,
  create: (props, isKey) => {
    const failInvalid = jsonSchemaConverterConfigDef.parse(props).getBoolean(FAIL_INVALID);
    return new SchemaRegistryConverter(loader(failInvalid), registrySettings(jsonSchemaConverterConfigDef, props, isKey), isKey);
  },
};
