import { describe, expect, it } from 'vitest';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { setSchemaMetadataKeyPlugin, setSchemaMetadataValuePlugin } from '../../../lambdas/runtime/transforms/SetSchemaMetadata.js';
import { run, sinkRecord } from './records.js';

const SCHEMA = structSchema([['id', Schemas.INT32]], { name: 'Old', version: 1 });

describe('SetSchemaMetadata', () => {
  it('sets name and version and rebuilds the Struct on the new schema', () => {
    // Prepare
    const record = sinkRecord({ valueSchema: SCHEMA, value: new Struct(SCHEMA, { id: 3 }) });
    // Act
    const out = run(setSchemaMetadataValuePlugin, { 'schema.name': 'com.example.Order', 'schema.version': '2' }, record)!;
    // Assess
    expect(out.valueSchema).toMatchObject({ name: 'com.example.Order', version: 2, type: 'STRUCT' });
    expect((out.value as Struct).schema).toBe(out.valueSchema);
    expect((out.value as Struct).get('id')).toBe(3);
  });

  it('changes only the name on a primitive key schema', () => {
    // Prepare
    const record = sinkRecord({ keySchema: Schemas.STRING, key: 'k' });
    // Act
    const out = run(setSchemaMetadataKeyPlugin, { 'schema.name': 'Key' }, record)!;
    // Assess
    expect(out.keySchema).toMatchObject({ type: 'STRING', name: 'Key' });
    expect(out.key).toBe('k');
  });

  it('requires a schema unless the value is a schemaless null', () => {
    // Prepare
    const schemaless = sinkRecord({ value: { id: 1 } });
    const tombstone = sinkRecord({ value: null });
    // Act
    const act = () => run(setSchemaMetadataValuePlugin, { 'schema.name': 'X' }, schemaless);
    const out = run(setSchemaMetadataValuePlugin, { 'schema.name': 'X' }, tombstone);
    // Assess
    expect(act).toThrow('Schema required for [updating schema metadata]');
    expect(out).toBe(tombstone);
  });

  it('requires a name or a version', () => {
    // Prepare
    const props = {};
    // Act
    const act = () => setSchemaMetadataValuePlugin.create(props);
    // Assess
    expect(act).toThrow('Neither schema name nor version configured');
  });
});
