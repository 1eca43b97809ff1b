// A polled batch on its way to Kafka (Kafka's WorkerSourceTask.sendRecords): the SMT chain runs first, then the
// key, value and header converters; failures go through the tolerance operator by stage. Records are grouped by
// topic, since a transform (RegexRouter, TimestampRouter) may route them elsewhere.
import type { ConverterSet } from '../converters/createConverters.js';
import type { SourceRecord } from '../../connect-api/data/ConnectRecord.js';
import type { Stage } from '../errorhandling/Stage.js';
import type { ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import type { ProducerRecord } from '../ports/RecordProducer.js';
import { TransformationChain } from '../transforms/TransformationChain.js';
import { TransformError } from '../transforms/TransformError.js';

const NO_HEADERS: ProducerRecord['headers'] = Object.freeze([]);

export interface ConvertedBatch {
  readonly byTopic: Map<string, ProducerRecord[]>;
  /** Records dropped by a transform (Filter) or skipped after a tolerated failure. */
  readonly dropped: number;
}

/**
 * convertBatch for converters that register schemas (`prepare`): transforms first, then awaits each converter's
 * `prepare` once per distinct topic and schema, then converts. A rejected prepare (registry unreachable) rejects the
 * batch, which is polled again; without such converters this is convertBatch.
 */
export async function convertBatchPrepared(
  records: readonly SourceRecord[],
  transforms: TransformationChain,
  converters: ConverterSet,
  operator: ToleranceOperator,
): Promise<ConvertedBatch> {
  const key = converters.key.converter;
  const value = converters.value.converter;
  if (key.prepare === undefined && value.prepare === undefined) return convertBatch(records, transforms, converters, operator);
  const transformed: SourceRecord[] = [];
  let dropped = 0;
  for (const original of records) {
    try {
      const r = transforms.isEmpty ? original : transforms.apply(original);
      if (r === null) dropped++;
      else transformed.push(r);
    } catch (error) {
      operator.fail({ stage: 'TRANSFORMATION', className: error instanceof TransformError ? error.className : '', error, record: original });
      dropped++;
    }
  }
  const seen = new Map<string, Set<unknown>>();
  const pending: Array<Promise<void> | undefined> = [];
  for (const r of transformed) {
    let schemas = seen.get(r.topic);
    if (schemas === undefined) {
      schemas = new Set();
      seen.set(r.topic, schemas);
    }
    if (!schemas.has(r.keySchema)) {
      schemas.add(r.keySchema);
      pending.push(key.prepare?.(r.topic, r.keySchema));
    }
    if (!schemas.has(r.valueSchema)) {
      schemas.add(r.valueSchema);
      pending.push(value.prepare?.(r.topic, r.valueSchema));
    }
  }
  await Promise.all(pending);
  const converted = convertBatch(transformed, NO_TRANSFORMS, converters, operator);
  return { byTopic: converted.byTopic, dropped: dropped + converted.dropped };
}

const NO_TRANSFORMS = new TransformationChain([]);

export function convertBatch(records: readonly SourceRecord[], transforms: TransformationChain, converters: ConverterSet, operator: ToleranceOperator): ConvertedBatch {
  const byTopic = new Map<string, ProducerRecord[]>();
  let dropped = 0;
  // One try per record, with the stage it is in: the record path allocates nothing per stage.
  for (const original of records) {
    let stage: Stage = 'TRANSFORMATION';
    let className = '';
    let r: SourceRecord | null = original;
    try {
      r = transforms.isEmpty ? original : transforms.apply(original);
      if (r === null) {
        dropped++;
        continue;
      }
      const record = r;
      stage = 'KEY_CONVERTER';
      className = converters.key.className;
      const key = converters.key.converter.fromConnectData(record.topic, record.headers, record.keySchema, record.key);
      stage = 'VALUE_CONVERTER';
      className = converters.value.className;
      const value = converters.value.converter.fromConnectData(record.topic, record.headers, record.valueSchema, record.value);
      stage = 'HEADER_CONVERTER';
      className = converters.header.className;
      const headers = record.headers.length === 0 ? NO_HEADERS : record.headers.map((h) => ({ key: h.key, value: converters.header.converter.fromConnectHeader(record.topic, h.key, h.schema, h.value) }));
      let list = byTopic.get(record.topic);
      if (!list) {
        list = [];
        byTopic.set(record.topic, list);
      }
      list.push(record.kafkaPartition === null ? { key, value, headers, timestamp: record.timestamp } : { key, value, headers, timestamp: record.timestamp, partition: record.kafkaPartition });
    } catch (error) {
      operator.fail({ stage, className: error instanceof TransformError ? error.className : className, error, record: r ?? original });
      dropped++;
    }
  }
  return { byTopic, dropped };
}
