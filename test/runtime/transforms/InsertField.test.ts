import { describe, expect, it } from 'vitest';
import { LogicalNames, Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { ConfigError, DataError } from '../../../lambdas/connect-api/errors.js';
import { insertFieldKeyPlugin, insertFieldValuePlugin } from '../../../lambdas/runtime/transforms/InsertField.js';
import { run, sinkRecord, sourceRecord } from './records.js';

const ALL = { 'topic.field': 'topic!', 'partition.field': 'part', 'offset.field': 'off?', 'timestamp.field': 'ts', 'static.field': 'env', 'static.value': 'prod' };

describe('InsertField', () => {
  it('adds topic, partition, offset, timestamp and static fields to a schemaless value', () => {
    // Prepare
    const record = sinkRecord({ value: { id: 1 } });
    // Act
    const out = run(insertFieldValuePlugin, ALL, record);
    // Assess
    expect(out?.value).toEqual({ id: 1, topic: 'orders', part: 3, off: 42, ts: record.timestamp, env: 'prod' });
  });

  it('extends the Struct schema with required and optional fields and a Timestamp logical field', () => {
    // Prepare
    const schema = structSchema([['id', Schemas.INT32]], { name: 'Order' });
    const record = sinkRecord({ valueSchema: schema, value: new Struct(schema, { id: 7 }) });
    // Act
    const out = run(insertFieldValuePlugin, ALL, record)!;
    // Assess
    const fields = out.valueSchema!.fields!.map((f) => [f.name, f.schema.type, f.schema.optional]);
    expect(fields).toEqual([
      ['id', 'INT32', false],
      ['topic', 'STRING', false],
      ['part', 'INT32', true],
      ['off', 'INT64', true],
      ['ts', 'INT64', true],
      ['env', 'STRING', true],
    ]);
    expect(out.valueSchema!.name).toBe('Order');
    expect(out.valueSchema!.fields![4]!.schema.name).toBe(LogicalNames.Timestamp);
    const value = out.value as Struct;
    expect(value.get('ts')).toEqual(new Date(record.timestamp!));
    expect(value.toObject()).toMatchObject({ id: 7, topic: 'orders', part: 3, off: 42, env: 'prod' });
  });

  it('works on the key with the $Key variant and keeps the value', () => {
    // Prepare
    const record = sinkRecord({ key: { k: 1 }, value: 'v' });
    // Act
    const out = run(insertFieldKeyPlugin, { 'topic.field': 't' }, record);
    // Assess
    expect(out?.key).toEqual({ k: 1, t: 'orders' });
    expect(out?.value).toBe('v');
  });

  it('passes tombstones through unchanged', () => {
    // Prepare
    const record = sinkRecord({ value: null });
    // Act
    const out = run(insertFieldValuePlugin, { 'topic.field': 't' }, record);
    // Assess
    expect(out).toBe(record);
  });

  it('skips partition and timestamp when the record has none', () => {
    // Prepare
    const record = sourceRecord({ value: { id: 1 } });
    // Act
    const out = run(insertFieldValuePlugin, { 'partition.field': 'p', 'timestamp.field': 'ts', 'topic.field': 't' }, record);
    // Assess
    expect(out?.value).toEqual({ id: 1, t: 'orders' });
  });

  it('fails on source records when an offset field is configured', () => {
    // Prepare
    const record = sourceRecord({ value: { id: 1 } });
    // Act
    const act = () => run(insertFieldValuePlugin, { 'offset.field': 'o' }, record);
    // Assess
    expect(act).toThrow(DataError);
    expect(act).toThrow('Only SinkRecord supported for [field insertion]');
  });

  it('fails on a schemaless value that is not a map', () => {
    // Prepare
    const record = sinkRecord({ value: 'text' });
    // Act
    const act = () => run(insertFieldValuePlugin, { 'topic.field': 't' }, record);
    // Assess
    expect(act).toThrow('Only Map objects supported in absence of schema for [field insertion], found: java.lang.String');
  });

  it('rejects a config that inserts nothing, or a static field without a value', () => {
    // Prepare
    const none = {};
    const noStaticValue = { 'static.field': 'env' };
    // Act
    const actNone = () => insertFieldValuePlugin.create(none);
    const actStatic = () => insertFieldValuePlugin.create(noStaticValue);
    // Assess
    expect(actNone).toThrow(ConfigError);
    expect(actNone).toThrow('No field insertion configured');
    expect(actStatic).toThrow('Invalid value null for configuration static.value: No value specified for static field: env');
  });

  it('registers Kafka class names for both variants', () => {
    // Prepare
    const plugins = [insertFieldKeyPlugin, insertFieldValuePlugin];
    // Act
    const names = plugins.map((p) => [p.className, p.aliases]);
    // Assess
    expect(names).toEqual([
      ['org.apache.kafka.connect.transforms.InsertField$Key', ['InsertField$Key']],
      ['org.apache.kafka.connect.transforms.InsertField$Value', ['InsertField$Value']],
    ]);
  });
});
