// The Glue converter with its SDK adapter, the AWS SDK mocked at its boundary (aws-sdk-client-mock): records written
// by avsc (not by us) behind a hand-laid Glue header decode to Connect structs; schema versions are fetched once per
// id per container and per batch, never per record; a fetch failure is retriable, a bad message is the record's
// DataError; written records register their schema (CreateSchema / RegisterSchemaVersion with the parameters AWS's
// API reference allows) and read back.
// Parameter limits: AWS Glue API reference, https://docs.aws.amazon.com/glue/latest/webapi/API_GetSchemaByDefinition.html
// (SchemaDefinition 1 to 170000 characters), https://docs.aws.amazon.com/glue/latest/webapi/API_SchemaId.html
// (RegistryName, SchemaName: 1 to 255 of [a-zA-Z0-9-_$#.]) and https://docs.aws.amazon.com/glue/latest/webapi/API_GetSchemaVersion.html
// (SchemaVersionId: 36 characters).
import { CreateSchemaCommand, GetSchemaByDefinitionCommand, GetSchemaVersionCommand, GlueClient, RegisterSchemaVersionCommand } from '@aws-sdk/client-glue';
import avro from 'avsc';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GlueSdkRegistry } from '../../../../lambdas/adapters/aws/GlueSdkRegistry.js';
import { Schemas, structSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import { DataError, RetriableError } from '../../../../lambdas/connect-api/errors.js';
import { AWSKafkaAvroConverter, glueAvroConverterPlugin, glueConverterConfigDef } from '../../../../lambdas/runtime/converters/glue/AWSKafkaAvroConverter.js';
import { provideGlueRegistry } from '../../../../lambdas/runtime/converters/glue/GlueRegistryClient.js';
import { encodeGlueMessage } from '../../../../lambdas/runtime/converters/glue/wireFormat.js';

const glue = mockClient(GlueClient);
const ORDER = { type: 'record', name: 'Order', namespace: 'p16reg', fields: [{ name: 'id', type: 'int' }, { name: 'item', type: 'string' }, { name: 'note', type: ['null', 'string'], default: null }] };
const ORDER_TYPE = avro.Type.forSchema(ORDER as avro.Schema);
const V1 = '0b6f2a2e-4e1c-4d6a-9b1f-3c2d1e0f9a8b';
const V2 = '5d1e9c3a-7b2f-4a8e-8c6d-1f0e2d3c4b5a';

/** A message as the Glue SerDe writes it: the header by hand, the Avro body by avsc. */
function message(id: string, record: unknown, compression: 'NONE' | 'ZLIB' = 'NONE'): Uint8Array {
  return encodeGlueMessage(id, ORDER_TYPE.toBuffer(record), compression);
}

let n = 0;
/** A fresh client per test (the schema caches live per client for the container's life). */
function converter(props: Record<string, string> = {}): AWSKafkaAvroConverter {
  n += 1;
  return new AWSKafkaAvroConverter({ region: 'eu-west-1', endpoint: `https://glue-${n}.example`, ...props });
}

beforeEach(() => {
  glue.reset();
  provideGlueRegistry((s) => new GlueSdkRegistry(new GlueClient({ region: s.region ?? 'eu-west-1', ...(s.endpoint ? { endpoint: s.endpoint } : {}) }), { pendingDelayMs: 0 }));
});
afterAll(() => {
  glue.restore();
  provideGlueRegistry(undefined);
});

describe('AWSKafkaAvroConverter reading', () => {
  it('decodes records written by avsc behind a Glue header into Connect structs, compressed or not', async () => {
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V1 }).resolves({ SchemaVersionId: V1, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ORDER), Status: 'AVAILABLE' });
    const c = converter();
    const a = message(V1, { id: 1, item: 'widget', note: null });
    const b = message(V1, { id: 2, item: 'gadget', note: 'rush' }, 'ZLIB');
    await c.prefetch('orders', [a, null, b]);
    const first = c.toConnectData('orders', [], a);
    expect(first.schema?.name).toBe('p16reg.Order');
    expect((first.value as Struct).get('item')).toBe('widget');
    expect((first.value as Struct).get('note')).toBeNull();
    expect((c.toConnectData('orders', [], b).value as Struct).get('note')).toBe('rush');
    expect(c.toConnectData('orders', [], null)).toEqual({ schema: null, value: null });
  });

  it('fetches each schema version once per container: one GetSchemaVersion per id per batch, none for ids already cached', async () => {
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V1 }).resolves({ SchemaVersionId: V1, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ORDER) });
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V2 }).resolves({ SchemaVersionId: V2, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ORDER) });
    const c = converter();
    const batch = Array.from({ length: 50 }, (_, i) => message(i % 2 ? V1 : V2, { id: i, item: 'x', note: null }));
    await c.prefetch('orders', batch);
    expect(glue.commandCalls(GetSchemaVersionCommand).map((call) => call.args[0].input.SchemaVersionId).sort()).toEqual([V1, V2].sort());
    for (const m of batch) c.toConnectData('orders', [], m);
    await c.prefetch('orders', batch);
    // Another converter of the same container (same Region and endpoint) shares the cache.
    const sibling = new AWSKafkaAvroConverter({ region: 'eu-west-1', endpoint: `https://glue-${n}.example` });
    await sibling.prefetch('orders', batch);
    expect(glue.commandCalls(GetSchemaVersionCommand)).toHaveLength(2);
  });

  it('keeps every schema version of the batch, even more than the container cache holds', async () => {
    glue.on(GetSchemaVersionCommand).callsFake((input: { SchemaVersionId: string }) => ({ SchemaVersionId: input.SchemaVersionId, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ORDER) }));
    const c = converter({ cacheSize: '2' });
    const ids = Array.from({ length: 5 }, (_, i) => `0b6f2a2e-4e1c-4d6a-9b1f-3c2d1e0f9a8${i}`);
    const batch = ids.map((id, i) => message(id, { id: i, item: 'x', note: null }));
    await c.prefetch('orders', batch);
    expect(batch.map((m) => (c.toConnectData('orders', [], m).value as Struct).get('id'))).toEqual([0, 1, 2, 3, 4]);
    expect(glue.commandCalls(GetSchemaVersionCommand)).toHaveLength(5);
  });

  it('rejects the batch with a RetriableError when GetSchemaVersion fails, and fetches it again on the retry', async () => {
    glue.on(GetSchemaVersionCommand).rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })).resolves({ SchemaVersionId: V1, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ORDER) });
    const c = converter();
    const m = message(V1, { id: 1, item: 'x', note: null });
    const error = await c.prefetch('orders', [m]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriableError);
    expect((error as Error).message).toContain('ThrottlingException');
    await c.prefetch('orders', [m]);
    expect((c.toConnectData('orders', [], m).value as Struct).get('id')).toBe(1);
  });

  it("makes a message in another format, a payload that does not decode and a schema that does not parse that record's DataError", async () => {
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V1 }).resolves({ SchemaVersionId: V1, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ORDER) });
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V2 }).resolves({ SchemaVersionId: V2, DataFormat: 'AVRO', SchemaDefinition: '{"type":"record","name":"Bad","fields":[{"name":"a","type":"nope"}]}' });
    const c = converter();
    const confluent = Uint8Array.from([0, 0, 0, 0, 7, 2, 4]);
    const truncated = encodeGlueMessage(V1, Uint8Array.from([2, 10, 0x61]), 'NONE');
    const broken = encodeGlueMessage(V2, Uint8Array.from([2]), 'NONE');
    await c.prefetch('orders', [confluent, truncated, broken]);
    expect(() => c.toConnectData('orders', [], confluent)).toThrow(DataError);
    expect(() => c.toConnectData('orders', [], truncated)).toThrow(DataError);
    expect(() => c.toConnectData('orders', [], broken)).toThrow(DataError);
  });

  it('reads schema versions of JSON data format as schemaless JSON values', async () => {
    glue.on(GetSchemaVersionCommand).resolves({ SchemaVersionId: V1, DataFormat: 'JSON', SchemaDefinition: '{"type":"object"}' });
    const c = converter();
    const m = encodeGlueMessage(V1, Buffer.from('{"id":5,"tags":["a"]}'), 'ZLIB');
    await c.prefetch('orders', [m]);
    expect(c.toConnectData('orders', [], m)).toEqual({ schema: null, value: { id: 5, tags: ['a'] } });
  });
});

