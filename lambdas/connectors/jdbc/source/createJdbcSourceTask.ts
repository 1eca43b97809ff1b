// The JDBC source task for a parsed config: the dialect, and the reader of that database's driver.
import type { SourceTask, TaskContext } from '../../../connect-api/connector.js';
import { dialectFor } from '../dialects/index.js';
import { sourceConnectorFor } from '../drivers/source/index.js';
import type { JdbcSourceConfig } from './JdbcSourceConfig.js';
import { JdbcSourceTask } from './JdbcSourceTask.js';

export function createJdbcSourceTask(config: JdbcSourceConfig, context: TaskContext): SourceTask {
  return new JdbcSourceTask({
    config,
    dialect: dialectFor(config.dialect, { quoteIdentifiers: config.quoteIdentifiers, timezone: config.timezone }),
    connector: sourceConnectorFor(config.dialect),
    logger: context.logger,
  });
}
