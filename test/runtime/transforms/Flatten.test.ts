import { describe, expect, it } from 'vitest';
import { Schemas, arraySchema, mapSchema, schema, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { flattenKeyPlugin, flattenValuePlugin } from '../../../lambdas/runtime/transforms/Flatten.js';
import { run, sinkRecord } from './records.js';

const ADDRESS = structSchema([
  ['city', Schemas.STRING],
  ['zip', schema('STRING', { defaultValue: '0000' })],
]);
const SCHEMA = structSchema([
  ['id', Schemas.INT32],
  ['address', { ...ADDRESS, optional: true }],
  ['tags', arraySchema(Schemas.STRING)],
]);

describe('Flatten', () => {
  it('flattens nested Structs into parent.child fields, inheriting optional-ness and defaults', () => {
    // Prepare
    const value = new Struct(SCHEMA, { id: 1, address: new Struct(ADDRESS, { city: 'Oslo', zip: '0150' }), tags: ['a'] });
    const record = sinkRecord({ valueSchema: SCHEMA, value });
    // Act
    const out = run(flattenValuePlugin, {}, record)!;
    // Assess
    const fields = out.valueSchema!.fields!.map((f) => [f.name, f.schema.type, f.schema.optional, f.schema.defaultValue]);
    expect(fields).toEqual([
      ['id', 'INT32', false, undefined],
      ['address.city', 'STRING', true, undefined],
      ['address.zip', 'STRING', true, '0000'],
      ['tags', 'ARRAY', false, undefined],
    ]);
    expect((out.value as Struct).toObject()).toEqual({ id: 1, 'address.city': 'Oslo', 'address.zip': '0150', tags: ['a'] });
  });

  it('flattens nested schemaless maps with a custom delimiter, leaving arrays untouched', () => {
    // Prepare
    const record = sinkRecord({ key: { a: { b: { c: 1 }, d: null }, list: [{ x: 1 }] } });
    // Act
    const out = run(flattenKeyPlugin, { delimiter: '_' }, record);
    // Assess
    expect(out?.key).toEqual({ a_b_c: 1, a_d: null, list: [{ x: 1 }] });
  });

  it('keeps a null nested Struct as absent fields', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: new Struct(SCHEMA, { id: 2, address: null, tags: [] }) });
    // Act
    const out = run(flattenValuePlugin, {}, record)!;
    // Assess
    expect((out.value as Struct).toObject()).toEqual({ id: 2, 'address.city': null, 'address.zip': null, tags: [] });
  });

  it('returns a schemaless tombstone unchanged and a schema tombstone as null with the flattened schema', () => {
    // Prepare
    const schemaless = sinkRecord({ value: null });
    const withSchema = sinkRecord({ valueSchema: SCHEMA, value: null });
    // Act
    const a = run(flattenValuePlugin, {}, schemaless);
    const b = run(flattenValuePlugin, {}, withSchema);
    // Assess
    expect(a).toBe(schemaless);
    expect(b?.value).toBeNull();
    expect(b!.valueSchema!.fields!.map((f) => f.name)).toContain('address.city');
  });

  it('fails on a MAP field inside a Struct schema', () => {
    // Prepare
    const withMap = structSchema([['m', mapSchema(Schemas.STRING, Schemas.STRING)]]);
    const record = sinkRecord({ valueSchema: withMap, value: new Struct(withMap, { m: {} }) });
    // Act
    const act = () => run(flattenValuePlugin, {}, record);
    // Assess
    expect(act).toThrow('Flatten transformation does not support MAP for record with schemas (for field m).');
  });
});
