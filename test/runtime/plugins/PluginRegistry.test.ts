import { describe, expect, it } from 'vitest';
import type { JdbcConnectorExtras } from '../../../lambdas/connectors/jdbc/plugins.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';

const registry = builtinPlugins();

describe('connector lookup', () => {
  it.each([
    ['io.confluent.connect.jdbc.JdbcSinkConnector', 'sink', undefined],
    ['JdbcSinkConnector', 'sink', undefined],
    ['JdbcSink', 'sink', undefined],
    ['io.confluent.connect.jdbc.JdbcSourceConnector', 'source', undefined],
    ['JdbcSource', 'source', undefined],
    ['com.example.OracleSinkConnector', 'sink', 'oracle'],
    ['com.dvwy.OracleSinkConnector', 'sink', 'oracle'],
    ['PostgresSinkConnector', 'sink', 'postgresql'],
    ['org.acme.PostgreSqlSourceConnector', 'source', 'postgresql'],
    ['MySqlSinkConnector', 'sink', 'mysql'],
    ['io.x.MariaDbSink', 'sink', 'mysql'],
    ['OracleJdbcSinkConnector', 'sink', 'oracle'],
  ])('%s is a %s connector with dialect %s', (name, type, dialect) => {
    const p = registry.find(name, 'sink', 'source');
    expect(p?.type).toBe(type);
    expect((p as JdbcConnectorExtras | undefined)?.forcedDialect).toBe(dialect);
  });

  it.each(['com.acme.MongoSinkConnector', 'Sink', 'OracleConnector', 'io.confluent.connect.jdbc.JdbcSinkConnectorX'])('does not resolve %s', (name) => {
    expect(registry.find(name, 'sink', 'source')).toBeUndefined();
  });
});
