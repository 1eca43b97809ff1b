// org.apache.kafka.connect.storage.StringConverter: bytes <-> OPTIONAL_STRING in `converter.encoding` (UTF-8).
// Writing renders any value as a string (Values.convertToString's form for maps, arrays and structs). Also a HeaderConverter.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { ConnectHeader } from '../../connect-api/data/ConnectRecord.js';
import { type Schema, Schemas } from '../../connect-api/data/Schema.js';
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { BaseConverter, pluginPair } from './BaseConverter.js';
import { converterTypeKey } from './converterConfig.js';
import { type Charset, charset, charsetValidator } from './encodings.js';
import { convertToString } from './valuesFormat.js';

export const STRING_CONVERTER_CLASS = 'org.apache.kafka.connect.storage.StringConverter';

export const stringConverterConfigDef = new ConfigDef([
  {
    name: 'converter.encoding',
    type: 'STRING',
    default: 'UTF-8',
    validator: charsetValidator,
    importance: 'HIGH',
    documentation: 'The name of the Java character set to use for encoding strings as byte arrays.',
    group: 'Converter',
    orderInGroup: 0,
    width: 'MEDIUM',
    displayName: 'Character encoding',
  },
  converterTypeKey,
]);

export class StringConverter extends BaseConverter {
  private readonly charset: Charset;

  constructor(props: Readonly<Record<string, string>>) {
    super();
    this.charset = charset(stringConverterConfigDef.parse(props).getString('converter.encoding') ?? 'UTF-8');
  }

  toConnectData(_topic: string, _headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue {
    return { schema: Schemas.OPTIONAL_STRING, value: data === null ? null : this.charset.decode(data) };
  }

  fromConnectData(_topic: string, _headers: readonly ConnectHeader[], schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    return this.charset.encode(typeof value === 'string' ? value : (convertToString(schema, value) ?? ''));
  }
}

export const stringConverterPlugins = pluginPair(STRING_CONVERTER_CLASS, stringConverterConfigDef, (props) => new StringConverter(props));
