// Confluent's subject name strategies (io.confluent.kafka.serializers.subject.*): the registry subject a record's
// schema is registered under, from the topic, the key/value role and the schema's record name.
import { DataError } from '../../../connect-api/errors.js';

export type SubjectNameStrategy = (topic: string, isKey: boolean, recordName: string | undefined) => string;

function recordNameOf(recordName: string | undefined, strategy: string): string {
  if (recordName === undefined) throw new DataError(`In configuration value.subject.name.strategy = ${strategy}, the message must only be a record schema`);
  return recordName;
}

const topicName: SubjectNameStrategy = (topic, isKey) => `${topic}-${isKey ? 'key' : 'value'}`;
const recordName: SubjectNameStrategy = (_topic, _isKey, name) => recordNameOf(name, 'RecordNameStrategy');
const topicRecordName: SubjectNameStrategy = (topic, _isKey, name) => `${topic}-${recordNameOf(name, 'TopicRecordNameStrategy')}`;

const PACKAGE = 'io.confluent.kafka.serializers.subject.';
const STRATEGIES: Readonly<Record<string, SubjectNameStrategy>> = {
  TopicNameStrategy: topicName,
  RecordNameStrategy: recordName,
  TopicRecordNameStrategy: topicRecordName,
};

export const STRATEGY_NAMES: readonly string[] = Object.keys(STRATEGIES);

/** The strategy for a Confluent class name (io.confluent.kafka.serializers.subject.RecordNameStrategy) or simple name. */
export function strategyByName(name: string): SubjectNameStrategy | undefined {
  const trimmed = name.trim();
  const simple = trimmed.startsWith(PACKAGE) ? trimmed.slice(PACKAGE.length) : trimmed;
  return Object.hasOwn(STRATEGIES, simple) ? STRATEGIES[simple] : undefined;
}
