// Kafka's legal topic names (clients' org.apache.kafka.common.internals.Topic.validate): ASCII letters, digits, '.',
// '_' and '-', at most 249 characters, and neither '.' nor '..'. The broker refuses any other name, so a pipeline
// naming one could never run: it is rejected when the config is written, in Kafka's words.
import { ConfigError } from '../../connect-api/errors.js';
import { type ConfigValue, invalidValue } from '../../connect-api/config/ConfigDef.js';
import type { Validator } from '../../connect-api/config/validators.js';

export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Why `name` is not a legal Kafka topic name, or undefined when it is. */
export function topicNameProblem(name: string): string | undefined {
  if (name === '') return "Topic name is illegal, it can't be empty";
  if (name === '.' || name === '..') return 'Topic name cannot be "." or ".."';
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `Topic name is illegal, it can't be longer than ${MAX_TOPIC_NAME_LENGTH} characters, topic name: ${name}`;
  if (!LEGAL.test(name)) return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  return undefined;
}

function check(name: string, value: ConfigValue, topics: readonly string[]): void {
  for (const topic of topics) {
    const problem = topicNameProblem(topic);
    if (problem) throw new ConfigError(invalidValue(name, Array.isArray(value) ? value.join(',') : value, problem), { key: name });
  }
}

/** For `topics`: every listed name is a legal topic name. */
export const legalTopicNames: Validator = {
  description: `topic names of [a-zA-Z0-9._-], at most ${MAX_TOPIC_NAME_LENGTH} characters, not '.' or '..'`,
  ensureValid(name, value) {
    if (Array.isArray(value)) check(name, value, value.map((t) => t.trim()).filter((t) => t !== ''));
  },
};

/** For a single topic (errors.deadletterqueue.topic.name): empty, or a legal topic name. */
export const legalTopicNameOrEmpty: Validator = {
  description: `empty, or a topic name of [a-zA-Z0-9._-], at most ${MAX_TOPIC_NAME_LENGTH} characters, not '.' or '..'`,
  ensureValid(name, value) {
    const topic = typeof value === 'string' ? value.trim() : '';
    if (topic !== '') check(name, value, [topic]);
  },
};
