// The validation path of Kafka's AbstractHerder: framework + plugin ConfigDef, then the plugin's multi-key checks,
// converters, transforms and predicates, all aggregated into one ConfigInfos.
import { type ConfigKeyInfo, type ConfigValueInfo, describeKey } from '../../connect-api/config/ConfigDef.js';
import { BadRequestError, NotFoundError } from '../../connect-api/errors.js';
import { maskSecrets } from '../../connect-api/maskSecrets.js';
import type { PluginRegistry } from '../plugins/PluginRegistry.js';
import type { ConnectorPlugin } from '../../connect-api/plugins.js';
import { sinkFrameworkConfigDef, sourceFrameworkConfigDef, validateSinkTopics } from '../config/frameworkConfig.js';
import { renderConfigMap } from './masking.js';
import { validatePlugins } from './validatePlugins.js';

export interface ConfigInfo {
  definition: ConfigKeyInfo | null;
  value: ConfigValueInfo;
}

/** Kafka Connect's ConfigInfos, the body of PUT /connector-plugins/{p}/config/validate. */
export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: ConfigInfo[];
}

export interface ValidationResult {
  plugin: ConnectorPlugin;
  infos: ConfigInfos;
}

/** Looks up the connector class; Kafka answers 400 for a missing class and 500 for an unknown one, Sluice 400 for both. */
export function findConnector(registry: PluginRegistry, props: Readonly<Record<string, string | null>>): ConnectorPlugin {
  const className = props['connector.class'];
  if (className === undefined || className === null || className.trim() === '') {
    throw new BadRequestError(`Connector config ${renderConfigMap(props)} contains no connector type`, { key: 'connector.class' });
  }
  const plugin = registry.find(className.trim(), 'sink', 'source');
  if (!plugin) {
    const available = registry.list('sink', 'source').map((p) => p.class);
    throw new BadRequestError(
      `Failed to find any class that implements Connector and which name matches ${className}, available connectors are: ${available.join(', ')}${registry.families.map((f) => ` (and any ${f})`).join('')}`,
      { key: 'connector.class' },
    );
  }
  return plugin;
}

export function validateConnectorConfig(registry: PluginRegistry, props: Readonly<Record<string, string | null>>): ValidationResult {
  const plugin = findConnector(registry, props);
  // As Kafka's AbstractHerder: the framework's keys (name, topics, converters, errors.*) are validated for every
  // connector, whatever its own ConfigDef declares; a connector's own key of the same name wins.
  const configDef = (plugin.type === 'sink' ? sinkFrameworkConfigDef : sourceFrameworkConfigDef).merge(plugin.configDef);
  const { infos } = configDef.validateAll(props);
  const configs = new Map<string, ConfigInfo>();
  for (const key of configDef.keys) {
    if (!key.internal) configs.set(key.name, { definition: describeKey(key), value: infos.get(key.name)! });
  }
  const nonNull = Object.fromEntries(Object.entries(props).filter((e): e is [string, string] => e[1] !== null));
  const extra = [plugin.type === 'sink' ? validateSinkTopics(nonNull) : new Map<string, string[]>(), plugin.validate?.(nonNull) ?? new Map<string, string[]>(), validatePlugins(registry, nonNull)];
  for (const errors of extra) {
    for (const [key, messages] of errors) {
      const entry = configs.get(key) ?? {
        definition: null,
        value: { name: key, value: maskedValue(props[key]), recommended_values: [], errors: [], visible: true },
      };
      entry.value.errors.push(...messages.filter((m) => !entry.value.errors.includes(m)));
      configs.set(key, entry);
    }
  }
  const list = [...configs.values()];
  const groups = [...new Set(configDef.keys.map((k) => k.group).filter((g): g is string => g !== undefined))];
  return {
    plugin,
    infos: {
      name: props['connector.class'] ?? plugin.className,
      error_count: list.reduce((n, c) => n + c.value.errors.length, 0),
      groups,
      configs: list,
    },
  };
}

/** Kafka's 400 message for an invalid connector config (AbstractHerder.maybeAddConfigErrors). */
export function invalidConfigMessage(infos: ConfigInfos, connectorType: string): string {
  const messages = infos.configs.flatMap((c) => c.value.errors);
  return [
    `Connector configuration is invalid and contains the following ${messages.length} error(s):`,
    ...messages,
    `You can also find the above list of errors at the endpoint \`/connector-plugins/${connectorType}/config/validate\``,
  ].join('\n');
}

export function assertPluginExists(registry: PluginRegistry, name: string): ConnectorPlugin {
  const plugin = registry.find(name, 'sink', 'source');
  if (!plugin) throw new NotFoundError(`Unknown plugin ${name}.`);
  return plugin;
}

function maskedValue(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : maskSecrets(value);
}
