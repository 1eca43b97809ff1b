import { describe, expect, it } from 'vitest';
import { filterPlugin } from '../../../lambdas/runtime/transforms/Filter.js';
import { run, sinkRecord } from './records.js';

describe('Filter', () => {
  it('drops every record', () => {
    // Prepare
    const record = sinkRecord({ value: { id: 1 } });
    // Act
    const out = run(filterPlugin, {}, record);
    // Assess
    expect(out).toBeNull();
    expect(filterPlugin.className).toBe('org.apache.kafka.connect.transforms.Filter');
  });
});
