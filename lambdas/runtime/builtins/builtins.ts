// The registry of every plugin Sluice ships: connectors, converters, transforms and predicates.
import { converterPlugins, headerConverterPlugins } from '../converters/index.js';
import { predicatePlugins } from '../predicates/index.js';
import { transformationPlugins } from '../transforms/index.js';
import { jdbcSinkConnector, jdbcSourceConnector } from '../../connectors/jdbc/plugins.js';
import { resolveVendorConnector, VENDOR_CONNECTOR_NAMES } from '../../connectors/jdbc/vendorConnectors.js';
import { PluginRegistry } from '../plugins/PluginRegistry.js';

export function builtinPlugins(): PluginRegistry {
  return new PluginRegistry()
    .register(jdbcSinkConnector, jdbcSourceConnector)
    .register(...converterPlugins, ...headerConverterPlugins, ...transformationPlugins, ...predicatePlugins)
    .registerResolver(resolveVendorConnector, VENDOR_CONNECTOR_NAMES);
}
