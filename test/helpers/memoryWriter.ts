// A connector SinkTask (connect-api) over an in-memory table keyed like an upsert, for SinkTask tests that are about error handling
// rather than SQL (the JDBC writer has its own tests against PostgreSQL and MariaDB). It fails the way a database
// does: a whole call is one transaction, so any failure writes nothing of that call.
import { Struct } from '../../lambdas/connect-api/data/Struct.js';
import type { SinkRecord } from '../../lambdas/connect-api/data/ConnectRecord.js';
import { DataError, RetriableError } from '../../lambdas/connect-api/errors.js';
import type { SinkTask } from '../../lambdas/connect-api/connector.js';

export class MemoryWriter implements SinkTask {
  readonly rows = new Map<string, Record<string, unknown>>();
  calls = 0;
  /** Transient failures to throw before succeeding. */
  transientFailures = 0;

  async put(records: readonly SinkRecord[]): Promise<undefined> {
    this.calls++;
    if (this.transientFailures > 0) {
      this.transientFailures--;
      throw new RetriableError('connection reset by peer');
    }
    const staged = new Map(this.rows);
    for (const r of records) {
      const value = r.value instanceof Struct ? r.value.toObject() : (r.value as Record<string, unknown>);
      if (value['poison'] === true) throw new DataError(`violates check constraint "no_poison" (offset ${r.kafkaOffset})`);
      staged.set(String(r.key), value);
    }
    for (const [k, v] of staged) this.rows.set(k, v);
    return undefined;
  }

  async close(): Promise<void> {}
}
