// The JsonSchemaConverter against @kafkajs/confluent-schema-registry's own JSON Schema encoder and decoder, through
// the embedded registry.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { LogicalNames, Schemas, decimalSchema, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { DataError } from '../../../lambdas/connect-api/errors.js';
import { jsonSchemaConverterPlugin } from '../../../lambdas/runtime/converters/JsonSchemaConverter.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { type SchemaRegistryHandle, startSchemaRegistry } from '../../../local/schemaRegistry/server.js';

let registry: SchemaRegistryHandle;
let client: SchemaRegistry;
beforeAll(async () => {
  registry = await startSchemaRegistry({ port: 0 });
  // Confluent's connect.* keywords are not JSON Schema keywords: the library's ajv is told to allow them, as Confluent's own validator does.
  client = new SchemaRegistry({ host: registry.url, retry: { retries: 0 } }, { [SchemaType.JSON]: { strict: false } });
});
afterAll(() => registry.stop());

const PERSON = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'p16cf.Person',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    score: { type: 'number' },
    tags: { type: 'array', items: { type: 'string' } },
    nick: { oneOf: [{ type: 'null' }, { type: 'string' }] },
    joined: { type: 'integer', title: LogicalNames.Timestamp, 'connect.type': 'int64' },
  },
  required: ['id', 'name'],
};

const converter = (props: Record<string, string> = {}) => jsonSchemaConverterPlugin.create({ 'schema.registry.url': registry.url, ...props }, false);

describe('JsonSchemaConverter', () => {
  it('is registered under its Confluent class name', () => {
    expect(builtinPlugins().find('JsonSchemaConverter', 'converter')?.className).toBe('io.confluent.connect.json.JsonSchemaConverter');
  });

  it('reads JSON the kafkajs library encoded into a Connect struct named by the title', async () => {
    const { id } = await client.register({ type: SchemaType.JSON, schema: JSON.stringify(PERSON) }, { subject: 'p16cf-people-value' });
    const bytes = await client.encode(id, { id: 3, name: 'Ada', score: 9.5, tags: ['x'], nick: null, joined: 1_700_000_000_000 });
    const c = converter();

    await c.prefetch!('p16cf-people', [bytes]);
    const { schema, value } = c.toConnectData('p16cf-people', [], bytes);

    expect(schema).toMatchObject({ type: 'STRUCT', name: 'p16cf.Person' });
    expect(schema!.fields!.map((f) => [f.name, f.schema.type, f.schema.optional])).toEqual([
      ['id', 'INT64', false],
      ['name', 'STRING', false],
      ['score', 'FLOAT64', true],
      ['tags', 'ARRAY', true],
      ['nick', 'STRING', true],
      ['joined', 'INT64', true],
    ]);
    const s = value as Struct;
    expect(s.toObject()).toEqual({ id: 3, name: 'Ada', score: 9.5, tags: ['x'], nick: null, joined: new Date(1_700_000_000_000) });
  });

  it('fails a record that does not match its schema: by ajv with json.fail.invalid.schema, else by conversion', async () => {
    const { id } = await client.register({ type: SchemaType.JSON, schema: JSON.stringify(PERSON) }, { subject: 'p16cf-people2-value' });
    const header = Buffer.alloc(5);
    header.writeUInt32BE(id, 1);
    const missingName = Buffer.concat([header, Buffer.from('{"id":1}')]);
    const notJson = Buffer.concat([header, Buffer.from('{"id":')]);
    const strict = converter({ 'json.fail.invalid.schema': 'true' });
    await strict.prefetch!('p16cf-people2', [missingName, notJson]);

    expect(() => strict.toConnectData('p16cf-people2', [], missingName)).toThrow(/must have required property 'name'/);
    expect(() => strict.toConnectData('p16cf-people2', [], notJson)).toThrow(DataError);
    const lenient = converter();
    await lenient.prefetch!('p16cf-people2', [missingName]);
    expect(() => lenient.toConnectData('p16cf-people2', [], missingName)).toThrow(/Invalid null value for required STRING/);
  });

  it('registers a JSON Schema for a Connect struct and writes JSON the kafkajs library decodes', async () => {
    const ROW = structSchema([['id', Schemas.INT32], ['price', decimalSchema(2)], ['at', timestampSchema()], ['note', Schemas.OPTIONAL_STRING]], { name: 'p16cf.Row' });
    const c = converter({ 'json.fail.invalid.schema': 'true' });
    await c.prepare!('p16cf-rows', ROW);

    const bytes = c.fromConnectData('p16cf-rows', [], ROW, new Struct(ROW, { id: 1, price: Decimal.parse('4.50'), at: new Date(86_400_000), note: null }))!;

    expect(await new SchemaRegistry({ host: registry.url }, { [SchemaType.JSON]: { strict: false } }).decode(Buffer.from(bytes))).toEqual({ id: 1, price: 4.5, at: 86_400_000, note: null });
    const back = converter();
    await back.prefetch!('p16cf-rows', [bytes]);
    const read = back.toConnectData('p16cf-rows', [], bytes);
    expect(read.schema!.fields!.map((f) => [f.name, f.schema.name ?? f.schema.type])).toEqual([
      ['id', 'INT32'],
      ['price', LogicalNames.Decimal],
      ['at', LogicalNames.Timestamp],
      ['note', 'STRING'],
    ]);
    expect((read.value as Struct).get('price')).toEqual(new Decimal(450n, 2));
  });
});
