// Builds a connector's key, value and header converters as Kafka's Worker does: if the connector config names
// `value.converter`, that converter is configured only from the connector's `value.converter.*` keys; otherwise
// the worker's converter and the worker's `value.converter.*` keys apply (Sluice's defaults play the worker).
import { invalidValue } from '../../connect-api/config/ConfigDef.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { Converter, HeaderConverter } from '../../connect-api/plugins.js';
import { CONVERTER_TYPE_CONFIG } from './converterConfig.js';
import { JSON_CONVERTER_CLASS } from './JsonConverter.js';
import { SIMPLE_HEADER_CONVERTER_CLASS } from './SimpleHeaderConverter.js';
import { STRING_CONVERTER_CLASS } from './StringConverter.js';

export const DEFAULT_KEY_CONVERTER = STRING_CONVERTER_CLASS;
export const DEFAULT_VALUE_CONVERTER = JSON_CONVERTER_CLASS;
export const DEFAULT_HEADER_CONVERTER = SIMPLE_HEADER_CONVERTER_CLASS;

/** Sluice's worker-level converter settings: what a connector gets when it names no converter. */
export const SLUICE_WORKER_CONVERTER_CONFIG: Readonly<Record<string, string>> = Object.freeze({
  'key.converter': DEFAULT_KEY_CONVERTER,
  'value.converter': DEFAULT_VALUE_CONVERTER,
  'value.converter.schemas.enable': 'true',
  'header.converter': DEFAULT_HEADER_CONVERTER,
});

export interface NamedConverter {
  /** The plugin's fully qualified class name, even when the config used an alias. */
  readonly className: string;
  readonly converter: Converter;
}

export interface NamedHeaderConverter {
  readonly className: string;
  readonly converter: HeaderConverter;
}

export interface ConverterSet {
  readonly key: NamedConverter;
  readonly value: NamedConverter;
  readonly header: NamedHeaderConverter;
}

type Role = 'key' | 'value' | 'header';
const FALLBACK: Readonly<Record<Role, string>> = { key: DEFAULT_KEY_CONVERTER, value: DEFAULT_VALUE_CONVERTER, header: DEFAULT_HEADER_CONVERTER };

/** The class name and the prefix-stripped settings for one role, from the connector if it names the class, else the worker. */
export function converterSettings(
  role: Role,
  props: Readonly<Record<string, string>>,
  worker: Readonly<Record<string, string>>,
): { className: string; props: Record<string, string> } {
  const classKey = `${role}.converter`;
  const source = props[classKey] !== undefined ? props : worker;
  const prefix = `${classKey}.`;
  const settings: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (k.startsWith(prefix)) settings[k.slice(prefix.length)] = v;
  settings[CONVERTER_TYPE_CONFIG] = role;
  return { className: (source[classKey] ?? FALLBACK[role]).trim(), props: settings };
}

function notFound(role: Role, className: string): ConfigError {
  const key = `${role}.converter`;
  return new ConfigError(invalidValue(key, className, `Class ${className} could not be found.`), { key });
}

export function createConverters(
  props: Readonly<Record<string, string>>,
  registry: PluginRegistry,
  worker: Readonly<Record<string, string>> = SLUICE_WORKER_CONVERTER_CONFIG,
): ConverterSet {
  const make = (role: 'key' | 'value'): NamedConverter => {
    const s = converterSettings(role, props, worker);
    const plugin = registry.find(s.className, 'converter');
    if (!plugin) throw notFound(role, s.className);
    return { className: plugin.className, converter: plugin.create(s.props, role === 'key') };
  };
  const h = converterSettings('header', props, worker);
  const headerPlugin = registry.find(h.className, 'header_converter');
  if (!headerPlugin) throw notFound('header', h.className);
  return { key: make('key'), value: make('value'), header: { className: headerPlugin.className, converter: headerPlugin.create(h.props) } };
}
