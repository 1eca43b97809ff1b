// Kafka's TopicNameMatches predicate: true when the topic name matches the whole regex.
import { ConfigDef, type ParsedConfig } from '../../connect-api/config/ConfigDef.js';
import { all, nonEmptyString } from '../../connect-api/config/validators.js';
import type { Predicate } from '../../connect-api/plugins.js';
import { fullMatchRegex, javaRegexValidator } from '../transforms/javaRegex.js';
import { predicatePlugin } from './plugin.js';

export const topicNameMatchesConfigDef = new ConfigDef([
  {
    name: 'pattern',
    type: 'STRING',
    importance: 'MEDIUM',
    documentation: 'A Java regular expression for matching against the name of a record\'s topic.',
    validator: all(nonEmptyString, javaRegexValidator),
  },
]);

export function topicNameMatches(config: ParsedConfig): Predicate {
  const regex = fullMatchRegex(config.getString('pattern')!);
  return {
    test: (record) => record.topic !== null && record.topic !== undefined && regex.test(record.topic),
  };
}

export const topicNameMatchesPlugin = predicatePlugin('TopicNameMatches', topicNameMatchesConfigDef, topicNameMatches);
