import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { Schemas, decimalSchema, schema, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { ConfigError, DataError } from '../../../lambdas/connect-api/errors.js';
import { castKeyPlugin, castValuePlugin } from '../../../lambdas/runtime/transforms/Cast.js';
import { run, sinkRecord, thrownBy } from './records.js';

describe('Cast', () => {
  it('casts Struct fields and keeps optional flags and (cast) defaults', () => {
    // Prepare
    const valueSchema = structSchema([
      ['id', Schemas.STRING],
      ['qty', schema('INT32', { optional: true, defaultValue: 7 })],
      ['flag', Schemas.INT8],
      ['keep', Schemas.BOOLEAN],
    ]);
    const record = sinkRecord({ valueSchema, value: new Struct(valueSchema, { id: '12', qty: 300, flag: 0, keep: true }) });
    // Act
    const out = run(castValuePlugin, { spec: 'id:int64,qty:string,flag:boolean' }, record)!;
    // Assess
    const fields = out.valueSchema!.fields!.map((f) => [f.name, f.schema.type, f.schema.optional, f.schema.defaultValue]);
    expect(fields).toEqual([
      ['id', 'INT64', false, undefined],
      ['qty', 'STRING', true, '7'],
      ['flag', 'BOOLEAN', false, undefined],
      ['keep', 'BOOLEAN', false, undefined],
    ]);
    expect((out.value as Struct).toObject()).toEqual({ id: 12, qty: '300', flag: false, keep: true });
  });

  it('narrows numbers as Java does: integer overflow wraps, floats truncate', () => {
    // Prepare
    const record = sinkRecord({ value: { a: 300, b: -1.9, c: 1.5, d: true } });
    // Act
    const out = run(castValuePlugin, { spec: 'a:int8,b:int32,c:boolean,d:float32' }, record);
    // Assess
    expect(out?.value).toEqual({ a: 44, b: -1, c: true, d: 1 });
  });

  it('casts a whole schemaless value, and absent listed fields become null', () => {
    // Prepare
    const whole = sinkRecord({ value: '3.25' });
    const map = sinkRecord({ value: { a: '1' } });
    // Act
    const outWhole = run(castValuePlugin, { spec: 'float64' }, whole);
    const outMap = run(castValuePlugin, { spec: 'a:int16,b:string' }, map);
    // Assess
    expect(outWhole?.value).toBe(3.25);
    expect(outMap?.value).toEqual({ a: 1, b: null });
  });

  it('casts logical and binary values: Timestamp to epoch or ISO text, Decimal to number, bytes to base64', () => {
    // Prepare
    const valueSchema = structSchema([
      ['at', timestampSchema()],
      ['at2', timestampSchema()],
      ['price', decimalSchema(2)],
      ['raw', Schemas.BYTES],
    ]);
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
    const value = new Struct(valueSchema, { at, at2: at, price: Decimal.parse('12.75'), raw: Uint8Array.from([1, 2, 3]) });
    const record = sinkRecord({ valueSchema, value });
    // Act
    const out = run(castValuePlugin, { spec: 'at:int64,at2:string,price:float64,raw:string' }, record)!;
    // Assess
    expect((out.value as Struct).toObject()).toEqual({ at: at.getTime(), at2: '2024-01-02T03:04:05.006Z', price: 12.75, raw: 'AQID' });
  });

  it('casts the whole key with the $Key variant, keeping the schema name', () => {
    // Prepare
    const record = sinkRecord({ keySchema: schema('INT32', { name: 'Id', optional: true }), key: 5 });
    // Act
    const out = run(castKeyPlugin, { spec: 'string' }, record)!;
    // Assess
    expect(out.key).toBe('5');
    expect(out.keySchema).toMatchObject({ type: 'STRING', name: 'Id', optional: true });
  });

  it('passes null values through unchanged', () => {
    // Prepare
    const record = sinkRecord({ value: null });
    // Act
    const out = run(castValuePlugin, { spec: 'int8' }, record);
    // Assess
    expect(out).toBe(record);
  });

  it('fails on unparseable strings and unsupported input types', () => {
    // Prepare
    const text = sinkRecord({ value: { a: 'abc' } });
    const nested = sinkRecord({ value: { a: { b: 1 } } });
    // Act
    const actText = () => run(castValuePlugin, { spec: 'a:int32' }, text);
    const actNested = () => run(castValuePlugin, { spec: 'a:string' }, nested);
    // Assess
    expect(actText).toThrow('Value (abc) was out of range for requested data type');
    expect(actNested).toThrow(DataError);
  });

  it('rejects bad specs with Kafka messages', () => {
    // Prepare
    const specs = ['a:decimal', 'int8,a:int16', 'a:bytes', ''];
    // Act
    const thrown = specs.map((spec) => thrownBy(() => castValuePlugin.create({ spec })));
    const errors = thrown.map((e) => e.message);
    // Assess
    expect(thrown.every((e) => e instanceof ConfigError)).toBe(true);
    expect(errors).toEqual([
      'Invalid type found in casting spec: decimal',
      'Cast transformations that specify a type to cast the entire value to may ony specify a single cast in their spec',
      'Cast transformation does not support casting to BYTES; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]',
      'Must specify at least one field to cast.',
    ]);
  });
});
