// Builds PredicatePlugins from a ConfigDef and a factory, under Kafka's predicates package.
import type { ConfigDef, ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import type { Predicate, PredicatePlugin } from '../../connect-api/plugins.js';

export const PREDICATES_PACKAGE = 'org.apache.kafka.connect.transforms.predicates';

export function predicatePlugin(simpleName: string, configDef: ConfigDef, factory: (config: ParsedConfig) => Predicate): PredicatePlugin {
  return {
    type: 'predicate',
    className: `${PREDICATES_PACKAGE}.${simpleName}`,
    aliases: [simpleName],
    configDef,
    create: (props) => factory(configDef.parse(props)),
  };
}
