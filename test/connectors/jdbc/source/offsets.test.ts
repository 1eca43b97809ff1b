import { describe, expect, it } from 'vitest';
import { offsetFromMap, offsetToMap } from '../../../../lambdas/connectors/jdbc/source/offsets.js';

describe('source offsets', () => {
  it('round-trips an incrementing value beyond 2^53 exactly (rounding it up could skip rows)', () => {
    const id = 1729382256910270465n;
    expect(offsetToMap({ incrementing: id })).toEqual({ incrementing: id });
    expect(offsetFromMap({ incrementing: id })).toEqual({ incrementing: id });
    expect(offsetFromMap({ incrementing: '1729382256910270465' })).toEqual({ incrementing: id });
    expect(offsetFromMap({ incrementing: 42 })).toEqual({ incrementing: 42 });
  });

  it('writes timestamps as epoch ms with the nanos of the second', () => {
    expect(offsetToMap({ timestampMs: 1_700_000_000_123 })).toEqual({ timestamp: 1_700_000_000_123, timestamp_nanos: 123_000_000 });
    expect(offsetFromMap({ timestamp: 1_700_000_000_123, timestamp_nanos: 123_456_789 })).toEqual({ timestampMs: 1_700_000_000_123, timestampNanos: 123_456_789 });
  });
});
