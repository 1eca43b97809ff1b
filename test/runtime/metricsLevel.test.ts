// sluice.metrics.level: which sink metrics a pipeline publishes, and the ConfigDef that validates the key.
import { describe, expect, it } from 'vitest';
import { sinkFrameworkConfigDef } from '../../lambdas/runtime/config/frameworkConfig.js';
import { metricsLevelOf, publishedAtEveryLevel, SINK_BASIC_METRICS, SINK_METRICS, sinkMetricsAt } from '../../lambdas/runtime/metricSchema.js';

describe('sluice.metrics.level', () => {
  it('defaults to basic; detailed is every sink metric, basic a subset of them', () => {
    expect(metricsLevelOf({})).toBe('basic');
    expect(metricsLevelOf({ 'sluice.metrics.level': ' Detailed ' })).toBe('detailed');
    expect(sinkMetricsAt('detailed')).toEqual(SINK_METRICS);
    expect(sinkMetricsAt('basic')).toEqual(['RecordsWritten', 'RecordsFailed', 'RecordsDeadLettered']);
    expect(SINK_BASIC_METRICS.every((m) => (SINK_METRICS as readonly string[]).includes(m))).toBe(true);
    expect(SINK_METRICS.filter((m) => !publishedAtEveryLevel(m))).toEqual(['RecordsReceived', 'RecordsFiltered', 'BatchLatency', 'WriteLatency']);
    expect(publishedAtEveryLevel('RowsPolled')).toBe(true);
  });

  it('is a sink framework key that accepts only basic or detailed', () => {
    const key = sinkFrameworkConfigDef.key('sluice.metrics.level');
    expect(key?.default).toBe('basic');
    expect(() => key?.validator?.ensureValid('sluice.metrics.level', 'verbose')).toThrow();
    expect(() => key?.validator?.ensureValid('sluice.metrics.level', 'detailed')).not.toThrow();
  });
});
