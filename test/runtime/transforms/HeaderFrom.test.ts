import { describe, expect, it } from 'vitest';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { headerFromKeyPlugin, headerFromValuePlugin } from '../../../lambdas/runtime/transforms/HeaderFrom.js';
import { run, sinkRecord } from './records.js';

const SCHEMA = structSchema([
  ['id', Schemas.INT32],
  ['tenant', Schemas.STRING],
]);

describe('HeaderFrom', () => {
  it('moves Struct fields to headers that keep the field schema', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: new Struct(SCHEMA, { id: 1, tenant: 't1' }) });
    // Act
    const out = run(headerFromValuePlugin, { fields: 'tenant', headers: 'x-tenant', operation: 'move' }, record)!;
    // Assess
    expect(out.headers).toEqual([{ key: 'x-tenant', schema: Schemas.STRING, value: 't1' }]);
    expect(out.valueSchema!.fields!.map((f) => f.name)).toEqual(['id']);
    expect((out.value as Struct).toObject()).toEqual({ id: 1 });
  });

  it('copies schemaless key fields, missing ones as null headers', () => {
    // Prepare
    const record = sinkRecord({ key: { id: 5 } });
    // Act
    const out = run(headerFromKeyPlugin, { fields: 'id,nope', headers: 'h1,h2', operation: 'copy' }, record)!;
    // Assess
    expect(out.key).toEqual({ id: 5 });
    expect(out.headers).toEqual([
      { key: 'h1', schema: null, value: 5 },
      { key: 'h2', schema: null, value: null },
    ]);
  });

  it('fails on a null value', () => {
    // Prepare
    const record = sinkRecord({ value: null });
    // Act
    const act = () => run(headerFromValuePlugin, { fields: 'a', headers: 'b', operation: 'copy' }, record);
    // Assess
    expect(act).toThrow('Only Map objects supported in absence of schema for [header copy], found: null');
  });

  it('rejects fields and headers of different lengths, and unknown operations', () => {
    // Prepare
    const mismatch = { fields: 'a,b', headers: 'h', operation: 'copy' };
    const badOperation = { fields: 'a', headers: 'h', operation: 'steal' };
    // Act
    const actMismatch = () => headerFromValuePlugin.create(mismatch);
    const actOperation = () => headerFromValuePlugin.create(badOperation);
    // Assess
    expect(actMismatch).toThrow("'fields' config must have the same number of elements as 'headers' config.");
    expect(actOperation).toThrow('Invalid value steal for configuration operation: String must be one of: move, copy');
  });
});
