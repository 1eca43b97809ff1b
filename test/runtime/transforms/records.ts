// Record builders for transform and predicate tests.
import type { ConnectRecord, SinkRecord, SourceRecord } from '../../../lambdas/connect-api/data/ConnectRecord.js';
import type { TransformationPlugin } from '../../../lambdas/connect-api/plugins.js';

export function sinkRecord(changes: Partial<SinkRecord> = {}): SinkRecord {
  return Object.freeze({
    topic: 'orders',
    kafkaPartition: 3,
    keySchema: null,
    key: null,
    valueSchema: null,
    value: null,
    timestamp: Date.UTC(2024, 0, 2, 13, 4, 5, 67),
    headers: [],
    kafkaOffset: 42,
    timestampType: 'CREATE_TIME',
    originalTopic: 'orders',
    originalKafkaPartition: 3,
    originalKafkaOffset: 42,
    raw: { key: null, value: null, headers: [] },
    ...changes,
  });
}

export function sourceRecord(changes: Partial<SourceRecord> = {}): SourceRecord {
  return Object.freeze({
    topic: 'orders',
    kafkaPartition: null,
    keySchema: null,
    key: null,
    valueSchema: null,
    value: null,
    timestamp: null,
    headers: [],
    sourcePartition: { table: 'orders' },
    sourceOffset: { id: 1 },
    ...changes,
  });
}

/** Creates the transform and applies it to one record. */
export function run<R extends ConnectRecord>(plugin: TransformationPlugin, props: Record<string, string>, record: R): R | null {
  return plugin.create(props).apply(record);
}

/** The error `act` throws (fails the test when it throws nothing). */
export function thrownBy(act: () => unknown): Error {
  try {
    act();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
