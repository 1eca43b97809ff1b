import { describe, expect, it } from 'vitest';
import { LogicalNames, Schemas, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { timestampConverterKeyPlugin, timestampConverterValuePlugin } from '../../../lambdas/runtime/transforms/TimestampConverter.js';
import { run, sinkRecord, thrownBy } from './records.js';

const AT = new Date(Date.UTC(2024, 0, 2, 13, 4, 5, 67));
const FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSX";

describe('TimestampConverter', () => {
  it('converts a Struct field from a string to a Timestamp, keeping its optional flag', () => {
    // Prepare
    const valueSchema = structSchema([
      ['id', Schemas.INT32],
      ['at', Schemas.OPTIONAL_STRING],
    ]);
    const record = sinkRecord({ valueSchema, value: new Struct(valueSchema, { id: 1, at: '2024-01-02T13:04:05.067Z' }) });
    // Act
    const out = run(timestampConverterValuePlugin, { field: 'at', 'target.type': 'Timestamp', format: FORMAT }, record)!;
    // Assess
    const at = out.valueSchema!.fields![1]!.schema;
    expect([at.name, at.type, at.optional]).toEqual([LogicalNames.Timestamp, 'INT64', true]);
    expect((out.value as Struct).get('at')).toEqual(AT);
  });

  it('converts a whole Timestamp value to unix epoch at each precision', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: timestampSchema(), value: AT });
    // Act
    const values = ['seconds', 'milliseconds', 'microseconds', 'nanoseconds'].map(
      (p) => run(timestampConverterValuePlugin, { 'target.type': 'unix', 'unix.precision': p }, record)?.value,
    );
    // Assess
    expect(values).toEqual([1704200645, 1704200645067, 1704200645067000, 1704200645067000000n]);
  });

  it('converts schemaless epoch numbers to Date and Time, truncating to the day or time of day', () => {
    // Prepare
    const record = sinkRecord({ value: { at: AT.getTime() } });
    // Act
    const date = run(timestampConverterValuePlugin, { field: 'at', 'target.type': 'Date' }, record);
    const time = run(timestampConverterValuePlugin, { field: 'at', 'target.type': 'Time' }, record);
    // Assess
    expect(date?.value).toEqual({ at: new Date(Date.UTC(2024, 0, 2)) });
    expect(time?.value).toEqual({ at: new Date(((13 * 60 + 4) * 60 + 5) * 1000 + 67) });
  });

  it('formats a schemaless key to a string with the $Key variant', () => {
    // Prepare
    const record = sinkRecord({ key: AT.getTime() });
    // Act
    const out = run(timestampConverterKeyPlugin, { 'target.type': 'string', format: 'yyyyMMdd HH:mm' }, record);
    // Assess
    expect(out?.key).toBe('20240102 13:04');
  });

  it('reads unix input at the configured precision', () => {
    // Prepare
    const record = sinkRecord({ value: 1704200645 });
    // Act
    const out = run(timestampConverterValuePlugin, { 'target.type': 'Timestamp', 'unix.precision': 'seconds' }, record);
    // Assess
    expect(out?.value).toEqual(new Date(1704200645000));
  });

  it('keeps nulls as null, schemaless or with a schema', () => {
    // Prepare
    const schemaless = sinkRecord({ value: null });
    const withSchema = sinkRecord({ valueSchema: { ...timestampSchema(), optional: true }, value: null });
    // Act
    const a = run(timestampConverterValuePlugin, { 'target.type': 'unix' }, schemaless);
    const b = run(timestampConverterValuePlugin, { 'target.type': 'unix' }, withSchema);
    // Assess
    expect(a?.value).toBeNull();
    expect(b?.value).toBeNull();
    expect(b?.valueSchema).toEqual(Schemas.OPTIONAL_INT64);
  });

  it('fails on a string that does not match the format', () => {
    // Prepare
    const record = sinkRecord({ value: 'yesterday' });
    // Act
    const act = () => run(timestampConverterValuePlugin, { 'target.type': 'unix', format: 'yyyy-MM-dd' }, record);
    // Assess
    expect(act).toThrow('Could not parse timestamp: value (yesterday) does not match pattern (yyyy-MM-dd)');
  });

  it('rejects string targets without a format, bad patterns and unknown target types', () => {
    // Prepare
    const cases: Array<Record<string, string>> = [{ 'target.type': 'string' }, { 'target.type': 'unix', format: 'yyyy-bb' }, { 'target.type': 'timestamp' }];
    // Act
    const messages = cases.map((props) => thrownBy(() => timestampConverterValuePlugin.create(props)).message);
    // Assess
    expect(messages).toEqual([
      'TimestampConverter requires format option to be specified when using string timestamps',
      'TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: yyyy-bb',
      'Invalid value timestamp for configuration target.type: String must be one of: string, unix, Date, Time, Timestamp',
    ]);
  });
});
