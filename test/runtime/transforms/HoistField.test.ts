import { describe, expect, it } from 'vitest';
import { Schemas } from '../../../lambdas/connect-api/data/Schema.js';
import type { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { hoistFieldKeyPlugin, hoistFieldValuePlugin } from '../../../lambdas/runtime/transforms/HoistField.js';
import { run, sinkRecord } from './records.js';

describe('HoistField', () => {
  it('wraps a value with a schema into a single-field Struct', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: Schemas.INT64, value: 42 });
    // Act
    const out = run(hoistFieldValuePlugin, { field: 'id' }, record)!;
    // Assess
    expect(out.valueSchema!.type).toBe('STRUCT');
    expect(out.valueSchema!.fields!.map((f) => [f.name, f.schema])).toEqual([['id', Schemas.INT64]]);
    expect((out.value as Struct).get('id')).toBe(42);
  });

  it('wraps a schemaless key into a map, null included', () => {
    // Prepare
    const record = sinkRecord({ key: 'k1' });
    const nullKey = sinkRecord({ key: null });
    // Act
    const out = run(hoistFieldKeyPlugin, { field: 'id' }, record);
    const outNull = run(hoistFieldKeyPlugin, { field: 'id' }, nullKey);
    // Assess
    expect(out?.key).toEqual({ id: 'k1' });
    expect(outNull?.key).toEqual({ id: null });
  });

  it('wraps a null value of an optional schema', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: Schemas.OPTIONAL_STRING, value: null });
    // Act
    const out = run(hoistFieldValuePlugin, { field: 'v' }, record)!;
    // Assess
    expect((out.value as Struct).get('v')).toBeNull();
  });

  it('requires the field key', () => {
    // Prepare
    const props = {};
    // Act
    const act = () => hoistFieldValuePlugin.create(props);
    // Assess
    expect(act).toThrow('Missing required configuration "field" which has no default value.');
  });
});
