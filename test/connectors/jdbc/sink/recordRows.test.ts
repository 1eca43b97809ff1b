import { describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../../../lambdas/connect-api/data/ConnectRecord.js';
import { lastPerKey } from '../../../../lambdas/connectors/jdbc/sink/recordRows.js';

// Rows stand in for records here: lastPerKey keeps records aligned with rows and never reads them.
const records = (n: number) => Array.from({ length: n }, (_, i) => ({ kafkaOffset: i }) as unknown as SinkRecord);

describe('lastPerKey', () => {
  it('keeps the last row of each numeric key, 0 and -0 being one key, in the order of those last rows', () => {
    // Prepare
    const rows = [[1, 'a'], [0, 'b'], [1, 'c'], [-0, 'd'], [2, 'e']];
    // Act
    const kept = lastPerKey({ rows, records: records(rows.length) }, 1);
    // Assess
    expect(kept.rows).toEqual([[1, 'c'], [-0, 'd'], [2, 'e']]);
    expect(kept.records.map((r) => r.kafkaOffset)).toEqual([2, 3, 4]);
  });

  it('equates a bigint key with the number of the same value, as the key text does', () => {
    // Prepare
    const rows = [[5, 'a'], [5n, 'b'], ['5', 'c']];
    // Act
    const kept = lastPerKey({ rows, records: records(rows.length) }, 1);
    // Assess
    expect(kept.rows).toEqual([[5n, 'b'], ['5', 'c']]);
  });
});
