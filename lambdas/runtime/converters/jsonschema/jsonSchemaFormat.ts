// The JSON Schema format of the JsonSchemaConverter (loaded on first use): JsonSchemaData's mapping, the
// JsonConverter's value conversion, ajv validation with json.fail.invalid.schema.
import { Ajv, type ValidateFunction } from 'ajv';
import type { Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';
import { type JsonWriteOptions, writeJson } from '../jsonFromConnect.js';
import { parseJson } from '../jsonText.js';
import { toConnect } from '../jsonToConnect.js';
import type { RegisteredSchema } from '../schemaregistry/RegistryClient.js';
import type { FormatWriter, SchemaFormat } from '../schemaregistry/SchemaRegistryConverter.js';
import { connectToJsonSchema, jsonSchemaToConnect } from './jsonSchemaData.js';

const WRITE_OPTIONS: JsonWriteOptions = Object.freeze({ decimalFormat: 'NUMERIC', replaceNullWithDefault: true });
const decoder = new TextDecoder('utf-8', { fatal: true });
/** ajv keeps every schema it compiled by its $id and refuses a second one: a compiler per schema (once per id). */
const compiler = () => new Ajv({ strict: false, allErrors: false });

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
    return compiler().compile(json as object);
  } catch (e) {
    throw new DataError(`Invalid JSON Schema: ${(e as Error).message}`, { cause: e });
  }
}

function check(validate: ValidateFunction | undefined, text: string): void {
  if (validate !== undefined && !validate(JSON.parse(text))) {
    const reasons = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()).join('; ');
    throw new DataError(`JSON does not match its schema: ${reasons}`);
  }
}

export function jsonSchemaFormat(failInvalid: boolean): SchemaFormat {
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

