import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { Schemas, decimalSchema, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { DataError } from '../../../lambdas/connect-api/errors.js';
import { maskFieldKeyPlugin, maskFieldValuePlugin } from '../../../lambdas/runtime/transforms/MaskField.js';
import { run, sinkRecord } from './records.js';

describe('MaskField', () => {
  it('masks schemaless fields to type-neutral values and writes absent fields as null', () => {
    // Prepare
    const record = sinkRecord({ value: { n: 5, f: 1.5, s: 'x', b: true, l: [1], m: { a: 1 }, keep: 'k' } });
    // Act
    const out = run(maskFieldValuePlugin, { fields: 'n,f,s,b,l,m,absent' }, record);
    // Assess
    expect(out?.value).toEqual({ n: 0, f: 0, s: '', b: false, l: [], m: {}, absent: null, keep: 'k' });
  });

  it('masks Struct fields including Decimal and Timestamp, leaving null fields null', () => {
    // Prepare
    const schema = structSchema([
      ['price', decimalSchema(2)],
      ['at', timestampSchema()],
      ['note', Schemas.OPTIONAL_STRING],
    ]);
    const record = sinkRecord({ valueSchema: schema, value: new Struct(schema, { price: Decimal.parse('9.99'), at: new Date(5000), note: null }) });
    // Act
    const out = run(maskFieldValuePlugin, { fields: 'price,at,note' }, record)!;
    // Assess
    const value = out.value as Struct;
    expect((value.get('price') as Decimal).toString()).toBe('0.00');
    expect(value.get('at')).toEqual(new Date(0));
    expect(value.get('note')).toBeNull();
    expect(out.valueSchema).toBe(schema);
  });

  it('masks with a replacement converted to the field type', () => {
    // Prepare
    const schema = structSchema([
      ['ssn', Schemas.STRING],
      ['pin', Schemas.INT16],
      ['ratio', Schemas.FLOAT64],
    ]);
    const record = sinkRecord({ valueSchema: schema, value: new Struct(schema, { ssn: '123', pin: 42, ratio: 0.5 }) });
    // Act
    const out = run(maskFieldValuePlugin, { fields: 'ssn,pin,ratio', replacement: '-1' }, record)!;
    // Assess
    expect((out.value as Struct).toObject()).toEqual({ ssn: '-1', pin: -1, ratio: -1 });
  });

  it('fails when a replacement does not fit the field type', () => {
    // Prepare
    const numeric = sinkRecord({ value: { n: 1 } });
    const flag = sinkRecord({ value: { b: true } });
    // Act
    const actNumber = () => run(maskFieldValuePlugin, { fields: 'n', replacement: 'abc' }, numeric);
    const actBoolean = () => run(maskFieldValuePlugin, { fields: 'b', replacement: 'x' }, flag);
    // Assess
    expect(actNumber).toThrow('Unable to convert abc (class java.lang.String) to number');
    expect(actBoolean).toThrow('Cannot mask value of type class java.lang.Boolean with custom replacement.');
  });

  it('fails on a null record value (no tombstone pass-through, as in Kafka 3.9)', () => {
    // Prepare
    const record = sinkRecord({ value: null });
    // Act
    const act = () => run(maskFieldValuePlugin, { fields: 'a' }, record);
    // Assess
    expect(act).toThrow(DataError);
  });

  it('masks the key with the $Key variant', () => {
    // Prepare
    const record = sinkRecord({ key: { id: 'abc' }, value: { id: 'abc' } });
    // Act
    const out = run(maskFieldKeyPlugin, { fields: 'id' }, record);
    // Assess
    expect(out?.key).toEqual({ id: '' });
    expect(out?.value).toEqual({ id: 'abc' });
  });

  it('rejects an empty field list and an empty replacement', () => {
    // Prepare
    const emptyFields = { fields: '' };
    const emptyReplacement = { fields: 'a', replacement: '' };
    // Act
    const actFields = () => maskFieldValuePlugin.create(emptyFields);
    const actReplacement = () => maskFieldValuePlugin.create(emptyReplacement);
    // Assess
    expect(actFields).toThrow('Invalid value [] for configuration fields: Empty list');
    expect(actReplacement).toThrow('Invalid value  for configuration replacement: String may not be empty');
  });
});
