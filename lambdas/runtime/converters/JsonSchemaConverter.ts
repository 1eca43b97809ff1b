// io.confluent.connect.json.JsonSchemaConverter: JSON in Confluent's wire format (magic byte, schema id, JSON text)
// whose JSON Schema lives in a schema registry; the common cases of Confluent's JsonSchemaData (jsonschema/). Values
// convert as the JsonConverter's payloads do (decimals written as numbers). With json.fail.invalid.schema, payloads
// are validated against their JSON Schema (ajv) both ways; JSON Schema references are not supported.
import { Ajv, type ValidateFunction } from 'ajv';
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { Schema } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import type { ConverterPlugin } from '../../connect-api/plugins.js';
import { type JsonWriteOptions, writeJson } from './jsonFromConnect.js';
import { connectToJsonSchema, jsonSchemaToConnect } from './jsonschema/jsonSchemaData.js';
import { parseJson } from './jsonText.js';
import { toConnect } from './jsonToConnect.js';
import type { RegisteredSchema } from './schemaregistry/RegistryClient.js';
import { registryConfigDef, registrySettings } from './schemaregistry/registryConfig.js';
import { type FormatWriter, type SchemaFormat, SchemaRegistryConverter } from './schemaregistry/SchemaRegistryConverter.js';

export const JSON_SCHEMA_CONVERTER_CLASS = 'io.confluent.connect.json.JsonSchemaConverter';
const FAIL_INVALID = 'json.fail.invalid.schema';

export const jsonSchemaConverterConfigDef = registryConfigDef.merge(
  new ConfigDef([
    { name: FAIL_INVALID, type: 'BOOLEAN', default: false, importance: 'MEDIUM', documentation: 'Whether to fail a record whose JSON does not validate against its JSON Schema (read and write).', group: 'Schema Registry', orderInGroup: 10 },
  ]),
);

const WRITE_OPTIONS: JsonWriteOptions = Object.freeze({ decimalFormat: 'NUMERIC', replaceNullWithDefault: true });
const decoder = new TextDecoder('utf-8', { fatal: true });
const ajv = new Ajv({ strict: false, allErrors: false });

function parseSchema(registered: RegisteredSchema): unknown {
  if (registered.references.length > 0) throw new DataError(`JSON Schema id ${registered.id} uses schema references, which this converter does not support`);
  try {
    return JSON.parse(registered.schema);
  } catch (e) {
    throw new DataError(`Invalid JSON Schema: ${(e as Error).message}`, { cause: e });
  }
}

function validator(json: unknown): ValidateFunction {
  try {
    return ajv.compile(json as object);
  } catch (e) {
    throw new DataError(`Invalid JSON Schema: ${(e as Error).message}`, { cause: e });
  }
}

function check(validate: ValidateFunction | undefined, text: string): void {
  if (validate !== undefined && !validate(JSON.parse(text))) {
    throw new DataError(`JSON does not match its schema: ${ajv.errorsText(validate.errors)}`);
  }
}

function jsonFormat(failInvalid: boolean): SchemaFormat {
  const writers = new WeakMap<Schema, FormatWriter>();
  const writerFor = (schema: Schema, json: unknown, text: string): FormatWriter => {
    const validate = failInvalid ? validator(json) : undefined;
    const title = (json as { title?: unknown }).title;
    return {
      schemaType: 'JSON',
      text,
      references: [],
      recordName: typeof title === 'string' ? title : undefined,
      schema,
      write(value) {
        const out = writeJson(schema, value, WRITE_OPTIONS);
        check(validate, out);
        return Buffer.from(out, 'utf8');
      },
    };
  };
  return {
    schemaType: 'JSON',
    readerVariant: failInvalid ? '+validated' : '',
    reader(registered) {
      const json = parseSchema(registered);
      const schema = jsonSchemaToConnect(json);
      const validate = failInvalid ? validator(json) : undefined;
      return {
        read(data, offset) {
          let text: string;
          try {
            text = decoder.decode(data.subarray(offset));
            check(validate, text);
            return { schema, value: toConnect(schema, parseJson(text), true) };
          } catch (e) {
            throw e instanceof DataError ? e : new DataError(`Failed to deserialize JSON data: ${(e as Error).message}`, { cause: e });
          }
        },
      };
    },
    writer(schema) {
      let writer = writers.get(schema);
      if (writer === undefined) {
        const json = connectToJsonSchema(schema);
        writer = writerFor(schema, json, JSON.stringify(json));
        writers.set(schema, writer);
      }
      return writer;
    },
    registeredWriter(registered) {
      const json = parseSchema(registered);
      return writerFor(jsonSchemaToConnect(json), json, registered.schema);
    },
  };
}

export const jsonSchemaConverterPlugin: ConverterPlugin = {
  type: 'converter',
  className: JSON_SCHEMA_CONVERTER_CLASS,
  configDef: jsonSchemaConverterConfigDef,
  create: (props, isKey) => {
    const format = jsonFormat(jsonSchemaConverterConfigDef.parse(props).getBoolean(FAIL_INVALID));
    return new SchemaRegistryConverter(format, registrySettings(jsonSchemaConverterConfigDef, props, isKey), isKey);
  },
};
