// The offsets a user may store for a JDBC source (PATCH /connectors/{name}/offsets): the keys of
// kafka-connect-jdbc's TimestampIncrementingOffset, each an integer in its range. The SourceConnector's alterOffsets.
import type { SourceOffset, SourcePartition } from '../../../connect-api/connector.js';
import { BadRequestError } from '../../../connect-api/errors.js';

const INT64_MAX = 2n ** 63n - 1n;
/** The keys of a JDBC source offset (TimestampIncrementingOffset) and what each holds. */
const SOURCE_OFFSET_KEYS: Record<string, { min: bigint; max: bigint; what: string }> = {
  incrementing: { min: -(2n ** 63n), max: INT64_MAX, what: 'a 64-bit integer (the last incrementing column value read)' },
  timestamp: { min: -(2n ** 63n), max: INT64_MAX, what: 'an integer number of epoch milliseconds' },
  timestamp_nanos: { min: 0n, max: 999_999_999n, what: 'an integer number of nanoseconds within the second (0 to 999999999)' },
};

/** An integer as JSON gives it (number, or bigint beyond 2^53) or as a string of digits; undefined otherwise. */
function integerOf(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'string' && /^-?\d{1,30}$/.test(v.trim())) return BigInt(v.trim());
  return undefined;
}

export function checkJdbcSourceOffsets(offsets: ReadonlyArray<{ readonly partition: SourcePartition; readonly offset: SourceOffset | null }>): void {
  for (const { partition, offset } of offsets) {
    for (const [key, value] of Object.entries(offset ?? {})) {
      const rule = SOURCE_OFFSET_KEYS[key];
      if (!rule) throw new BadRequestError(`Unknown key '${key}' in the offset for source partition ${JSON.stringify(partition)}; a JDBC source offset holds ${Object.keys(SOURCE_OFFSET_KEYS).join(', ')}`);
      const n = integerOf(value);
      if (n === undefined || n < rule.min || n > rule.max) {
        throw new BadRequestError(`Invalid value ${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))} for '${key}' in the offset for source partition ${JSON.stringify(partition)}: it must be ${rule.what}`);
      }
    }
  }
}
