import { describe, expect, it } from 'vitest';
import { DataError } from '../../../lambdas/connect-api/errors.js';
import { timestampRouterPlugin } from '../../../lambdas/runtime/transforms/TimestampRouter.js';
import { run, sinkRecord, sourceRecord } from './records.js';

describe('TimestampRouter', () => {
  it('routes to topic-yyyyMMdd by default, in UTC', () => {
    // Prepare
    const record = sinkRecord({ timestamp: Date.UTC(2024, 11, 31, 23, 59) });
    // Act
    const out = run(timestampRouterPlugin, {}, record);
    // Assess
    expect(out?.topic).toBe('orders-20241231');
  });

  it('applies custom topic and timestamp formats', () => {
    // Prepare
    const record = sinkRecord({ timestamp: Date.UTC(2024, 0, 2, 5) });
    // Act
    const out = run(timestampRouterPlugin, { 'topic.format': 'archive.${timestamp}.${topic}', 'timestamp.format': 'yyyy-MM' }, record);
    // Assess
    expect(out?.topic).toBe('archive.2024-01.orders');
  });

  it('fails on a record without a timestamp', () => {
    // Prepare
    const record = sourceRecord({ timestamp: null });
    // Act
    const act = () => run(timestampRouterPlugin, {}, record);
    // Assess
    expect(act).toThrow(DataError);
    expect(act).toThrow('Timestamp missing on record');
  });
});
