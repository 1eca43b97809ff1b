import { describe, expect, it } from 'vitest';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { valueToKeyPlugin } from '../../../lambdas/runtime/transforms/ValueToKey.js';
import { run, sinkRecord } from './records.js';

const SCHEMA = structSchema([
  ['id', Schemas.INT64],
  ['region', Schemas.OPTIONAL_STRING],
  ['total', Schemas.FLOAT64],
]);

describe('ValueToKey', () => {
  it('builds a Struct key from value fields, copying their schemas in the configured order', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: new Struct(SCHEMA, { id: 9, region: 'eu', total: 1.5 }) });
    // Act
    const out = run(valueToKeyPlugin, { fields: 'region,id' }, record)!;
    // Assess
    expect(out.keySchema!.fields!.map((f) => [f.name, f.schema])).toEqual([
      ['region', Schemas.OPTIONAL_STRING],
      ['id', Schemas.INT64],
    ]);
    expect((out.key as Struct).toObject()).toEqual({ region: 'eu', id: 9 });
    expect(out.value).toBe(record.value);
  });

  it('builds a map key from a schemaless value, absent fields as null', () => {
    // Prepare
    const record = sinkRecord({ value: { id: 1, x: 2 } });
    // Act
    const out = run(valueToKeyPlugin, { fields: 'id,missing' }, record);
    // Assess
    expect(out?.key).toEqual({ id: 1, missing: null });
    expect(out?.keySchema).toBeNull();
  });

  it('fails for an unknown field with a schema', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: new Struct(SCHEMA, { id: 1, total: 0 }) });
    // Act
    const act = () => run(valueToKeyPlugin, { fields: 'nope' }, record);
    // Assess
    expect(act).toThrow('Field does not exist: nope');
  });

  it('fails on tombstones, schemaless or with a schema', () => {
    // Prepare
    const schemaless = sinkRecord({ value: null });
    const withSchema = sinkRecord({ valueSchema: SCHEMA, value: null });
    // Act
    const actSchemaless = () => run(valueToKeyPlugin, { fields: 'id' }, schemaless);
    const actWithSchema = () => run(valueToKeyPlugin, { fields: 'id' }, withSchema);
    // Assess
    expect(actSchemaless).toThrow('Only Map objects supported in absence of schema for [copying fields from value to key], found: null');
    expect(actWithSchema).toThrow('Only Struct objects supported for [copying fields from value to key], found: null');
  });

  it('requires a non-empty fields list', () => {
    // Prepare
    const props = {};
    // Act
    const act = () => valueToKeyPlugin.create(props);
    // Assess
    expect(act).toThrow('Missing required configuration "fields" which has no default value.');
  });
});
