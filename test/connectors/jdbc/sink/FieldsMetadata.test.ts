// pk.mode semantics (Kafka's FieldsMetadata): which columns are keys, which are values, and Kafka's errors.
import { describe, expect, it } from 'vitest';
import { Schemas, structSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { extractFields, type FieldsSpec } from '../../../../lambdas/connectors/jdbc/sink/FieldsMetadata.js';
import { keySchema, valueSchema } from './fixtures.js';

const spec = (pkMode: FieldsSpec['pkMode'], pkFields: string[] = [], fieldsWhitelist: string[] = []): FieldsSpec => ({ pkMode, pkFields, fieldsWhitelist });
const names = (m: ReturnType<typeof extractFields>) => [m.keyColumns.map((c) => c.name), m.valueColumns.map((c) => c.name)];

describe('extractFields', () => {
  it('uses no key with pk.mode=none and every value field as a column', () => {
    expect(names(extractFields('t', spec('none'), keySchema, valueSchema))).toEqual([[], ['id', 'name', 'qty']]);
  });

  it('uses the Kafka coordinates with pk.mode=kafka, default or configured names', () => {
    // Act
    const defaults = extractFields('t', spec('kafka'), null, valueSchema);
    const named = extractFields('t', spec('kafka', ['t', 'p', 'o']), null, valueSchema);

    // Assess
    expect(names(defaults)).toEqual([['__connect_topic', '__connect_partition', '__connect_offset'], ['id', 'name', 'qty']]);
    expect(defaults.keyColumns.map((c) => c.schema.type)).toEqual(['STRING', 'INT32', 'INT64']);
    expect(names(named)[0]).toEqual(['t', 'p', 'o']);
    expect(() => extractFields('t', spec('kafka', ['a']), null, valueSchema)).toThrow(
      "PK mode for table 't' is KAFKA so there should either be no field names defined for defaults [__connect_topic, __connect_partition, __connect_offset] to be applicable, or exactly 3, defining fields in that order",
    );
  });

  it('needs exactly one pk field for a primitive record key', () => {
    expect(names(extractFields('t', spec('record_key', ['id']), Schemas.INT64, valueSchema))).toEqual([['id'], ['name', 'qty']]);
    expect(() => extractFields('t', spec('record_key'), Schemas.STRING, valueSchema)).toThrow(
      'Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: []',
    );
  });

  it('uses all fields of a Struct key, or the configured subset, and rejects unknown ones', () => {
    // Prepare
    const key = structSchema([
      ['region', Schemas.STRING],
      ['id', Schemas.INT32],
    ]);

    // Act / Assess
    expect(names(extractFields('t', spec('record_key'), key, valueSchema))).toEqual([['region', 'id'], ['name', 'qty']]);
    expect(names(extractFields('t', spec('record_key', ['id']), key, valueSchema))).toEqual([['id'], ['name', 'qty']]);
    expect(() => extractFields('t', spec('record_key', ['nope']), key, valueSchema)).toThrow(
      "PK mode for table 't' is RECORD_KEY with configured PK fields [nope], but record key schema does not contain field: nope",
    );
  });

  it('uses value fields as keys with pk.mode=record_value, and filters value columns by fields.whitelist', () => {
    expect(names(extractFields('t', spec('record_value'), null, valueSchema))).toEqual([['id', 'name', 'qty'], []]);
    expect(names(extractFields('t', spec('record_value', ['id'], ['qty']), null, valueSchema))).toEqual([['id'], ['qty']]);
  });

  it("refuses non-Struct values and schemas that give no column at all, with Kafka's messages", () => {
    expect(() => extractFields('t', spec('none'), null, Schemas.STRING)).toThrow('Value schema must be of type Struct');
    expect(() => extractFields('t', spec('none'), null, structSchema([]))).toThrow('No fields found using key and value schemas for table: t');
  });
});
