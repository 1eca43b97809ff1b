// The entries of PATCH /connectors/{name}/offsets, checked before anything is written (Kafka's
// SinkUtils.parseSinkConnectorOffsets wording where Kafka has one); every refusal is a 400 naming the field.
import { topicNameProblem } from '../config/topicNames.js';
import { BadRequestError } from '../../connect-api/errors.js';
import type { TopicPartitionOffset } from '../ports/ConsumerGroupOffsets.js';
import type { SourceOffset } from '../ports/PipelineStore.js';

const INT64_MAX = 2n ** 63n - 1n;
type Entry = { partition?: unknown; offset?: unknown };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An integer as JSON gives it (number, or bigint beyond 2^53) or as a string of digits; undefined otherwise. */
function integerOf(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : undefined;
  if (typeof v === 'string' && /^-?\d{1,30}$/.test(v.trim())) return BigInt(v.trim());
  return undefined;
}

export function sourceEntry(e: unknown): SourceOffset {
  const { partition, offset } = (isPlainObject(e) ? e : {}) as Entry;
  if (!isPlainObject(partition)) throw new BadRequestError('The partition for a source connector offset cannot be null or missing');
  if (offset !== null && !isPlainObject(offset)) throw new BadRequestError('The offset for a source connector should either be null or be a map');
  return { partition, offset: offset ?? null };
}

export function sinkEntry(e: unknown): TopicPartitionOffset {
  const { partition, offset } = (isPlainObject(e) ? e : {}) as Entry;
  if (!isPlainObject(partition)) throw new BadRequestError('The partition for a sink connector offset cannot be null or missing');
  if (!('kafka_topic' in partition) || !('kafka_partition' in partition)) {
    throw new BadRequestError("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'");
  }
  const topic = partition['kafka_topic'];
  if (typeof topic !== 'string' || topic === '') throw new BadRequestError('Kafka topic names must be valid strings and may not be null');
  const problem = topicNameProblem(topic);
  if (problem) throw new BadRequestError(`Invalid value for kafka_topic: ${problem}`);
  const rawPartition = partition['kafka_partition'];
  if (rawPartition === null) throw new BadRequestError('Kafka partitions must be valid numbers and may not be null');
  const p = integerOf(rawPartition);
  if (p === undefined) throw new BadRequestError(`Failed to parse the following Kafka partition value in the provided offsets: '${String(rawPartition)}'. Partition values for sink connectors need to be integers.`);
  if (p < 0n || p > 2_147_483_647n) throw new BadRequestError(`Invalid value ${p} for kafka_partition of topic '${topic}': partitions are numbered from 0`);
  if (offset === null || offset === undefined) return { topic, partition: Number(p), offset: null };
  if (!isPlainObject(offset) || !('kafka_offset' in offset)) throw new BadRequestError("The offset for a sink connector should either be null or contain the key 'kafka_offset'");
  const rawOffset = offset['kafka_offset'];
  const o = integerOf(rawOffset);
  if (o === undefined) throw new BadRequestError(`Failed to parse the following Kafka offset value in the provided offsets: '${String(rawOffset)}'. Offset values for sink connectors need to be integers.`);
  if (o < 0n) throw new BadRequestError(`Offset values for sink connectors need to be non-negative integers, got ${o} for kafka_offset`);
  if (o > INT64_MAX) throw new BadRequestError(`Invalid value ${o} for kafka_offset: Kafka offsets are at most 2^63-1 (${INT64_MAX})`);
  if (o > BigInt(Number.MAX_SAFE_INTEGER)) throw new BadRequestError(`Invalid value ${o} for kafka_offset: offsets beyond 2^53-1 are not supported for sink connectors`);
  return { topic, partition: Number(p), offset: Number(o) };
}

/** Every partition named exists: the topic is in the cluster and the partition below its partition count. */
export function checkPartitionsExist(entries: readonly TopicPartitionOffset[], partitionCounts: ReadonlyMap<string, number>): void {
  for (const e of entries) {
    const count = partitionCounts.get(e.topic);
    if (count === undefined) throw new BadRequestError(`Invalid value for kafka_topic: topic '${e.topic}' does not exist in the Kafka cluster`);
    if (e.partition >= count) throw new BadRequestError(`Invalid value ${e.partition} for kafka_partition: topic '${e.topic}' has ${count} partition(s), numbered 0 to ${count - 1}`);
  }
}
