// Confluent's `timestamp.fields.list` (kafka-connect-jdbc 10.8.3+): INT64 or STRING fields that hold epoch
// microseconds (or nanoseconds, per `timestamp.precision.mode`) are written into TIMESTAMP columns. The sink marks
// such a field's schema with this name; the dialects give it a timestamp column and bind its value as one.
import type { Schema } from '../../../connect-api/data/Schema.js';
import { DataError } from '../../../connect-api/errors.js';

export const EPOCH_TIMESTAMP = 'io.sluice.jdbc.EpochTimestamp';

export type EpochUnit = 'microseconds' | 'nanoseconds';

/** The schema of a listed field: its type kept, marked as an epoch timestamp in `unit`. */
export function epochTimestampSchema(schema: Schema, unit: EpochUnit): Schema {
  return { ...schema, name: EPOCH_TIMESTAMP, parameters: { unit } };
}

export function isEpochTimestamp(schema: Schema): boolean {
  return schema.name === EPOCH_TIMESTAMP;
}

/** The instant of an epoch value (number, bigint or decimal text) as epoch milliseconds plus nanos of the second. */
export function epochInstant(schema: Schema, value: unknown): { readonly epochMs: number; readonly nanos: number } {
  let count: bigint;
  try {
    if (typeof value === 'bigint') count = value;
    else if (typeof value === 'number' && Number.isInteger(value)) count = BigInt(value);
    else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) count = BigInt(value.trim());
    else throw new Error();
  } catch {
    throw new DataError(`Invalid value for a timestamp.fields.list field: expected epoch ${schema.parameters?.['unit'] ?? 'microseconds'} as an integer, got ${typeof value}`);
  }
  const perSecond = schema.parameters?.['unit'] === 'nanoseconds' ? 1_000_000_000n : 1_000_000n;
  let seconds = count / perSecond;
  let fraction = count % perSecond;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += perSecond;
  }
  const nanos = Number(perSecond === 1_000_000n ? fraction * 1000n : fraction);
  return { epochMs: Number(seconds) * 1000 + Math.floor(nanos / 1_000_000), nanos };
}
