import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { converterPlugins, createConverters, headerConverterPlugins } from '../../../lambdas/runtime/converters/index.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { Schemas } from '../../../lambdas/connect-api/data/Schema.js';
import type { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { DataError } from '../../../lambdas/connect-api/errors.js';
import { PluginRegistry } from '../../../lambdas/runtime/plugins/PluginRegistry.js';
import { ConversionError } from '../../../lambdas/runtime/sink/ConversionError.js';
import { decodeMskEvent, type MskEvent } from '../../../lambdas/runtime/sink/mskEvent.js';
import { convertRecord } from '../../../lambdas/runtime/sink/toSinkRecord.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/msk/${name}`, import.meta.url), 'utf8')) as MskEvent;
const registry = new PluginRegistry().register(...converterPlugins, ...headerConverterPlugins);
const convertAll = (event: MskEvent, props: Record<string, string> = {}) => {
  const c = createConverters(props, registry);
  return decodeMskEvent(event).map((raw) => convertRecord(raw, c.key, c.value, c.header));
};

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('convertRecord', () => {
  it('converts key, value and headers with the default converters and keeps the Kafka coordinates', () => {
    // Prepare
    const event = load('orders-envelope.json');
    // Act
    const [, record] = convertAll(event);
    // Assess
    expect(record).toMatchObject({ topic: 'orders', kafkaPartition: 1, kafkaOffset: 7, timestamp: 1700000000007, timestampType: 'CREATE_TIME' });
    expect(record).toMatchObject({ originalTopic: 'orders', originalKafkaPartition: 1, originalKafkaOffset: 7 });
    expect(record!.key).toBe('43');
    expect(record!.keySchema).toBe(Schemas.OPTIONAL_STRING);
    expect((record!.value as Struct).get('price')).toEqual(new Decimal(255n, 2));
    expect(record!.headers).toEqual([
      { key: 'trace-id', schema: Schemas.STRING, value: 'abc-1' },
      { key: 'retry', schema: Schemas.INT8, value: 3 },
    ]);
  });

  it('keeps the raw bytes for the dead-letter queue', () => {
    // Prepare
    const event = load('orders-envelope.json');
    const [raw] = decodeMskEvent(event);
    // Act
    const [record] = convertAll(event);
    // Assess
    expect(record!.raw.key).toEqual(raw!.key);
    expect(record!.raw.value).toEqual(raw!.value);
    expect(record!.raw.headers).toEqual(raw!.headers);
  });

  it('converts a tombstone to a null value and schema', () => {
    // Prepare
    const event = load('orders-tombstone.json');
    // Act
    const [record] = convertAll(event);
    // Assess
    expect(record).toMatchObject({ key: '42', value: null, valueSchema: null });
  });

  it('converts schemaless JSON with big integers when value.converter.schemas.enable=false', () => {
    // Prepare
    const event = load('self-managed-schemaless.json');
    const props = { 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false' };
    // Act
    const [first] = convertAll(event, props);
    // Assess
    expect(first!.key).toBeNull();
    expect(first!.value).toEqual({ user: 'u-1', count: 3, ratio: 0.5, tags: ['a', 'b'], id: 9007199254740993n });
  });

  it('throws a ConversionError with stage VALUE_CONVERTER and the class when the value does not convert', () => {
    // Prepare
    const event = load('self-managed-schemaless.json');
    // Act
    const error = caught(() => convertAll(event));
    // Assess
    expect(error).toBeInstanceOf(ConversionError);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ stage: 'VALUE_CONVERTER', converterClass: 'org.apache.kafka.connect.json.JsonConverter' });
    expect((error as Error).message).toContain('JsonConverter with schemas.enable requires "schema" and "payload" fields');
    expect((error as Error).cause).toBeInstanceOf(DataError);
  });

  it('names KEY_CONVERTER when the key fails, before the value is tried', () => {
    // Prepare
    const event = load('orders-envelope.json');
    const props = { 'key.converter': 'org.apache.kafka.connect.converters.LongConverter' };
    // Act
    const error = caught(() => convertAll(event, props));
    // Assess
    expect(error).toMatchObject({ stage: 'KEY_CONVERTER', converterClass: 'org.apache.kafka.connect.converters.LongConverter' });
  });

  it('names HEADER_CONVERTER when a header fails', () => {
    // Prepare
    const event = load('orders-envelope.json');
    const props = { 'header.converter': 'org.apache.kafka.connect.converters.IntegerConverter' };
    // Act
    const error = caught(() => convertAll(event, props));
    // Assess
    expect(error).toMatchObject({ stage: 'HEADER_CONVERTER', converterClass: 'org.apache.kafka.connect.converters.IntegerConverter' });
  });
});
