// org.apache.kafka.connect.json.JsonConverter: Connect data <-> JSON, with or without the {"schema","payload"} envelope.
// Also a HeaderConverter. Options are parsed once per instance (JsonConverterConfig).
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { atLeast, oneOf } from '../../connect-api/config/validators.js';
import type { ConnectHeader } from '../../connect-api/data/ConnectRecord.js';
import type { Schema } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { BaseConverter, pluginPair } from './BaseConverter.js';
import { converterTypeKey } from './converterConfig.js';
import { envelopeBytes, envelopePrefix, splitEnvelope } from './jsonEnvelope.js';
import { type JsonWriteOptions, writeJson } from './jsonFromConnect.js';
import type { DecimalFormat } from './jsonLogical.js';
import { isJsonObject } from './jsonNodes.js';
import { JsonSchemaCodec } from './jsonSchema.js';
import { hasLongNumber, type JsonValue, parseJson } from './jsonText.js';
import { inferValue, toConnect } from './jsonToConnect.js';

export const JSON_CONVERTER_CLASS = 'org.apache.kafka.connect.json.JsonConverter';

export const ENVELOPE_ERROR =
  'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields.' +
  ' If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.';

export const jsonConverterConfigDef = new ConfigDef([
  { name: 'schemas.enable', type: 'BOOLEAN', default: true, importance: 'HIGH', documentation: 'Include schemas within each of the serialized values and keys.', group: 'Schemas', orderInGroup: 0, displayName: 'Enable Schemas' },
  { name: 'schemas.cache.size', type: 'INT', default: 1000, validator: atLeast(0), importance: 'HIGH', documentation: 'The maximum number of schemas that can be cached in this converter instance.', group: 'Schemas', orderInGroup: 1, displayName: 'Schema Cache Size' },
  { name: 'decimal.format', type: 'STRING', default: 'BASE64', validator: oneOf(['BASE64', 'NUMERIC'], { caseInsensitive: true }), importance: 'LOW', documentation: 'Controls which format this converter will serialize decimals in. BASE64 (the default) writes base64 bytes; NUMERIC writes JSON numbers.', group: 'Serialization', orderInGroup: 0, displayName: 'Decimal Format' },
  { name: 'replace.null.with.default', type: 'BOOLEAN', default: true, importance: 'LOW', documentation: 'Whether to replace fields that have a default value and that are null to the default value.', group: 'Serialization', orderInGroup: 1, displayName: 'Replace null with default' },
  converterTypeKey,
]);

const NULL: SchemaAndValue = Object.freeze({ schema: null, value: null });
const decoder = new TextDecoder();
const CLOSE = 0x7d; // '}'

export class JsonConverter extends BaseConverter {
  private readonly schemasEnabled: boolean;
  private readonly options: JsonWriteOptions;
  private readonly codec: JsonSchemaCodec;
  /** The last envelope schema text read and its schema: a topic's records share one, so most records skip the LRU
   * (a string compare instead of hashing the text and reordering the cache's map). */
  private lastSchemaText: string | undefined;
  private lastSchema: Schema | null = null;
  /** The UTF-8 bytes of `{"schema":<lastSchemaText>,"payload":`: a record starting with them is decoded from its payload on. */
  private lastPrefix: Buffer | undefined;
  /** The encoded `{"schema":…,"payload":` of each schema written, so the schema is serialised once, not per record. */
  private readonly prefixes = new WeakMap<Schema, Buffer>();
  private nullPrefix: Buffer | undefined;

  constructor(config: ParsedConfig) {
    super();
    this.schemasEnabled = config.getBoolean('schemas.enable');
    this.options = Object.freeze({
      decimalFormat: config.getString('decimal.format')!.toUpperCase() as DecimalFormat,
      replaceNullWithDefault: config.getBoolean('replace.null.with.default'),
    });
    this.codec = new JsonSchemaCodec(config.getInt('schemas.cache.size'), this.options);
  }

  toConnectData(_topic: string, _headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue {
    if (data === null) return NULL;
    if (this.schemasEnabled) {
      const payload = this.payloadAfterLastPrefix(data);
      if (payload !== undefined) return payload;
    }
    const text = decoder.decode(data);
    if (!this.schemasEnabled) {
      if (text.trim() === '') return NULL;
      const value = parseJson(text);
      return { schema: null, value: hasLongNumber(text) ? inferValue(value) : value };
    }
    return this.fromEnvelope(text);
  }

  /**
   * A record whose bytes start with the last schema's `{"schema":…,"payload":` and end with `}`: only its payload is
   * decoded and parsed (the schema part is neither decoded to text nor compared as text). Undefined otherwise, and
   * when its payload does not parse: the text path then decides, with its errors.
   */
  private payloadAfterLastPrefix(data: Uint8Array): SchemaAndValue | undefined {
    const prefix = this.lastPrefix;
    if (prefix === undefined || data.length <= prefix.length || data[data.length - 1] !== CLOSE || prefix.compare(data, 0, prefix.length) !== 0) return undefined;
    let payload: JsonValue;
    try {
      payload = parseJson(decoder.decode(data.subarray(prefix.length, data.length - 1)));
    } catch {
      return undefined;
    }
    return this.withSchema(this.lastSchema, payload);
  }

  private fromEnvelope(text: string): SchemaAndValue {
    const parts = splitEnvelope(text);
    if (parts !== undefined) {
      let schema: Schema | null = null;
      let payload: JsonValue = null;
      let parsed = true;
      try {
        schema = parts.schemaText === this.lastSchemaText ? this.lastSchema : this.codec.fromText(parts.schemaText);
        payload = parseJson(parts.payloadText);
      } catch {
        parsed = false;
      }
      if (parsed) {
        if (this.codec.caches && parts.schemaText !== this.lastSchemaText) {
          this.lastSchemaText = parts.schemaText;
          this.lastSchema = schema;
          this.lastPrefix = envelopePrefix(parts.schemaText);
        }
        return this.withSchema(schema, payload);
      }
    }
    const envelope = text.trim() === '' ? undefined : parseJson(text);
    if (!isJsonObject(envelope) || Object.keys(envelope).length !== 2 || !('schema' in envelope) || !('payload' in envelope)) {
      throw new DataError(ENVELOPE_ERROR);
    }
    return this.withSchema(this.codec.asConnectSchema(envelope.schema), envelope.payload);
  }

  private withSchema(schema: Schema | null, payload: JsonValue | undefined): SchemaAndValue {
    return { schema, value: toConnect(schema, payload, this.options.replaceNullWithDefault) };
  }

  fromConnectData(_topic: string, _headers: readonly ConnectHeader[], schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema === null && (value === null || value === undefined)) return null;
    const payload = writeJson(schema, value, this.options);
    // Buffer.from is Node's fastest UTF-8 encoder, and a Buffer is a Uint8Array the producer can send without a copy.
    if (!this.schemasEnabled) return Buffer.from(payload, 'utf8');
    return envelopeBytes(this.prefixFor(schema), payload);
  }

  private prefixFor(schema: Schema | null): Buffer {
    if (schema === null) {
      this.nullPrefix ??= envelopePrefix('null');
      return this.nullPrefix;
    }
    let prefix = this.prefixes.get(schema);
    if (prefix === undefined) {
      prefix = envelopePrefix(this.codec.asJsonSchema(schema));
      this.prefixes.set(schema, prefix);
    }
    return prefix;
  }
}

export const jsonConverterPlugins = pluginPair(JSON_CONVERTER_CLASS, jsonConverterConfigDef, (props) => new JsonConverter(jsonConverterConfigDef.parse(props)));
