// The part of a record a Key/Value transform works on (Kafka's operatingSchema / operatingValue / newRecord).
import { type ConnectRecord, withRecord } from '../../connect-api/data/ConnectRecord.js';
import type { Schema } from '../../connect-api/data/Schema.js';

export type Target = 'key' | 'value';

export interface Operand {
  readonly schema: Schema | null;
  readonly value: unknown;
}

export function operandOf(record: ConnectRecord, target: Target): Operand {
  return target === 'key' ? { schema: record.keySchema, value: record.key } : { schema: record.valueSchema, value: record.value };
}

/** Copies the record with the key or the value (and its schema) replaced; headers and everything else are kept. */
export function withOperand<R extends ConnectRecord>(record: R, target: Target, schema: Schema | null, value: unknown): R {
  return target === 'key' ? withRecord(record, { keySchema: schema, key: value }) : withRecord(record, { valueSchema: schema, value });
}
