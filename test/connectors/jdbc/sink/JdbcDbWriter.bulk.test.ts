// The bulk path (COPY / LOAD DATA) against the real local PostgreSQL and MariaDB: parity with the multi-row path,
// and the writer's whole live suite run again with bulk.load.mode=always.
import { describe } from 'vitest';
import { MySqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/MySqlConnector.js';
import { PgConnector } from '../../../../lambdas/connectors/jdbc/drivers/PgConnector.js';
import { bulkLoadScenarios } from './bulkLoadScenarios.js';
import { type LiveDb, type LiveHarness, liveHarness } from './liveWriter.js';
import { schemalessNumbersScenarios } from './schemalessNumbersScenarios.js';
import { structureScenarios } from './structureScenarios.js';
import { tableLifecycleScenarios } from './tableLifecycleScenarios.js';
import { timestampFieldsScenarios } from './timestampFieldsScenarios.js';
import { writeModeScenarios } from './writeModeScenarios.js';

const databases: LiveDb[] = [
  { dialect: 'postgresql', url: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres', connector: new PgConnector(), bool: (v) => String(v), quote: (name) => `"${name.replace(/"/g, '""')}"` },
  { dialect: 'mysql', url: 'jdbc:mariadb://127.0.0.1:3306/test?user=root', connector: new MySqlConnector(), bool: (v) => (v ? '1' : '0'), quote: (name) => `\`${name.replace(/`/g, '``')}\`` },
];

/** The harness with bulk.load.mode=always unless a scenario sets it. */
function forcingBulk(h: LiveHarness): LiveHarness {
  return { ...h, writer: (props = {}, connector) => h.writer({ 'bulk.load.mode': 'always', ...props }, connector) };
}

for (const db of databases) {
  describe(`JdbcDbWriter bulk path on ${db.dialect}`, () => {
    const h = liveHarness(db);
    bulkLoadScenarios(db, h);
    describe('the live writer suite with bulk.load.mode=always', () => {
      const forced = forcingBulk(h);
      writeModeScenarios(db, forced);
      structureScenarios(db, forced);
      tableLifecycleScenarios(db, forced);
      schemalessNumbersScenarios(forced);
      timestampFieldsScenarios(db, forced);
    });
  });
}
