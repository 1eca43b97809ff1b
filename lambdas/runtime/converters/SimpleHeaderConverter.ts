// org.apache.kafka.connect.storage.SimpleHeaderConverter, the default header converter: writes any value as its
// Values.convertToString text in UTF-8, reads text back with Values.parseString. Bytes that are not valid UTF-8
// stay raw (BYTES schema) instead of being decoded with replacement characters.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import { type Schema, Schemas } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import type { HeaderConverter, HeaderConverterPlugin, SchemaAndValue } from '../../connect-api/plugins.js';
import { convertToString } from './valuesFormat.js';
import { parseString } from './valuesParse.js';

export const SIMPLE_HEADER_CONVERTER_CLASS = 'org.apache.kafka.connect.storage.SimpleHeaderConverter';

export const simpleHeaderConverterConfigDef = new ConfigDef([]);

const NULL: SchemaAndValue = Object.freeze({ schema: null, value: null });
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export class SimpleHeaderConverter implements HeaderConverter {
  toConnectHeader(topic: string, headerKey: string, data: Uint8Array | null): SchemaAndValue {
    if (data === null) return NULL;
    let text: string;
    try {
      text = decoder.decode(data);
    } catch {
      return { schema: Schemas.BYTES, value: data };
    }
    if (text === '') return { schema: Schemas.STRING, value: text };
    try {
      return parseString(text);
    } catch (e) {
      throw new DataError(`Failed to deserialize value for header '${headerKey}' on topic '${topic}'`, { cause: e });
    }
  }

  fromConnectHeader(_topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    const text = convertToString(schema, value);
    return text === null ? null : encoder.encode(text);
  }
}

export const simpleHeaderConverterPlugin: HeaderConverterPlugin = {
  type: 'header_converter',
  className: SIMPLE_HEADER_CONVERTER_CLASS,
  configDef: simpleHeaderConverterConfigDef,
  create: () => new SimpleHeaderConverter(),
};
