// The embedded schema registry against a client no one here wrote: @kafkajs/confluent-schema-registry registers,
// looks up and fetches schemas, encodes and decodes Confluent's wire format with the ids the registry hands out, and
// gets the registry's 409 as its own error for a BACKWARD-incompatible change.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SchemaRegistryHandle, startSchemaRegistry } from '../../../local/schemaRegistry/server.js';

let registry: SchemaRegistryHandle;
let client: SchemaRegistry;

const ORDER_V1 = { type: 'record', name: 'Order', namespace: 'p16reg', fields: [{ name: 'id', type: 'long' }, { name: 'item', type: 'string' }] };
const ORDER_V2 = { ...ORDER_V1, fields: [...ORDER_V1.fields, { name: 'note', type: ['null', 'string'], default: null }] };
/** A new required field with no default: the new schema cannot read records written with v1. */
const ORDER_BAD = { ...ORDER_V1, fields: [...ORDER_V1.fields, { name: 'qty', type: 'int' }] };

beforeAll(async () => {
  registry = await startSchemaRegistry({ port: 0 });
  client = new SchemaRegistry({ host: registry.url, retry: { retries: 0 } });
});
afterAll(() => registry.stop());

describe('the embedded schema registry with @kafkajs/confluent-schema-registry', () => {
  it('registers a schema, answers the latest id and the schema by id, and gives the same id again for the same schema', async () => {
    const { id } = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ORDER_V1) }, { subject: 'p16reg-orders-value' });
    expect(id).toBeGreaterThan(0);
    expect(await client.getLatestSchemaId('p16reg-orders-value')).toBe(id);
    expect(await client.getRegistryId('p16reg-orders-value', 1)).toBe(id);
    const again = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ORDER_V1) }, { subject: 'p16reg-orders-value' });
    expect(again.id).toBe(id);
    const fresh = new SchemaRegistry({ host: registry.url, retry: { retries: 0 } });
    const schema = (await fresh.getSchema(id)) as { name?: string };
    expect(schema.name).toBe('p16reg.Order');
  });

  it('round-trips a record through encode and decode, the decoding client fetching the schema by id', async () => {
    const { id } = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ORDER_V1) }, { subject: 'p16reg-roundtrip-value' });
    const bytes = await client.encode(id, { id: 42, item: 'widget' });
    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(id);
    const reader = new SchemaRegistry({ host: registry.url, retry: { retries: 0 } });
    expect(await reader.decode(bytes)).toEqual({ id: 42, item: 'widget' });
  });

  it('accepts a BACKWARD-compatible version and answers an incompatible one with 409, the library failing with it', async () => {
    await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ORDER_V1) }, { subject: 'p16reg-evolve-value' });
    const v2 = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ORDER_V2) }, { subject: 'p16reg-evolve-value' });
    expect(await client.getLatestSchemaId('p16reg-evolve-value')).toBe(v2.id);
    const error = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ORDER_BAD) }, { subject: 'p16reg-evolve-value' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResponseError', status: 409 });
    expect((error as Error).message).toContain('incompatible');
    expect(await client.getLatestSchemaId('p16reg-evolve-value')).toBe(v2.id);
  });

  it('registers and round-trips JSON Schema and Protobuf schemas too', async () => {
    const json = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] };
    const j = await client.register({ type: SchemaType.JSON, schema: JSON.stringify(json) }, { subject: 'p16reg-json-value' });
    expect(await new SchemaRegistry({ host: registry.url }).decode(await client.encode(j.id, { id: 7 }))).toEqual({ id: 7 });
    const proto = 'syntax = "proto3";\npackage p16reg;\nmessage Ping { int64 id = 1; string text = 2; }\n';
    const p = await client.register({ type: SchemaType.PROTOBUF, schema: proto }, { subject: 'p16reg-proto-value' });
    const decoded = (await new SchemaRegistry({ host: registry.url }).decode(await client.encode(p.id, { id: 3, text: 'hi' }))) as { text: string };
    expect(decoded.text).toBe('hi');
  });
});
