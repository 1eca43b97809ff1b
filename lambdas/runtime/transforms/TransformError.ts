// An error raised while a transformation stage ran (its predicate or its transform). It names the stage so the
// error-tolerance operator can fill `__connect.errors.class.name`; the original error is its `cause`, and its
// message is the cause's message (what Kafka reports as `__connect.errors.exception.message`).
import { DataError } from '../../connect-api/errors.js';

export class TransformError extends DataError {
  /** The transformation's class name, e.g. org.apache.kafka.connect.transforms.Cast$Value. */
  readonly className: string;
  /** The alias the connector config gave the stage (`transforms=<alias>`). */
  readonly alias: string;

  constructor(alias: string, className: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'TransformError';
    this.alias = alias;
    this.className = className;
  }
}
