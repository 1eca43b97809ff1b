// A converter that is also its own HeaderConverter (as Kafka's StringConverter, JsonConverter, ByteArrayConverter
// and NumberConverter are), and the pair of plugin entries that register one class for both roles.
import type { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { ConnectHeader } from '../../connect-api/data/ConnectRecord.js';
import type { Schema } from '../../connect-api/data/Schema.js';
import type { Converter, ConverterPlugin, HeaderConverter, HeaderConverterPlugin, SchemaAndValue } from '../../connect-api/plugins.js';

export abstract class BaseConverter implements Converter, HeaderConverter {
  abstract toConnectData(topic: string, headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue;
  abstract fromConnectData(topic: string, headers: readonly ConnectHeader[], schema: Schema | null, value: unknown): Uint8Array | null;

  toConnectHeader(topic: string, _headerKey: string, data: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, [], data);
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, [], schema, value);
  }
}

export interface PluginPair {
  readonly converter: ConverterPlugin;
  readonly headerConverter: HeaderConverterPlugin;
}

/** Registers one class as a converter and as a header converter; the header role gets `converter.type=header`. */
export function pluginPair(
  className: string,
  configDef: ConfigDef,
  create: (props: Readonly<Record<string, string>>, isKey: boolean) => BaseConverter,
): PluginPair {
  return {
    converter: { type: 'converter', className, configDef, create },
    headerConverter: {
      type: 'header_converter',
      className,
      configDef,
      create: (props) => create({ 'converter.type': 'header', ...props }, false),
    },
  };
}
