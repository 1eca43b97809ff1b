import { describe, expect, it } from 'vitest';
import { topicNameMatchesPlugin } from '../../../lambdas/runtime/predicates/TopicNameMatches.js';
import { sinkRecord, thrownBy } from '../transforms/records.js';

describe('TopicNameMatches', () => {
  it('is true only when the regex matches the whole topic', () => {
    // Prepare
    const predicate = topicNameMatchesPlugin.create({ pattern: 'orders-.*' });
    // Act
    const results = ['orders-eu', 'orders', 'old-orders-eu'].map((topic) => predicate.test(sinkRecord({ topic })));
    // Assess
    expect(results).toEqual([true, false, false]);
  });

  it('rejects an empty or invalid pattern, and a missing one', () => {
    // Prepare
    const cases: Array<Record<string, string>> = [{ pattern: '' }, { pattern: '[' }, {}];
    // Act
    const messages = cases.map((props) => thrownBy(() => topicNameMatchesPlugin.create(props)).message);
    // Assess
    expect(messages[0]).toBe('Invalid value  for configuration pattern: String may not be empty');
    expect(messages[1]).toMatch(/^Invalid value \[ for configuration pattern: Invalid regex: /);
    expect(messages[2]).toBe('Missing required configuration "pattern" which has no default value.');
  });

  it('is registered under Kafka predicates class name and simple alias', () => {
    // Prepare
    const plugin = topicNameMatchesPlugin;
    // Act
    const names = [plugin.className, ...(plugin.aliases ?? [])];
    // Assess
    expect(names).toEqual(['org.apache.kafka.connect.transforms.predicates.TopicNameMatches', 'TopicNameMatches']);
  });
});
