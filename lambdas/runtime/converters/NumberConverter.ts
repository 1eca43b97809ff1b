// Kafka's number converters (org.apache.kafka.connect.converters.LongConverter, IntegerConverter, ShortConverter,
// FloatConverter, DoubleConverter, BooleanConverter): fixed-width big-endian values as Kafka's serializers write them.
// One generic class driven by a table, as Kafka's NumberConverter<T> is subclassed only to pick a serializer.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { ConnectHeader } from '../../connect-api/data/ConnectRecord.js';
import { type Schema, Schemas } from '../../connect-api/data/Schema.js';
import { DataError } from '../../connect-api/errors.js';
import type { SchemaAndValue } from '../../connect-api/plugins.js';
import { BaseConverter, type PluginPair, pluginPair } from './BaseConverter.js';
import { converterTypeKey } from './converterConfig.js';
import { int64 } from './jsonNodes.js';
import { typeName } from './jsonLogical.js';

export interface NumberKind {
  readonly className: string;
  /** Kafka's name in messages: long, integer, short, float, double, boolean. */
  readonly typeName: string;
  readonly schema: Schema;
  readonly size: number;
  read(view: DataView): unknown;
  accepts(value: unknown): boolean;
  write(view: DataView, value: never): void;
}

const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
const isNumber = (v: unknown): boolean => typeof v === 'number';
const PREFIX = 'org.apache.kafka.connect.converters.';

export const NUMBER_KINDS: readonly NumberKind[] = [
  { className: `${PREFIX}LongConverter`, typeName: 'long', schema: Schemas.OPTIONAL_INT64, size: 8, read: (v) => int64(v.getBigInt64(0)),
    accepts: (x) => isInt(x) || typeof x === 'bigint', write: (v, x: number | bigint) => v.setBigInt64(0, BigInt(x)) },
  { className: `${PREFIX}IntegerConverter`, typeName: 'integer', schema: Schemas.OPTIONAL_INT32, size: 4, read: (v) => v.getInt32(0),
    accepts: isInt, write: (v, x: number) => v.setInt32(0, x) },
  { className: `${PREFIX}ShortConverter`, typeName: 'short', schema: Schemas.OPTIONAL_INT16, size: 2, read: (v) => v.getInt16(0),
    accepts: isInt, write: (v, x: number) => v.setInt16(0, x) },
  { className: `${PREFIX}FloatConverter`, typeName: 'float', schema: Schemas.OPTIONAL_FLOAT32, size: 4, read: (v) => v.getFloat32(0),
    accepts: isNumber, write: (v, x: number) => v.setFloat32(0, x) },
  { className: `${PREFIX}DoubleConverter`, typeName: 'double', schema: Schemas.OPTIONAL_FLOAT64, size: 8, read: (v) => v.getFloat64(0),
    accepts: isNumber, write: (v, x: number) => v.setFloat64(0, x) },
  { className: `${PREFIX}BooleanConverter`, typeName: 'boolean', schema: Schemas.OPTIONAL_BOOLEAN, size: 1, read: readBoolean,
    accepts: (x) => typeof x === 'boolean', write: (v, x: boolean) => v.setUint8(0, x ? 1 : 0) },
];

function readBoolean(view: DataView): boolean {
  const b = view.getUint8(0);
  if (b > 1) throw new DataError(`Failed to deserialize boolean: Unexpected byte received by BooleanDeserializer: ${b}`);
  return b === 1;
}

function deserializerName(kind: NumberKind): string {
  return `${kind.typeName[0]!.toUpperCase()}${kind.typeName.slice(1)}Deserializer`;
}

export class NumberConverter extends BaseConverter {
  constructor(readonly kind: NumberKind) {
    super();
  }

  toConnectData(_topic: string, _headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue {
    if (data === null) return { schema: this.kind.schema, value: null };
    if (data.length !== this.kind.size) {
      throw new DataError(`Failed to deserialize ${this.kind.typeName}: Size of data received by ${deserializerName(this.kind)} is not ${this.kind.size}`);
    }
    return { schema: this.kind.schema, value: this.kind.read(new DataView(data.buffer, data.byteOffset, data.byteLength)) };
  }

  fromConnectData(_topic: string, _headers: readonly ConnectHeader[], _schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    if (!this.kind.accepts(value)) throw new DataError(`Failed to serialize to ${this.kind.typeName} (was ${typeName(value)})`);
    const out = new Uint8Array(this.kind.size);
    this.kind.write(new DataView(out.buffer), value as never);
    return out;
  }
}

export const numberConverterConfigDef = new ConfigDef([converterTypeKey]);

export const numberConverterPlugins: readonly PluginPair[] = NUMBER_KINDS.map((kind) =>
  pluginPair(kind.className, numberConverterConfigDef, (props) => {
    numberConverterConfigDef.parse(props);
    return new NumberConverter(kind);
  }),
);
