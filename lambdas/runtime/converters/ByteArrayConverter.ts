// org.apache.kafka.connect.converters.ByteArrayConverter: bytes pass through as OPTIONAL_BYTES. Also a HeaderConverter.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { ConnectHeader } from '../../connect-api/data/ConnectRecord.js';
import { type Schema, Schemas } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { BaseConverter, pluginPair } from './BaseConverter.js';
import { converterTypeKey } from './converterConfig.js';
import { typeName } from './jsonLogical.js';

export const BYTE_ARRAY_CONVERTER_CLASS = 'org.apache.kafka.connect.converters.ByteArrayConverter';

export const byteArrayConverterConfigDef = new ConfigDef([converterTypeKey]);

export class ByteArrayConverter extends BaseConverter {
  toConnectData(_topic: string, _headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue {
    return { schema: Schemas.OPTIONAL_BYTES, value: data };
  }

  fromConnectData(_topic: string, _headers: readonly ConnectHeader[], schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema !== null && schema.type !== 'BYTES') throw new DataError(`Invalid schema type for ByteArrayConverter: ${schema.type}`);
    if (value === null || value === undefined) return null;
    if (!(value instanceof Uint8Array)) throw new DataError(`ByteArrayConverter is not compatible with objects of type ${typeName(value)}`);
    return value;
  }
}

export const byteArrayConverterPlugins = pluginPair(BYTE_ARRAY_CONVERTER_CLASS, byteArrayConverterConfigDef, (props) => {
  byteArrayConverterConfigDef.parse(props);
  return new ByteArrayConverter();
});
