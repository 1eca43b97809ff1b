// RecordProducer on kafkajs: an idempotent producer with acks=all, connected once per container.
import type { IHeaders, Kafka, Message, Producer } from 'kafkajs';
import type { ProducerRecord, RecordProducer } from '../../runtime/ports/RecordProducer.js';

/** The headers of a record without any; kafkajs only reads them. */
const NO_HEADERS: IHeaders = Object.freeze({});

export class KafkaRecordProducer implements RecordProducer {
  private producer: Promise<Producer> | undefined;

  constructor(private readonly kafka: Kafka) {}

  async send(topic: string, records: readonly ProducerRecord[]): Promise<void> {
    if (records.length === 0) return;
    const producer = await this.connected();
    await producer.send({
      topic,
      acks: -1,
      messages: records.map(toMessage),
    });
  }

  async close(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    if (p) await (await p).disconnect();
  }

  private connected(): Promise<Producer> {
    this.producer ??= (async () => {
      const p = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
      await p.connect();
      return p;
    })().catch((e: unknown) => {
      this.producer = undefined;
      throw e;
    });
    return this.producer;
  }
}

/** One record as a kafkajs message, built in one object (this runs once per record). */
function toMessage(r: ProducerRecord): Message {
  const message: Message = {
    key: r.key === null ? null : asBuffer(r.key),
    value: r.value === null ? null : asBuffer(r.value),
    headers: r.headers.length === 0 ? NO_HEADERS : toHeaders(r.headers),
  };
  if (r.timestamp !== undefined && r.timestamp !== null) message.timestamp = String(r.timestamp);
  if (r.partition !== undefined) message.partition = r.partition;
  return message;
}

/** Kafka headers may repeat a key; kafkajs takes an array for those. A null value is sent as empty bytes. */
function toHeaders(headers: ProducerRecord['headers']): IHeaders {
  const out: Record<string, Buffer[]> = {};
  for (const h of headers) {
    const values = out[h.key] ?? [];
    values.push(h.value === null ? Buffer.alloc(0) : asBuffer(h.value));
    out[h.key] = values;
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/** A Buffer view of the bytes, without copying them (converters already produce fresh arrays). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
