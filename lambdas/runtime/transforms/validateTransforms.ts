// Validation of a connector's transforms and predicates for the validate endpoint: Kafka-worded errors by key,
// with each plugin's own keys checked under their full prefixed names (as Kafka's ConnectorConfig.enrich does).
import { ConfigDef, parseType } from '../../connect-api/config/ConfigDef.js';
import { ConfigError } from '../../connect-api/errors.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { PredicatePlugin, TransformationPlugin } from '../../connect-api/plugins.js';
import {
  aliasesOf,
  classNotFound,
  duplicateAliasError,
  missingRequired,
  negateWithoutPredicate,
  PREDICATES,
  TRANSFORMS,
  undeclaredPredicate,
  withPrefix,
} from './chainConfig.js';

type Errors = Map<string, string[]>;

function add(errors: Errors, key: string, message: string): void {
  errors.set(key, [...(errors.get(key) ?? []), message]);
}

/** The plugin's ConfigDef checked under `prefix`, then its cross-key checks (its factory); errors go into `errors`. */
function validatePlugin(errors: Errors, props: Readonly<Record<string, string>>, prefix: string, plugin: TransformationPlugin | PredicatePlugin, omit: readonly string[]): void {
  const prefixed = new ConfigDef(plugin.configDef.keys.map((k) => ({ ...k, name: `${prefix}${k.name}` })));
  const { infos } = prefixed.validateAll(props);
  let valid = true;
  for (const [key, info] of infos) {
    for (const message of info.errors) add(errors, key, message);
    valid &&= info.errors.length === 0;
  }
  if (!valid) return;
  try {
    plugin.create(withPrefix(props, prefix, omit));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    if (e.key === undefined) add(errors, `${prefix}type`, e.message);
    else add(errors, `${prefix}${e.key}`, e.message.replace(`for configuration ${e.key}:`, `for configuration ${prefix}${e.key}:`));
  }
}

/** Finds the plugin named by `<prefix>type`, reporting a missing key or unknown class. */
function resolve<T extends 'transformation' | 'predicate'>(errors: Errors, props: Readonly<Record<string, string>>, prefix: string, registry: PluginRegistry, type: T) {
  const typeKey = `${prefix}type`;
  const name = props[typeKey]?.trim();
  if (name === undefined) return add(errors, typeKey, missingRequired(typeKey));
  const plugin = registry.find(name, type);
  if (plugin === undefined) return add(errors, typeKey, classNotFound(typeKey, name));
  return plugin;
}

export function validateTransforms(props: Readonly<Record<string, string>>, registry: PluginRegistry): Map<string, string[]> {
  const errors: Errors = new Map();
  const transforms = aliasesOf(props, TRANSFORMS);
  const predicates = aliasesOf(props, PREDICATES);
  for (const [key, aliases] of [[TRANSFORMS, transforms], [PREDICATES, predicates]] as const) {
    const duplicate = duplicateAliasError(key, aliases);
    if (duplicate) add(errors, key, duplicate);
  }

  for (const alias of new Set(transforms)) {
    const prefix = `${TRANSFORMS}.${alias}.`;
    const predicate = props[`${prefix}predicate`];
    const negate = props[`${prefix}negate`];
    if (negate !== undefined && predicate === undefined) add(errors, `${prefix}type`, negateWithoutPredicate(prefix));
    if (negate !== undefined) {
      try {
        parseType({ name: `${prefix}negate`, type: 'BOOLEAN', importance: 'MEDIUM', documentation: '' }, negate);
      } catch (e) {
        add(errors, `${prefix}negate`, (e as Error).message);
      }
    }
    if (predicate !== undefined && predicate.trim() !== '' && !predicates.includes(predicate.trim())) {
      add(errors, `${prefix}predicate`, undeclaredPredicate(prefix, predicate.trim()));
    }
    const plugin = resolve(errors, props, prefix, registry, 'transformation');
    if (plugin) validatePlugin(errors, props, prefix, plugin, ['type', 'predicate', 'negate']);
  }

  for (const alias of new Set(predicates)) {
    const prefix = `${PREDICATES}.${alias}.`;
    const plugin = resolve(errors, props, prefix, registry, 'predicate');
    if (plugin) validatePlugin(errors, props, prefix, plugin, ['type']);
  }
  return errors;
}
