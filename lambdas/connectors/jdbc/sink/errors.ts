// The JDBC sink's errors: a failed database write (retriable or not, from the dialect's classification), and a
// record that cannot be written at all (found before anything is executed, so the caller can route that record).
import type { SinkRecord } from '../../../connect-api/data/ConnectRecord.js';
import { DataError, SluiceError } from '../../../connect-api/errors.js';

/** A write that failed in the database or the driver; the transaction was rolled back. */
export class WriteError extends SluiceError {
  /** The table being written or created when the error happened, when one was. */
  readonly table: string | undefined;
  constructor(message: string, options: { cause?: unknown; retriable: boolean; table?: string }) {
    super(message, options);
    this.name = 'WriteError';
    this.table = options.table;
  }
}

/** A record the sink cannot write (schemaless where a schema is required, a null key, a tombstone without deletes…). */
export class RecordWriteError extends DataError {
  readonly record: SinkRecord;
  constructor(message: string, record: SinkRecord, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecordWriteError';
    this.record = record;
  }
}

/** The message of an error of any kind, for wrapping. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
