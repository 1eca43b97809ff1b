import { describe, expect, it } from 'vitest';
import { Schemas, schema, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { replaceFieldKeyPlugin, replaceFieldValuePlugin } from '../../../lambdas/runtime/transforms/ReplaceField.js';
import { run, sinkRecord } from './records.js';

const SCHEMA = structSchema([
  ['id', Schemas.INT32],
  ['name', Schemas.STRING],
  ['secret', Schemas.STRING],
  ['qty', schema('INT32', { optional: true, defaultValue: 5 })],
]);

describe('ReplaceField', () => {
  it('keeps included fields, drops excluded ones (exclude wins) and renames, schemaless', () => {
    // Prepare
    const record = sinkRecord({ value: { id: 1, name: 'a', secret: 's', other: true } });
    // Act
    const out = run(replaceFieldValuePlugin, { include: 'id,name,secret', exclude: 'secret', renames: 'id:order_id' }, record);
    // Assess
    expect(out?.value).toEqual({ order_id: 1, name: 'a' });
  });

  it('rebuilds the Struct schema and values, replacing nulls with field defaults', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: new Struct(SCHEMA, { id: 1, name: 'a', secret: 's', qty: null }) });
    // Act
    const out = run(replaceFieldValuePlugin, { exclude: 'secret', renames: 'name:title,qty:quantity' }, record)!;
    // Assess
    expect(out.valueSchema!.fields!.map((f) => f.name)).toEqual(['id', 'title', 'quantity']);
    expect((out.value as Struct).toObject()).toEqual({ id: 1, title: 'a', quantity: 5 });
  });

  it('keeps nulls when replace.null.with.default is false', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: new Struct(SCHEMA, { id: 1, name: 'a', secret: 's', qty: null }) });
    // Act
    const out = run(replaceFieldValuePlugin, { include: 'qty', 'replace.null.with.default': 'false' }, record)!;
    // Assess
    expect((out.value as Struct).toObject()).toEqual({ qty: null });
  });

  it('accepts the deprecated whitelist and blacklist, the new names winning', () => {
    // Prepare
    const record = sinkRecord({ value: { a: 1, b: 2, c: 3 } });
    // Act
    const deprecated = run(replaceFieldValuePlugin, { whitelist: 'a,b', blacklist: 'b' }, record);
    const both = run(replaceFieldValuePlugin, { blacklist: 'a', exclude: 'c' }, record);
    // Assess
    expect(deprecated?.value).toEqual({ a: 1 });
    expect(both?.value).toEqual({ a: 1, b: 2 });
  });

  it('works on the key with the $Key variant and passes null keys through', () => {
    // Prepare
    const record = sinkRecord({ key: { id: 1, x: 2 } });
    const tombstoneKey = sinkRecord({ key: null });
    // Act
    const out = run(replaceFieldKeyPlugin, { exclude: 'x' }, record);
    const nullOut = run(replaceFieldKeyPlugin, { exclude: 'x' }, tombstoneKey);
    // Assess
    expect(out?.key).toEqual({ id: 1 });
    expect(nullOut).toBe(tombstoneKey);
  });

  it('rejects a malformed rename mapping', () => {
    // Prepare
    const props = { renames: 'a:b,c' };
    // Act
    const act = () => replaceFieldValuePlugin.create(props);
    // Assess
    expect(act).toThrow('Invalid value [a:b, c] for configuration renames: Invalid rename mapping: c');
  });
});
