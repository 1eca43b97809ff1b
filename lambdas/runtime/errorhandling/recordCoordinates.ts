// Where in Kafka a failure happened, for traces: "topic 'orders' partition 0 offset 37", or for a batch, the offset
// range of each topic-partition it held.

export interface Coordinates {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export function describeCoordinates(records: readonly Coordinates[]): string {
  const ranges = new Map<string, { topic: string; partition: number; first: number; last: number }>();
  for (const r of records) {
    const key = `${r.topic}\u0000${r.partition}`;
    const seen = ranges.get(key);
    if (!seen) ranges.set(key, { topic: r.topic, partition: r.partition, first: r.offset, last: r.offset });
    else ranges.set(key, { ...seen, first: Math.min(seen.first, r.offset), last: Math.max(seen.last, r.offset) });
  }
  return [...ranges.values()]
    .map((r) => `topic '${r.topic}' partition ${r.partition} ${r.first === r.last ? `offset ${r.first}` : `offsets ${r.first} to ${r.last}`}`)
    .join(', ');
}
