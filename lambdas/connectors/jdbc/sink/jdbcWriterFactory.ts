// The database writer of a sink pipeline: the JDBC writer with the driver its dialect needs.
import { connectorFor } from '../drivers/index.js';
import type { PluginRegistry } from '../../../runtime/plugins/PluginRegistry.js';
import { JdbcDbWriter, parseJdbcSinkConfig } from './index.js';
import type { SinkRecordWriter } from '../../../runtime/sink/WorkerSinkTask.js';

export function jdbcWriterFactory(registry: PluginRegistry): (config: Readonly<Record<string, string>>) => SinkRecordWriter {
  return (config) => {
    const plugin = registry.find(config['connector.class'] ?? '', 'sink');
    const jdbc = parseJdbcSinkConfig(config, plugin?.forcedDialect);
    return new JdbcDbWriter(jdbc, connectorFor(jdbc.dialect));
  };
}
