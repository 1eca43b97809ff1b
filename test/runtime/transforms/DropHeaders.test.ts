import { describe, expect, it } from 'vitest';
import { dropHeadersPlugin } from '../../../lambdas/runtime/transforms/DropHeaders.js';
import { run, sinkRecord } from './records.js';

describe('DropHeaders', () => {
  it('removes every header with a listed name', () => {
    // Prepare
    const headers = ['a', 'b', 'a', 'c'].map((key) => ({ key, schema: null, value: key }));
    const record = sinkRecord({ headers });
    // Act
    const out = run(dropHeadersPlugin, { headers: 'a, c' }, record);
    // Assess
    expect(out?.headers.map((h) => h.key)).toEqual(['b']);
  });

  it('rejects an empty header list', () => {
    // Prepare
    const props = { headers: '' };
    // Act
    const act = () => dropHeadersPlugin.create(props);
    // Assess
    expect(act).toThrow('Invalid value [] for configuration headers: Empty list');
  });
});
