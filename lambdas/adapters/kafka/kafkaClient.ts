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

/** An admin client connected on first use and kept for the container's life. */
export class LazyAdmin {
  private admin: Promise<ReturnType<Kafka['admin']>> | undefined;

  constructor(private readonly kafka: Kafka) {}

  get(): Promise<ReturnType<Kafka['admin']>> {
    this.admin ??= (async () => {
      const a = this.kafka.admin();
      await a.connect();
      return a;
    })().catch((e: unknown) => {
      this.admin = undefined;
      throw e;
    });
    return this.admin;
  }

  async close(): Promise<void> {
    const a = this.admin;
    this.admin = undefined;
    if (a) await (await a).disconnect();
  }
}
