// Validation of the plugins a connector config names: its converters, transforms and predicates.
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import { validateTransforms } from '../transforms/validateTransforms.js';
import type { PluginType } from '../../connect-api/plugins.js';

const CONVERTER_KEYS: ReadonlyArray<readonly [string, PluginType]> = [
  ['key.converter', 'converter'],
  ['value.converter', 'converter'],
  ['header.converter', 'header_converter'],
];

export function validatePlugins(registry: PluginRegistry, props: Readonly<Record<string, string>>): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  const add = (key: string, message: string) => errors.set(key, [...(errors.get(key) ?? []), message]);
  for (const [key, type] of CONVERTER_KEYS) {
    const className = props[key]?.trim();
    if (!className) continue;
    const plugin = registry.find(className, type as 'converter' | 'header_converter');
    if (!plugin) {
      add(key, `Invalid value ${className} for configuration ${key}: Class ${className} could not be found.`);
      continue;
    }
    const prefix = `${key}.`;
    const own = Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    const { infos } = plugin.configDef.validateAll(own);
    for (const info of infos.values()) {
      for (const m of info.errors) add(`${prefix}${info.name}`, m.replace(`configuration ${info.name}`, `configuration ${prefix}${info.name}`));
    }
  }
  for (const [key, messages] of validateTransforms(props, registry)) for (const m of messages) add(key, m);
  return errors;
}
