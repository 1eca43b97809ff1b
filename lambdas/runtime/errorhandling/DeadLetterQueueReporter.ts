// Sends failed sink records to errors.deadletterqueue.topic.name: the original consumed bytes, headers and timestamp,
// plus the __connect.errors.* context headers when enabled (Kafka's DeadLetterQueueReporter). Sends are batched and
// awaited by flush() before the batch counts as done; a failed send fails the invocation, so nothing is lost.
import { errorTrace } from '../../connect-api/errors.js';
import { maskSecrets } from '../../connect-api/maskSecrets.js';
import type { ProducerRecord, RecordProducer } from '../ports/RecordProducer.js';
import type { ErrorContext, ErrorReporter } from './ErrorContext.js';
import { errorClassName } from './errorClassName.js';
import { DLQ_HEADERS } from './Stage.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

export class DeadLetterQueueReporter implements ErrorReporter {
  private pending: ProducerRecord[] = [];
  private sent = 0;

  constructor(
    private readonly producer: RecordProducer,
    private readonly topic: string,
    private readonly connectorName: string,
    private readonly taskId: number,
    private readonly contextHeaders: boolean,
  ) {}

  /** Records handed to the producer and acknowledged so far. */
  get sentCount(): number {
    return this.sent;
  }

  report(c: ErrorContext): void {
    if (!c.raw) return; // only consumed sink records go to the DLQ, as in Kafka Connect
    const headers = [...c.raw.headers];
    if (this.contextHeaders) {
      const error = c.error instanceof Error ? c.error : new Error(String(c.error));
      const cause = rootCause(c.error);
      const add = (key: string, value: string | null) => headers.push({ key, value: value === null ? null : utf8(value) });
      add(DLQ_HEADERS.topic, c.raw.topic);
      add(DLQ_HEADERS.partition, String(c.raw.partition));
      add(DLQ_HEADERS.offset, String(c.raw.offset));
      add(DLQ_HEADERS.connectorName, this.connectorName);
      add(DLQ_HEADERS.taskId, String(this.taskId));
      add(DLQ_HEADERS.stage, c.stage);
      add(DLQ_HEADERS.className, c.className);
      add(DLQ_HEADERS.exceptionClassName, errorClassName(cause));
      add(DLQ_HEADERS.exceptionMessage, error.message === '' ? null : maskSecrets(error.message));
      add(DLQ_HEADERS.exceptionStacktrace, errorTrace(c.error));
    }
    this.pending.push({ key: c.raw.key, value: c.raw.value, headers, timestamp: c.raw.timestamp });
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.producer.send(this.topic, batch);
      this.sent += batch.length;
    } catch (e) {
      this.pending = [...batch, ...this.pending];
      throw e;
    }
  }
}

function rootCause(e: unknown): Error {
  let current: unknown = e;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current : new Error(String(current));
}
