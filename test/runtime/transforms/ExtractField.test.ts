import { describe, expect, it } from 'vitest';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { extractFieldKeyPlugin, extractFieldValuePlugin } from '../../../lambdas/runtime/transforms/ExtractField.js';
import { parseFieldPath } from '../../../lambdas/runtime/transforms/fieldPath.js';
import { run, sinkRecord } from './records.js';

const INNER = structSchema([['city', Schemas.STRING]]);
const SCHEMA = structSchema([
  ['id', Schemas.INT32],
  ['address', INNER],
  ['a.b', Schemas.STRING],
]);
const VALUE = new Struct(SCHEMA, { id: 4, address: new Struct(INNER, { city: 'Oslo' }), 'a.b': 'dotted' });

describe('ExtractField', () => {
  it('replaces a Struct value with one field and its schema', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: VALUE });
    // Act
    const out = run(extractFieldValuePlugin, { field: 'id' }, record)!;
    // Assess
    expect(out.value).toBe(4);
    expect(out.valueSchema).toBe(Schemas.INT32);
  });

  it('extracts from a schemaless key, missing fields as null', () => {
    // Prepare
    const record = sinkRecord({ key: { id: 'k1' } });
    // Act
    const out = run(extractFieldKeyPlugin, { field: 'id' }, record);
    const missing = run(extractFieldKeyPlugin, { field: 'nope' }, record);
    // Assess
    expect(out?.key).toBe('k1');
    expect(missing?.key).toBeNull();
  });

  it('keeps null as null, with the field schema when there is one', () => {
    // Prepare
    const schemaless = sinkRecord({ value: null });
    const withSchema = sinkRecord({ valueSchema: SCHEMA, value: null });
    // Act
    const outSchemaless = run(extractFieldValuePlugin, { field: 'id' }, schemaless);
    const outWithSchema = run(extractFieldValuePlugin, { field: 'id' }, withSchema);
    // Assess
    expect(outSchemaless?.value).toBeNull();
    expect(outWithSchema?.value).toBeNull();
    expect(outWithSchema?.valueSchema).toBe(Schemas.INT32);
  });

  it('fails for an unknown field with a schema', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: VALUE });
    // Act
    const act = () => run(extractFieldValuePlugin, { field: 'nope' }, record);
    // Assess
    expect(act).toThrow('Unknown field: nope');
  });

  it('reads nested paths with field.syntax.version=V2, and dotted names literally with V1', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: VALUE });
    const schemaless = sinkRecord({ value: { address: { city: 'Rome' } } });
    // Act
    const nested = run(extractFieldValuePlugin, { field: 'address.city', 'field.syntax.version': 'V2' }, record);
    const quoted = run(extractFieldValuePlugin, { field: '`a.b`', 'field.syntax.version': 'V2' }, record);
    const v1 = run(extractFieldValuePlugin, { field: 'a.b' }, record);
    const nestedMap = run(extractFieldValuePlugin, { field: 'address.city', 'field.syntax.version': 'V2' }, schemaless);
    // Assess
    expect(nested?.value).toBe('Oslo');
    expect(quoted?.value).toBe('dotted');
    expect(v1?.value).toBe('dotted');
    expect(nestedMap?.value).toBe('Rome');
  });

  it('parses V2 paths with backtick quoting and escaped backticks', () => {
    // Prepare
    const paths = ['a.b.c', '`a.b`.c', '`a\\`b`', 'a'];
    // Act
    const parsed = paths.map((p) => parseFieldPath(p, 'V2'));
    // Assess
    expect(parsed).toEqual([['a', 'b', 'c'], ['a.b', 'c'], ['a`b'], ['a']]);
  });

  it('rejects an unknown field.syntax.version', () => {
    // Prepare
    const props = { field: 'a', 'field.syntax.version': 'V3' };
    // Act
    const act = () => extractFieldValuePlugin.create(props);
    // Assess
    expect(act).toThrow('Invalid value V3 for configuration field.syntax.version');
  });
});
