// A Sluice plugin package: its entry exports `plugins`, the array of plugin objects Sluice loads from a plugin path
// (`sluice standalone --plugin-path <folder>`, or the stack input pluginPath for AWS).
import { redisSinkConnector } from './RedisSinkConnector.js';

export const plugins = [redisSinkConnector];
