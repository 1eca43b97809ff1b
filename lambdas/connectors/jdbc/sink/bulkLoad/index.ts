// The JDBC sink's bulk path: COPY / LOAD DATA into a staging table, then one set-based statement.
export { type BulkLoadMode, type BulkLoadSettings, BulkLoader, DEFAULT_BULK_LOAD_THRESHOLD, bulkOr } from './BulkLoader.js';
export { type BulkStatement, runBulk } from './BulkStatement.js';
