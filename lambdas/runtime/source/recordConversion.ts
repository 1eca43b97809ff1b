// A polled batch on its way to Kafka (Kafka's WorkerSourceTask.sendRecords): the SMT chain runs first, then the
// key, value and header converters; failures go through the tolerance operator by stage. Records are grouped by
// topic, since a transform (RegexRouter, TimestampRouter) may route them elsewhere.
import type { ConverterSet } from '../converters/createConverters.js';
import type { SourceRecord } from '../data/ConnectRecord.js';
import type { Stage } from '../errorhandling/Stage.js';
import type { ToleranceOperator } from '../errorhandling/ToleranceOperator.js';
import type { ProducerRecord } from '../ports/RecordProducer.js';
import type { TransformationChain } from '../transforms/TransformationChain.js';
import { TransformError } from '../transforms/TransformError.js';

export interface ConvertedBatch {
  readonly byTopic: Map<string, ProducerRecord[]>;
  /** Records dropped by a transform (Filter) or skipped after a tolerated failure. */
  readonly dropped: number;
}

export function convertBatch(records: readonly SourceRecord[], transforms: TransformationChain, converters: ConverterSet, operator: ToleranceOperator): ConvertedBatch {
  const byTopic = new Map<string, ProducerRecord[]>();
  let dropped = 0;
  const attempt = <T>(stage: Stage, className: string, record: SourceRecord, run: () => T): { ok: true; value: T } | { ok: false } => {
    try {
      return { ok: true, value: run() };
    } catch (error) {
      const cls = error instanceof TransformError ? error.className : className;
      operator.fail({ stage, className: cls, error, record });
      return { ok: false };
    }
  };
  for (const original of records) {
    const t = transforms.isEmpty ? { ok: true as const, value: original } : attempt('TRANSFORMATION', '', original, () => transforms.apply(original));
    if (!t.ok || t.value === null) {
      dropped++;
      continue;
    }
    const r = t.value;
    const key = attempt('KEY_CONVERTER', converters.key.className, r, () => converters.key.converter.fromConnectData(r.topic, r.headers, r.keySchema, r.key));
    if (!key.ok) {
      dropped++;
      continue;
    }
    const value = attempt('VALUE_CONVERTER', converters.value.className, r, () => converters.value.converter.fromConnectData(r.topic, r.headers, r.valueSchema, r.value));
    if (!value.ok) {
      dropped++;
      continue;
    }
    const headers = attempt('HEADER_CONVERTER', converters.header.className, r, () =>
      r.headers.map((h) => ({ key: h.key, value: converters.header.converter.fromConnectHeader(r.topic, h.key, h.schema, h.value) })),
    );
    if (!headers.ok) {
      dropped++;
      continue;
    }
    let list = byTopic.get(r.topic);
    if (!list) {
      list = [];
      byTopic.set(r.topic, list);
    }
    list.push({ key: key.value, value: value.value, headers: headers.value, timestamp: r.timestamp, ...(r.kafkaPartition === null ? {} : { partition: r.kafkaPartition }) });
  }
  return { byTopic, dropped };
}
