// How one batch splits into per-table buffers (BufferedRecords' flush rules).
import { describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../../../lambdas/connect-api/data/ConnectRecord.js';
import { optional, Schemas, structSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { planTables } from '../../../../lambdas/connectors/jdbc/sink/bufferPlan.js';
import { order, sinkRecord } from './fixtures.js';

const plan = (records: SinkRecord[]) =>
  planTables(records, (topic) => ({ table: topic === 'b' ? 'a' : topic }), true).map((t) => [
    t.table.table,
    t.buffers.map((b) => [b.writes.map((r) => r.kafkaOffset), b.deletes.map((r) => r.kafkaOffset)]),
  ]);
const at = (record: SinkRecord, offset: number): SinkRecord => ({ ...record, kafkaOffset: offset });

describe('planTables', () => {
  it('groups records per table in first-seen order, topics mapping to one table sharing it', () => {
    expect(plan([at(order('x', 1, 'a'), 0), at(order('a', 1, 'a'), 1), at(order('b', 2, 'b'), 2), at(order('x', 2, 'b'), 3)])).toEqual([
      ['x', [[[0, 3], []]]],
      ['a', [[[1, 2], []]]],
    ]);
  });

  it('starts a new buffer when a write follows pending deletes, not when a delete follows writes', () => {
    expect(plan([at(order('t', 1, 'a'), 0), at(order('t', 1, null), 1), at(order('t', 2, null), 2), at(order('t', 1, 'b'), 3)])).toEqual([
      ['t', [[[0], [1, 2]], [[3], []]]],
    ]);
  });

  it('starts a new buffer when the value schema changes, or a schemaless object has other keys', () => {
    // Prepare
    const v2 = structSchema([['id', Schemas.INT32], ['extra', optional(Schemas.STRING)]]);
    const records = [
      at(order('t', 1, 'a'), 0),
      at(sinkRecord({ topic: 't', valueSchema: v2, value: new Struct(v2, { id: 2 }) }), 1),
      at(sinkRecord({ topic: 't', value: { id: 3 } }), 2),
      at(sinkRecord({ topic: 't', value: { id: 4 } }), 3),
      at(sinkRecord({ topic: 't', value: { id: 5, x: 1 } }), 4),
    ];

    // Act / Assess
    expect(plan(records)).toEqual([['t', [[[0], []], [[1], []], [[2, 3], []], [[4], []]]]]);
  });
});
