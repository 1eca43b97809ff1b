// timestamp.granularity (Confluent's JdbcSourceConnectorConfig.TimestampGranularity): how a TIMESTAMP column appears in
// records. connect_logical is Connect's Timestamp (milliseconds); the others keep the column's microseconds or
// nanoseconds as epoch counts (INT64 or a string) or as ISO wall-clock text in db.timezone.
import { int64 } from '../../../runtime/converters/jsonNodes.js';
import { schema, timestampSchema } from '../../../connect-api/data/Schema.js';
import { formatTimestamp, type Zone } from '../dialects/temporal.js';
import type { TimestampGranularity } from '../config/sourceReadKeys.js';
import type { ColumnMapper } from './columnMapping.js';

type Instant = { readonly ms: number; readonly nanos: number };

function epochCount(t: Instant, unit: 'micros' | 'nanos'): bigint {
  const seconds = BigInt(Math.floor(t.ms / 1000));
  return unit === 'nanos' ? seconds * 1_000_000_000n + BigInt(t.nanos) : seconds * 1_000_000n + BigInt(Math.floor(t.nanos / 1000));
}

/** The mapper of a TIMESTAMP column under `granularity`; `instant` reads the driver value exactly. */
export function timestampMapper(name: string, optional: boolean, granularity: TimestampGranularity, zone: Zone, instant: (v: unknown) => Instant): ColumnMapper {
  switch (granularity) {
    case 'connect_logical':
      return { name, schema: timestampSchema({ optional }), read: (v) => new Date(instant(v).ms) };
    case 'micros_long':
    case 'nanos_long': {
      const unit = granularity === 'micros_long' ? 'micros' : 'nanos';
      return { name, schema: schema('INT64', { optional }), read: (v) => int64(epochCount(instant(v), unit)) };
    }
    case 'micros_string':
    case 'nanos_string': {
      const unit = granularity === 'micros_string' ? 'micros' : 'nanos';
      return { name, schema: schema('STRING', { optional }), read: (v) => epochCount(instant(v), unit).toString() };
    }
    case 'micros_iso_datetime_string':
    case 'nanos_iso_datetime_string': {
      const fractionDigits = granularity === 'micros_iso_datetime_string' ? 6 : 9;
      return { name, schema: schema('STRING', { optional }), read: (v) => formatTimestamp(instant(v).ms, zone, { fractionDigits, nanos: instant(v).nanos }).replace(' ', 'T') };
    }
  }
}
