// Sluice's public connector API: everything a plugin (connector, converter, transform, predicate) is written against.
// This folder imports nothing else of the project. A plugin package exports `plugins`, an array of plugin objects.
export * from './config/ConfigDef.js';
export * from './config/validators.js';
export * from './connector.js';
export * from './data/ConnectRecord.js';
export * from './data/Decimal.js';
export * from './data/Schema.js';
export * from './data/Struct.js';
export * from './errors.js';
export * from './plugins.js';
