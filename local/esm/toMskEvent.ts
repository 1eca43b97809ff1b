// Builds the event a Lambda MSK event source mapping delivers from kafkajs messages, chunked by the ESM's rules:
// at most `batchSize` records and at most 6 MB of payload per invocation.
import type { KafkaMessage } from 'kafkajs';
import type { MskEvent, MskRecord } from '../../lambdas/runtime/sink/mskEvent.js';

/** Lambda's synchronous invocation payload limit. */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Room for the event's envelope and JSON punctuation around each record. */
const RECORD_OVERHEAD = 200;

export function toMskRecord(topic: string, partition: number, m: KafkaMessage): MskRecord {
  const headers = Object.entries(m.headers ?? {}).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((one) => ({ [k]: one === undefined ? null : [...(typeof one === 'string' ? Buffer.from(one) : one)] })),
  );
  return {
    topic,
    partition,
    offset: Number(m.offset),
    timestamp: Number(m.timestamp),
    timestampType: 'CREATE_TIME',
    ...(m.key && m.key.length > 0 ? { key: m.key.toString('base64') } : {}),
    ...(m.value !== null ? { value: m.value.toString('base64') } : {}),
    headers,
  };
}

function sizeOf(r: MskRecord): number {
  return RECORD_OVERHEAD + (r.key?.length ?? 0) + (r.value?.length ?? 0) + JSON.stringify(r.headers).length;
}

/** Splits one partition's messages into events of at most `batchSize` records and MAX_PAYLOAD_BYTES. */
export function chunkEvents(topic: string, partition: number, messages: readonly KafkaMessage[], batchSize: number, bootstrapServers: string): Array<{ event: MskEvent; lastOffset: number }> {
  const out: Array<{ event: MskEvent; lastOffset: number }> = [];
  let current: MskRecord[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length === 0) return;
    out.push({ event: { eventSource: 'SelfManagedKafka', bootstrapServers, records: { [`${topic}-${partition}`]: current } }, lastOffset: current[current.length - 1]!.offset });
    current = [];
    bytes = 0;
  };
  for (const m of messages) {
    const r = toMskRecord(topic, partition, m);
    const size = sizeOf(r);
    if (current.length >= batchSize || (current.length > 0 && bytes + size > MAX_PAYLOAD_BYTES)) flush();
    current.push(r);
    bytes += size;
  }
  flush();
  return out;
}
