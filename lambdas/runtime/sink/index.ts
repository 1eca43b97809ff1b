export { type SinkTaskDeps, connectorSinkTask, createSinkTask } from './createSinkTask.js';
export { ConversionError } from './ConversionError.js';
export { type MskEvent, type MskRecord, type RawRecord, decodeMskEvent } from './mskEvent.js';
export { type PutResult, WorkerSinkTask } from './WorkerSinkTask.js';
export { type SinkTaskConfig, parseSinkTaskConfig } from './SinkTaskConfig.js';
