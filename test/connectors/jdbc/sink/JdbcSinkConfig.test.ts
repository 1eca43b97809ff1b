// Parsing a pipeline's config once into the writer's typed, frozen settings.
import { describe, expect, it } from 'vitest';
import { parseJdbcSinkConfig } from '../../../../lambdas/connectors/jdbc/sink/JdbcSinkConfig.js';
import { sinkConfig } from './fixtures.js';

describe('parseJdbcSinkConfig', () => {
  it('parses typed, lower-cased, frozen settings with the dialect resolved from the URL', () => {
    // Act
    const config = sinkConfig('jdbc:mariadb://db/app', { 'insert.mode': 'UPSERT', 'pk.mode': 'RECORD_KEY', 'pk.fields': 'a, b', 'batch.size': '50' });

    // Assess
    expect(config).toMatchObject({ dialect: 'mysql', insertMode: 'upsert', pkMode: 'record_key', pkFields: ['a', 'b'], batchSize: 50, tableNameFormat: '${topic}' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes the table alias of table.name.format and the dialect a vendor connector class forces', () => {
    // Act
    const config = parseJdbcSinkConfig({ name: 'n', 'connector.class': 'OracleSinkConnector', 'connection.url': 'db:1521/ORCL', table: 'sales.${topic}' }, 'oracle');

    // Assess
    expect(config).toMatchObject({ dialect: 'oracle', tableNameFormat: 'sales.${topic}' });
    expect(config.connection.connectString).toBe('db:1521/ORCL');
  });

  it("refuses deletes without pk.mode=record_key with Kafka's message", () => {
    expect(() => sinkConfig('jdbc:postgresql://db/app', { 'delete.enabled': 'true' })).toThrow(
      "Primary key mode must be 'record_key' when delete support is enabled",
    );
  });
});
