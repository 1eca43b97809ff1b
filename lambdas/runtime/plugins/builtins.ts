// The registry of every plugin Sluice ships: connectors, converters, transforms and predicates.
import { glueAvroConverterPlugin } from '../converters/glue/AWSKafkaAvroConverter.js';
import { converterPlugins, headerConverterPlugins } from '../converters/index.js';
import { predicatePlugins } from '../predicates/index.js';
import { transformationPlugins } from '../transforms/index.js';
import { jdbcSinkConnector } from './jdbc/JdbcSinkConnector.js';
import { jdbcSourceConnector } from './jdbc/JdbcSourceConnector.js';
import { resolveVendorConnector } from './jdbc/vendorConnectors.js';
import { PluginRegistry } from './PluginRegistry.js';

export function builtinPlugins(): PluginRegistry {
  return new PluginRegistry()
    .register(jdbcSinkConnector, jdbcSourceConnector)
    .register(...converterPlugins, glueAvroConverterPlugin, ...headerConverterPlugins, ...transformationPlugins, ...predicatePlugins)
    .registerResolver(resolveVendorConnector);
}
