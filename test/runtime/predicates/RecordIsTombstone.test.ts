import { describe, expect, it } from 'vitest';
import { Schemas } from '../../../lambdas/connect-api/data/Schema.js';
import { recordIsTombstonePlugin } from '../../../lambdas/runtime/predicates/RecordIsTombstone.js';
import { sinkRecord } from '../transforms/records.js';

describe('RecordIsTombstone', () => {
  it('is true only for a null value, whatever the key or schema', () => {
    // Prepare
    const predicate = recordIsTombstonePlugin.create({});
    const records = [
      sinkRecord({ key: 'k', value: null }),
      sinkRecord({ valueSchema: Schemas.OPTIONAL_STRING, value: null }),
      sinkRecord({ value: '' }),
      sinkRecord({ value: 0 }),
    ];
    // Act
    const results = records.map((r) => predicate.test(r));
    // Assess
    expect(results).toEqual([true, true, false, false]);
  });
});