const ORDER_CONNECT = structSchema(
  [
    ['id', Schemas.INT32],
    ['item', Schemas.STRING],
  ],
  { name: 'p16reg.Order' },
);
const order = (id: number, item: string) => new Struct(ORDER_CONNECT, { id, item });

describe('AWSKafkaAvroConverter writing', () => {
  it('creates the schema when auto-registration is on, with parameters within the API limits, and writes records that read back', async () => {
    const notFound = Object.assign(new Error('Schema is not found'), { name: 'EntityNotFoundException' });
    glue.on(GetSchemaByDefinitionCommand).rejects(notFound);
    glue.on(RegisterSchemaVersionCommand).rejects(notFound);
    glue.on(CreateSchemaCommand).resolves({ SchemaVersionId: V1, SchemaVersionStatus: 'AVAILABLE' });
    const c = converter({ schemaAutoRegistrationEnabled: 'true', 'registry.name': 'shop', compression: 'ZLIB' });
    await c.prepare('orders', ORDER_CONNECT);
    await c.prepare('orders', ORDER_CONNECT);
    expect(glue.commandCalls(CreateSchemaCommand)).toHaveLength(1);
    const input = glue.commandCalls(CreateSchemaCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ RegistryId: { RegistryName: 'shop' }, SchemaName: 'orders', DataFormat: 'AVRO', Compatibility: 'BACKWARD' });
    expect(input?.SchemaName).toMatch(/^[a-zA-Z0-9-_$#.]{1,255}$/);
    expect(input?.SchemaDefinition?.length).toBeLessThanOrEqual(170_000);
    expect(JSON.parse(input?.SchemaDefinition ?? '')).toMatchObject({ type: 'record', name: 'Order', namespace: 'p16reg' });

    const value = order(9, 'bolt');
    const bytes = c.fromConnectData('orders', [], ORDER_CONNECT, value) ?? new Uint8Array();
    expect([bytes[0], bytes[1]]).toEqual([3, 5]);
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V1 }).resolves({ SchemaVersionId: V1, DataFormat: 'AVRO', SchemaDefinition: input?.SchemaDefinition ?? '' });
    const reader = converter();
    await reader.prefetch('orders', [bytes]);
    const back = reader.toConnectData('orders', [], bytes).value as Struct;
    expect([back.get('id'), back.get('item')]).toEqual([9, 'bolt']);
  });

  it('registers a new version of an existing schema, polling a PENDING version until AVAILABLE', async () => {
    glue.on(GetSchemaByDefinitionCommand).rejects(Object.assign(new Error('not found'), { name: 'EntityNotFoundException' }));
    glue.on(RegisterSchemaVersionCommand).resolves({ SchemaVersionId: V2, Status: 'PENDING', VersionNumber: 2 });
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V2 }).resolvesOnce({ Status: 'PENDING' }).resolves({ Status: 'AVAILABLE' });
    const c = converter({ schemaAutoRegistrationEnabled: 'true', schemaName: 'orders-value' });
    await c.prepare('orders', ORDER_CONNECT);
    expect(glue.commandCalls(RegisterSchemaVersionCommand)[0]?.args[0].input.SchemaId).toEqual({ RegistryName: 'default-registry', SchemaName: 'orders-value' });
    expect(glue.commandCalls(CreateSchemaCommand)).toHaveLength(0);
    const bytes = c.fromConnectData('orders', [], ORDER_CONNECT, order(1, 'a')) ?? new Uint8Array();
    expect([...bytes.subarray(0, 2)]).toEqual([3, 0]);
  });

  it('uses the version GetSchemaByDefinition finds, and without auto-registration fails the records of an unknown schema, not the batch', async () => {
    glue.on(GetSchemaByDefinitionCommand, { SchemaId: { RegistryName: 'default-registry', SchemaName: 'known' } }).resolves({ SchemaVersionId: V1, Status: 'AVAILABLE' });
    glue.on(GetSchemaByDefinitionCommand, { SchemaId: { RegistryName: 'default-registry', SchemaName: 'unknown' } }).rejects(Object.assign(new Error('nope'), { name: 'EntityNotFoundException' }));
    const c = converter();
    await c.prepare('known', ORDER_CONNECT);
    await c.prepare('unknown', ORDER_CONNECT);
    expect(glue.commandCalls(RegisterSchemaVersionCommand)).toHaveLength(0);
    const value = order(1, 'a');
    expect(c.fromConnectData('known', [], ORDER_CONNECT, value)?.subarray(2, 18)).toEqual(encodeGlueMessage(V1, new Uint8Array(), 'NONE').subarray(2, 18));
    expect(() => c.fromConnectData('unknown', [], ORDER_CONNECT, value)).toThrow(/schemaAutoRegistrationEnabled is false/);
  });

  it('retries the batch when Glue cannot be reached while registering', async () => {
    glue.on(GetSchemaByDefinitionCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
    const error = await converter({ schemaAutoRegistrationEnabled: 'true' })
      .prepare('orders', ORDER_CONNECT)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriableError);
  });
});

