// What one failure was: the stage, the plugin class, the error, and the record it happened to.
import type { ConnectRecord } from '../../connect-api/data/ConnectRecord.js';
import type { RawRecord } from '../sink/mskEvent.js';
import type { Stage } from './Stage.js';

export interface ErrorContext {
  readonly stage: Stage;
  /** The converter, transform or task class that failed. */
  readonly className: string;
  readonly error: unknown;
  /** A sink record as consumed: its coordinates and original bytes (what the dead-letter queue writes back). */
  readonly raw?: RawRecord;
  /** The record as far as it got (source records, or a converted sink record). */
  readonly record?: ConnectRecord;
}

/** Something told about every failure: the log, the dead-letter queue. */
export interface ErrorReporter {
  report(context: ErrorContext): void;
  /** Waits until every reported record is durably handled (DLQ sends acknowledged). */
  flush(): Promise<void>;
}
