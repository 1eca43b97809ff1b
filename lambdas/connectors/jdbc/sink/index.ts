// The JDBC sink writer: config parsing, record validation and the transactional batch writer.
export { type JdbcDbWriterOptions, JdbcDbWriter, type TableCounts, type WriteResult } from './JdbcDbWriter.js';
export { type InsertMode, type JdbcSinkConfig, type PkMode, parseJdbcSinkConfig } from './JdbcSinkConfig.js';
export { RecordWriteError, WriteError } from './errors.js';
export { type FieldsMetadata, KAFKA_PK_NAMES, extractFields } from './FieldsMetadata.js';
export { type RecordValidator, recordValidator } from './RecordValidator.js';