describe('AWSKafkaAvroConverter configuration', () => {
  it("takes the Glue SerDe's keys and refuses names the Glue API would refuse", () => {
    expect(glueAvroConverterPlugin.className).toBe('com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter');
    const names = glueConverterConfigDef.keys.map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(['region', 'registry.name', 'schemaName', 'schemaAutoRegistrationEnabled', 'avroRecordType', 'compression', 'dataFormat']));
    const errors = (props: Record<string, string>) => [...glueConverterConfigDef.validateAll(props).infos.values()].flatMap((v) => v.errors);
    expect(errors({})).toEqual([]);
    expect(errors({ 'registry.name': 'my registry' }).join()).toContain('not a Glue name');
    expect(errors({ schemaName: 'x'.repeat(256) }).join()).toContain('not a Glue name');
    expect(errors({ compression: 'GZIP' }).length).toBeGreaterThan(0);
  });

  it('refuses a definition longer than GetSchemaByDefinition accepts, as the record\'s failure', async () => {
    const wide = structSchema(Array.from({ length: 6000 }, (_, i) => [`field_with_a_long_name_${i}`, Schemas.INT32] as const), { name: 'p16reg.Wide' });
    const c = converter({ schemaAutoRegistrationEnabled: 'true' });
    await c.prepare('orders', wide);
    expect(glue.commandCalls(GetSchemaByDefinitionCommand)).toHaveLength(0);
    expect(() => c.fromConnectData('orders', [], wide, new Struct(wide))).toThrow(/170000/);
  });
});
