// A record whose key, value or a header could not be converted: Kafka Connect's DataException raised in a
// converter stage, carrying the stage and class the error-tolerance operator reports (and the DLQ headers name).
import { DataError } from '../../connect-api/errors.js';

export type ConversionStage = 'KEY_CONVERTER' | 'VALUE_CONVERTER' | 'HEADER_CONVERTER';

export class ConversionError extends DataError {
  readonly stage: ConversionStage;
  /** The converter's fully qualified class name. */
  readonly converterClass: string;

  constructor(message: string, options: { stage: ConversionStage; converterClass: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConversionError';
    this.stage = options.stage;
    this.converterClass = options.converterClass;
  }
}
