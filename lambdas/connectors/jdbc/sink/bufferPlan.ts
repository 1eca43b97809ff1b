// Records of one write → one list of buffers per destination table (kafka-connect-jdbc BufferedRecords' flush rules):
// a new buffer starts when the key schema or the value schema changes (a tombstone's null schema is no change), and
// when a non-tombstone follows pending deletes, so an insert after a delete of the same key is not lost. Within a
// buffer writes execute before deletes.
import type { SinkRecord } from '../../../connect-api/data/ConnectRecord.js';
import type { Schema } from '../../../connect-api/data/Schema.js';
import type { TableId } from '../dialects/Dialect.js';
import { schemaEquals } from '../../../runtime/converters/schemaEquals.js';
import { shapeOf } from './schemaless.js';

/** A value schema, or for schemaless objects their key set. */
export type ValueShape = { readonly kind: 'schema'; readonly schema: Schema } | { readonly kind: 'schemaless'; readonly keys: string };

export interface RecordBuffer {
  readonly keySchema: Schema | null;
  /** Undefined while the buffer holds only tombstones. */
  valueShape: ValueShape | undefined;
  readonly writes: SinkRecord[];
  readonly deletes: SinkRecord[];
}

export interface TableWrites {
  readonly table: TableId;
  readonly buffers: RecordBuffer[];
}

/** Groups records per table in first-seen order, each table's records split into buffers by the flush rules. */
export function planTables(records: readonly SinkRecord[], tableOf: (topic: string) => TableId, deleteEnabled: boolean): TableWrites[] {
  const byTopic = new Map<string, TableWrites>();
  const byTable = new Map<string, TableWrites>();
  for (const record of records) {
    let target = byTopic.get(record.topic);
    if (target === undefined) {
      const table = tableOf(record.topic);
      const id = JSON.stringify([table.catalog, table.schema, table.table]);
      target = byTable.get(id) ?? { table, buffers: [] };
      byTable.set(id, target);
      byTopic.set(record.topic, target);
    }
    add(target.buffers, record, deleteEnabled);
  }
  return [...byTable.values()];
}

function add(buffers: RecordBuffer[], record: SinkRecord, deleteEnabled: boolean): void {
  const current = buffers.at(-1);
  const tombstone = deleteEnabled && (record.value === null || record.value === undefined);
  const keyChanged = current === undefined || !schemaEquals(current.keySchema, record.keySchema);
  if (tombstone) {
    const buffer = keyChanged ? open(buffers, record.keySchema) : current!;
    buffer.deletes.push(record);
    return;
  }
  const shape = shapeOfRecord(record);
  const reuse = !keyChanged && current!.deletes.length === 0 && (current!.valueShape === undefined || sameShape(current!.valueShape, shape));
  const buffer = reuse ? current! : open(buffers, record.keySchema);
  buffer.valueShape = shape;
  buffer.writes.push(record);
}

function open(buffers: RecordBuffer[], keySchema: Schema | null): RecordBuffer {
  const buffer: RecordBuffer = { keySchema, valueShape: undefined, writes: [], deletes: [] };
  buffers.push(buffer);
  return buffer;
}

function shapeOfRecord(record: SinkRecord): ValueShape {
  if (record.valueSchema !== null) return { kind: 'schema', schema: record.valueSchema };
  return { kind: 'schemaless', keys: shapeOf(record.value as Record<string, unknown>) };
}

function sameShape(a: ValueShape, b: ValueShape): boolean {
  if (a.kind === 'schema' && b.kind === 'schema') return schemaEquals(a.schema, b.schema);
  return a.kind === 'schemaless' && b.kind === 'schemaless' && a.keys === b.keys;
}
