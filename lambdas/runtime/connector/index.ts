export { ConnectorService, type ConnectorServiceOptions } from './ConnectorService.js';
export type { ActiveTopics, ConnectorInfo, ConnectorOffsets, ConnectorStateInfo, Message, ServerInfo, TaskInfo, TaskState } from './entities.js';
export { type ConfigInfos, validateConnectorConfig } from './validateConfig.js';
