import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMskEvent, type MskEvent } from '../../../lambdas/runtime/sink/mskEvent.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/msk/${name}`, import.meta.url), 'utf8')) as MskEvent;
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

describe('decodeMskEvent', () => {
  it('returns records in partition then offset order, whatever the order of the records object', () => {
    // Prepare
    const event = load('orders-envelope.json');
    // Act
    const records = decodeMskEvent(event);
    // Assess
    expect(records.map((r) => [r.partition, r.offset])).toEqual([[0, 15], [1, 7], [1, 8]]);
  });

  it('sorts records a partition lists out of offset order, and keeps an ordered event as it is', () => {
    // Prepare
    const record = (partition: number, offset: number) => ({ topic: 't', partition, offset, timestamp: 1, timestampType: 'CREATE_TIME' as const, value: 'AA==' });
    const shuffled = { eventSource: 'aws:kafka', bootstrapServers: 'b:9092', records: { 't-0': [record(0, 2), record(0, 1)], 't-1': [record(1, 0)] } };
    const ordered = { eventSource: 'aws:kafka', bootstrapServers: 'b:9092', records: { 't-0': [record(0, 1), record(0, 2)], 't-1': [record(1, 0)] } };
    // Act
    const fromShuffled = decodeMskEvent(shuffled).map((r) => [r.partition, r.offset]);
    const fromOrdered = decodeMskEvent(ordered).map((r) => [r.partition, r.offset]);
    // Assess
    expect(fromShuffled).toEqual([[0, 1], [0, 2], [1, 0]]);
    expect(fromOrdered).toEqual([[0, 1], [0, 2], [1, 0]]);
  });

  it('decodes base64 key and value to bytes and keeps topic, timestamp and timestamp type', () => {
    // Prepare
    const event = load('orders-envelope.json');
    // Act
    const [first] = decodeMskEvent(event);
    // Assess
    expect(first!.topic).toBe('orders');
    expect(text(first!.key)).toBe('42');
    expect(text(first!.value)).toContain('"payload":{"id":42');
    expect(first!.timestamp).toBe(1700000000015);
    expect(first!.timestampType).toBe('CREATE_TIME');
    expect(first!.key).toBeInstanceOf(Uint8Array);
  });

  it('decodes headers from byte arrays in record order', () => {
    // Prepare
    const event = load('orders-envelope.json');
    // Act
    const records = decodeMskEvent(event);
    // Assess
    expect(records[1]!.headers.map((h) => [h.key, text(h.value)])).toEqual([['trace-id', 'abc-1'], ['retry', '3']]);
    expect(records[2]!.headers).toEqual([]);
  });

  it('decodes a record with no value as a tombstone (null value)', () => {
    // Prepare
    const event = load('orders-tombstone.json');
    // Act
    const [tombstone] = decodeMskEvent(event);
    // Assess
    expect(tombstone!.value).toBeNull();
    expect(text(tombstone!.key)).toBe('42');
  });

  it('decodes a self-managed Kafka event without an ARN, and a record without a key as a null key', () => {
    // Prepare
    const event = load('self-managed-schemaless.json');
    // Act
    const records = decodeMskEvent(event);
    // Assess
    expect(event.eventSourceArn).toBeUndefined();
    expect(records[0]!.key).toBeNull();
    expect(records[1]!.timestampType).toBe('LOG_APPEND_TIME');
  });

  it('treats null headers, empty keys and NO_TIMESTAMP_TYPE as absent', () => {
    // Prepare
    const event: MskEvent = {
      eventSource: 'SelfManagedKafka',
      bootstrapServers: 'localhost:9092',
      records: { 't-0': [{ topic: 't', partition: 0, offset: 1, timestamp: -1, timestampType: 'NO_TIMESTAMP_TYPE', key: '', value: null, headers: null }] },
    };
    // Act
    const [record] = decodeMskEvent(event);
    // Assess
    expect(record).toMatchObject({ key: null, value: null, headers: [], timestamp: null });
  });

  it('rejects an event without records', () => {
    // Act
    const act = () => decodeMskEvent({ eventSource: 'aws:kafka', bootstrapServers: 'b' } as unknown as MskEvent);
    // Assess
    expect(act).toThrow(/Not an MSK event/);
  });
});
