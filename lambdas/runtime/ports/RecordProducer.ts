// Writes records to Kafka (the dead-letter queue, source records): the kafkajs adapter in AWS and standalone mode.

export interface ProducerRecord {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: ReadonlyArray<{ readonly key: string; readonly value: Uint8Array | null }>;
  /** Epoch ms; null lets the broker's producer assign the time. */
  readonly timestamp?: number | null;
  readonly partition?: number;
}

export interface RecordProducer {
  /** Resolves once the broker acknowledged every record (acks=all). */
  send(topic: string, records: readonly ProducerRecord[]): Promise<void>;
  close(): Promise<void>;
}
