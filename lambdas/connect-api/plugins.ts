// Plugin contracts: each is one or two methods (Kafka's Transformation.apply, Predicate.test, Converter).
import type { ConfigDef } from './config/ConfigDef.js';
import type { SinkConnector, SourceConnector } from './connector.js';
import type { ConnectHeader, ConnectRecord } from './data/ConnectRecord.js';
import type { Schema } from './data/Schema.js';

export type PluginType = 'sink' | 'source' | 'converter' | 'header_converter' | 'transformation' | 'predicate';

interface PluginBase {
  /** The fully qualified class name users put in config, e.g. org.apache.kafka.connect.transforms.Cast$Value. */
  readonly className: string;
  /** Extra names that resolve to this plugin (simple names, names minus the type suffix). */
  readonly aliases?: readonly string[];
  readonly version?: string;
  readonly configDef: ConfigDef;
}

/** A transform returns a new record, or null to drop it; it never mutates its input. */
export interface Transformation {
  apply<R extends ConnectRecord>(record: R): R | null;
}

export interface TransformationPlugin extends PluginBase {
  readonly type: 'transformation';
  /** `props` are the transform's own keys with the `transforms.<alias>.` prefix stripped. */
  create(props: Readonly<Record<string, string>>): Transformation;
}

export interface Predicate {
  test(record: ConnectRecord): boolean;
}

export interface PredicatePlugin extends PluginBase {
  readonly type: 'predicate';
  create(props: Readonly<Record<string, string>>): Predicate;
}

export interface SchemaAndValue {
  readonly schema: Schema | null;
  readonly value: unknown;
}

/**
 * Bytes <-> Connect data. Synchronous on the record path; a converter that needs I/O (a schema registry)
 * implements `prefetch`, which the task awaits once per batch before converting.
 */
export interface Converter {
  toConnectData(topic: string, headers: readonly ConnectHeader[], data: Uint8Array | null): SchemaAndValue;
  fromConnectData(topic: string, headers: readonly ConnectHeader[], schema: Schema | null, value: unknown): Uint8Array | null;
  prefetch?(topic: string, data: ReadonlyArray<Uint8Array | null>): Promise<void>;
}

export interface ConverterPlugin extends PluginBase {
  readonly type: 'converter';
  /** `props` are the converter's keys with the `key.converter.` / `value.converter.` prefix stripped. */
  create(props: Readonly<Record<string, string>>, isKey: boolean): Converter;
}

export interface HeaderConverter {
  toConnectHeader(topic: string, headerKey: string, data: Uint8Array | null): SchemaAndValue;
  fromConnectHeader(topic: string, headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null;
}

export interface HeaderConverterPlugin extends PluginBase {
  readonly type: 'header_converter';
  create(props: Readonly<Record<string, string>>): HeaderConverter;
}

/** A connector plugin (connector.ts): its ConfigDef, its cross-key checks, and its task factory. */
export type ConnectorPlugin = SinkConnector | SourceConnector;

export type Plugin =
  | TransformationPlugin
  | PredicatePlugin
  | ConverterPlugin
  | HeaderConverterPlugin
  | ConnectorPlugin;

/** Kafka Connect's PluginInfo JSON. */
export interface PluginInfo {
  class: string;
  type: PluginType;
  version?: string;
}
