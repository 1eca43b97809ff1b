// The shape a plugin package's `plugins` export must have, checked before anything is registered: a plugin is
// recognised by its shape (connect-api/plugins.ts, connect-api/connector.ts), never by its class, so a plugin needs no
// Sluice import at run time.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { Plugin, PluginType } from '../../connect-api/plugins.js';

const TYPES: readonly PluginType[] = ['sink', 'source', 'converter', 'header_converter', 'transformation', 'predicate'];

/** Why `value` is not a plugin object, or undefined when it is one. */
function problemOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return `is ${value === null ? 'null' : typeof value}, not a plugin object`;
  const p = value as Record<string, unknown>;
  if (typeof p['className'] !== 'string' || p['className'] === '') return 'has no className (a non-empty string)';
  const name = p['className'];
  if (!TYPES.includes(p['type'] as PluginType)) return `${name}: type must be one of ${TYPES.join(', ')}, not ${JSON.stringify(p['type'])}`;
  const def = p['configDef'] as { keys?: unknown } | undefined;
  if (typeof def !== 'object' || def === null || !Array.isArray(def.keys)) return `${name}: configDef must be a ConfigDef or { keys: ConfigKey[] }`;
  const badKey = (def.keys as unknown[]).findIndex((k) => typeof k !== 'object' || k === null || typeof (k as { name?: unknown }).name !== 'string' || typeof (k as { type?: unknown }).type !== 'string');
  if (badKey >= 0) return `${name}: configDef.keys[${badKey}] is not a ConfigKey (name and type strings)`;
  const factory = p['type'] === 'sink' || p['type'] === 'source' ? 'createTask' : 'create';
  if (typeof p[factory] !== 'function') return `${name}: a ${p['type']} plugin needs a ${factory} function`;
  if (p['version'] !== undefined && typeof p['version'] !== 'string') return `${name}: version must be a string`;
  if (p['aliases'] !== undefined && !(Array.isArray(p['aliases']) && p['aliases'].every((a) => typeof a === 'string'))) return `${name}: aliases must be an array of strings`;
  if (p['validate'] !== undefined && typeof p['validate'] !== 'function') return `${name}: validate must be a function`;
  return undefined;
}

/**
 * The plugin objects of an imported plugin module (its `plugins` export), each with `version` defaulted to the
 * package's and a plain `{ keys }` configDef made a ConfigDef (a plugin with only type imports of connect-api cannot
 * construct one); throws naming the first problem found.
 */
export function pluginsOf(module: unknown, packageVersion?: string): Plugin[] {
  const exported = (module as { plugins?: unknown } | null)?.plugins;
  if (exported === undefined) return fail('exports no `plugins` (an array of plugin objects)');
  if (!Array.isArray(exported)) return fail('its `plugins` export is not an array');
  if (exported.length === 0) return fail('its `plugins` export is empty');
  return exported.map((p: unknown, i) => {
    const problem = problemOf(p);
    if (problem) return fail(`plugins[${i}] ${problem}`);
    const plugin = p as Plugin;
    const configDef = plugin.configDef instanceof ConfigDef ? plugin.configDef : new ConfigDef((plugin.configDef as { keys: ConfigDef["keys"] }).keys);
    const version = plugin.version ?? packageVersion;
    if (configDef === plugin.configDef && version === plugin.version) return plugin;
    // A copy on the same prototype: a plugin written as a class keeps its methods.
    return Object.assign(Object.create(Object.getPrototypeOf(plugin) as object) as Plugin, plugin, { configDef }, version !== undefined ? { version } : {});
  });
}

function fail(reason: string): never {
  throw new Error(reason);
}
