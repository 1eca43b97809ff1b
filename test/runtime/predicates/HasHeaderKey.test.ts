import { describe, expect, it } from 'vitest';
import { hasHeaderKeyPlugin } from '../../../lambdas/runtime/predicates/HasHeaderKey.js';
import { sinkRecord } from '../transforms/records.js';

describe('HasHeaderKey', () => {
  it('is true when at least one header has the name, even with a null value', () => {
    // Prepare
    const predicate = hasHeaderKeyPlugin.create({ name: 'trace' });
    const withHeader = sinkRecord({ headers: [{ key: 'trace', schema: null, value: null }] });
    const without = sinkRecord({ headers: [{ key: 'other', schema: null, value: 'x' }] });
    // Act
    const results = [predicate.test(withHeader), predicate.test(without)];
    // Assess
    expect(results).toEqual([true, false]);
  });

  it('rejects an empty name', () => {
    // Prepare
    const props = { name: ' ' };
    // Act
    const act = () => hasHeaderKeyPlugin.create(props);
    // Assess
    expect(act).toThrow('String may not be empty');
  });
});
