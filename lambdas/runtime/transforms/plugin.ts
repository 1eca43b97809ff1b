// Builds TransformationPlugins from a ConfigDef and a factory, the way Kafka registers Cast$Key and Cast$Value:
// one factory, with the Key/Value variant passed as a parameter instead of a subclass.
import type { ConfigDef, ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import type { Transformation, TransformationPlugin } from '../../connect-api/plugins.js';
import type { Target } from './operand.js';

export const TRANSFORMS_PACKAGE = 'org.apache.kafka.connect.transforms';

/** A plugin for a transform that has no Key/Value variants (RegexRouter, Filter, InsertHeader, ...). */
export function transformPlugin(
  simpleName: string,
  configDef: ConfigDef,
  factory: (config: ParsedConfig) => Transformation,
  prepare: (props: Readonly<Record<string, string>>) => Readonly<Record<string, string>> = (p) => p,
): TransformationPlugin {
  return {
    type: 'transformation',
    className: `${TRANSFORMS_PACKAGE}.${simpleName}`,
    aliases: [simpleName],
    configDef,
    create: (props) => factory(configDef.parse(prepare(props))),
  };
}

/** The `$Key` and `$Value` plugins of one transform, e.g. Cast$Key and Cast$Value. */
export function keyValuePlugins(
  simpleName: string,
  configDef: ConfigDef,
  factory: (config: ParsedConfig, target: Target) => Transformation,
  prepare: (props: Readonly<Record<string, string>>) => Readonly<Record<string, string>> = (p) => p,
): { readonly key: TransformationPlugin; readonly value: TransformationPlugin } {
  const variant = (target: Target, suffix: string): TransformationPlugin => ({
    type: 'transformation',
    className: `${TRANSFORMS_PACKAGE}.${simpleName}$${suffix}`,
    aliases: [`${simpleName}$${suffix}`],
    configDef,
    create: (props) => factory(configDef.parse(prepare(props)), target),
  });
  return { key: variant('key', 'Key'), value: variant('value', 'Value') };
}
