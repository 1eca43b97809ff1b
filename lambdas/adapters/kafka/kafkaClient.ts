// One kafkajs client per container, configured from the environment (plaintext for standalone mode; TLS/SASL later).
import { Kafka, logLevel } from 'kafkajs';

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  readonly ssl?: boolean;
}

export function kafkaClient(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId ?? 'sluice',
    brokers: [...options.brokers],
    ssl: options.ssl ?? false,
    logLevel: logLevel.ERROR,
  });
}

/** Connects an admin client on first use and keeps it for the container's life. */
export function lazyAdmin(kafka: Kafka): () => Promise<ReturnType<Kafka['admin']>> {
  let admin: Promise<ReturnType<Kafka['admin']>> | undefined;
  return () =>
    (admin ??= (async () => {
      const a = kafka.admin();
      await a.connect();
      return a;
    })().catch((e: unknown) => {
      admin = undefined;
      throw e;
    }));
}
