// Why a kafkajs consumer crashed, as the ESM emulator needs to know it: a record it cannot read (a codec it lacks, a
// corrupt batch, a decoder error) fails the pipeline's task, since retrying reads the same bytes again; anything
// else (broker unreachable, evicted from the group, coordinator moved) is a dropped consumer, which rejoins.

/** kafkajs wraps the error that ended its retries; the original one says what happened. */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null) return current;
    current = cause;
  }
  return current;
}

const UNREADABLE_PROTOCOL_ERRORS = new Set(['CORRUPT_MESSAGE', 'UNSUPPORTED_COMPRESSION_TYPE', 'INVALID_RECORD', 'UNSUPPORTED_FOR_MESSAGE_FORMAT']);

/** True when the consumer died on the bytes of a record batch rather than on the network or the group. */
export function isUnreadableRecord(error: unknown): boolean {
  const root = rootCause(error) as { name?: unknown; type?: unknown } | null;
  const name = typeof root?.name === 'string' ? root.name : '';
  if (name === 'KafkaJSNotImplemented') return true; // kafkajs names a compression codec it has no implementation for
  if (typeof root?.type === 'string' && UNREADABLE_PROTOCOL_ERRORS.has(root.type)) return true;
  // kafkajs raises its own KafkaJS* errors for network, protocol and group failures, and system errors carry a string
  // code (ECONNREFUSED, ...); any other error came from decoding the fetched bytes (a codec or the record parser).
  return root instanceof Error && !name.startsWith('KafkaJS') && typeof (root as { code?: unknown }).code !== 'string';
}
