// The sink function's dead-letter producer with kafkajs imported on the first send: kafkajs (about 265 KB minified)
// is a chunk of its own in the sink bundle, which only a pipeline that writes to its dead-letter queue loads.
import type { ProducerRecord, RecordProducer } from '../../runtime/ports/RecordProducer.js';
import type { KafkaConnectOptions } from './mskIam.js';

export function lazyKafkaProducer(options: KafkaConnectOptions): RecordProducer {
  let producer: Promise<RecordProducer> | undefined;
  const get = (): Promise<RecordProducer> => {
    producer ??= Promise.all([import('./mskIam.js'), import('./KafkaRecordProducer.js')])
      .then(([{ authenticatedKafka }, { KafkaRecordProducer }]) => new KafkaRecordProducer(authenticatedKafka(options)))
      .catch((e: unknown) => {
        // Tried again by the next send.
        producer = undefined;
        throw e;
      });
    return producer;
  };
  return {
    async send(topic: string, records: readonly ProducerRecord[]): Promise<void> {
      if (records.length === 0) return;
      await (await get()).send(topic, records);
    },
    async close(): Promise<void> {
      if (producer) await (await producer.catch(() => undefined))?.close();
    },
  };
}
