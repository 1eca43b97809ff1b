// The context a connector's task gets (connect-api TaskContext): its pipeline's name, and a logger prefixed with it.
import type { TaskContext } from '../connect-api/connector.js';
import type { Logger } from './ports/Logger.js';

export function taskContext(name: string, logger: Logger): TaskContext {
  return {
    connectorName: name,
    logger: { info: (m) => logger.info(`${name}: ${m}`), warn: (m) => logger.warn(`${name}: ${m}`), error: (m) => logger.error(`${name}: ${m}`) },
  };
}
