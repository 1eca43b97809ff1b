// Kafka's RecordIsTombstone predicate: true when the record's value is null.
import { ConfigDef } from '../../connect-api/config/ConfigDef.js';
import type { Predicate } from '../../connect-api/plugins.js';
import { predicatePlugin } from './plugin.js';

export const recordIsTombstoneConfigDef = new ConfigDef([]);

export function recordIsTombstone(): Predicate {
  return { test: (record) => record.value === null || record.value === undefined };
}

export const recordIsTombstonePlugin = predicatePlugin('RecordIsTombstone', recordIsTombstoneConfigDef, recordIsTombstone);
