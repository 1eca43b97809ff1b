// The ProtobufConverter against @kafkajs/confluent-schema-registry's own Protobuf encoder and decoder, through the
// embedded registry.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Schemas, arraySchema, mapSchema, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { DataError } from '../../../lambdas/connect-api/errors.js';
import { protobufConverterPlugin } from '../../../lambdas/runtime/converters/ProtobufConverter.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { type SchemaRegistryHandle, startSchemaRegistry } from '../../../local/schemaRegistry/server.js';

let registry: SchemaRegistryHandle;
let client: SchemaRegistry;
beforeAll(async () => {
  registry = await startSchemaRegistry({ port: 0 });
  client = new SchemaRegistry({ host: registry.url, retry: { retries: 0 } });
});
afterAll(() => registry.stop());

const PROTO = `syntax = "proto3";
package p16cf.proto;

message Shipment {
  int64 id = 1;
  string carrier = 2;
  Status status = 3;
  repeated string tags = 4;
  map<string, int32> counts = 5;
  Address to = 6;
  uint32 weight = 7;
  oneof contact {
    string email = 8;
    string phone = 9;
  }
  enum Status {
    NEW = 0;
    SENT = 1;
  }
  message Address {
    string city = 1;
  }
}
`;

const converter = (props: Record<string, string> = {}) => protobufConverterPlugin.create({ 'schema.registry.url': registry.url, ...props }, false);

describe('ProtobufConverter', () => {
  it('is registered under its Confluent class name', () => {
    expect(builtinPlugins().find('ProtobufConverter', 'converter')?.className).toBe('io.confluent.connect.protobuf.ProtobufConverter');
  });

  it('reads a message the kafkajs library encoded, with ProtobufData’s Connect types', async () => {
    const { id } = await client.register({ type: SchemaType.PROTOBUF, schema: PROTO }, { subject: 'p16cf-ship-value' });
    const encoded = await client.encode(id, { id: 4_000_000_000, carrier: 'dhl', status: 1, tags: ['a'], counts: { x: 2 }, to: { city: 'Oslo' }, weight: 12, phone: '555' });
    // The library writes no message indexes (Confluent's serializer writes them: one 0 byte for the first message),
    // so the record is framed as a Confluent producer would, around the library's own message bytes.
    const bytes = Buffer.concat([encoded.subarray(0, 5), Buffer.of(0), encoded.subarray(5)]);
    const c = converter();

    await c.prefetch!('p16cf-ship', [bytes]);
    const { schema, value } = c.toConnectData('p16cf-ship', [], bytes);

    expect(schema).toMatchObject({ type: 'STRUCT', name: 'Shipment' });
    expect(schema!.fields!.map((f) => [f.name, f.schema.type, f.schema.optional])).toEqual([
      ['contact_0', 'STRUCT', true],
      ['id', 'INT64', true],
      ['carrier', 'STRING', true],
      ['status', 'STRING', true],
      ['tags', 'ARRAY', true],
      ['counts', 'MAP', true],
      ['to', 'STRUCT', true],
      ['weight', 'INT64', true],
    ]);
    const s = value as Struct;
    expect(s.get('id')).toBe(4_000_000_000);
    expect(s.get('carrier')).toBe('dhl');
    expect(s.get('status')).toBe('SENT');
    expect(s.get('tags')).toEqual(['a']);
    expect(s.get('counts')).toEqual({ x: 2 });
    expect((s.get('to') as Struct).get('city')).toBe('Oslo');
    expect(s.get('weight')).toBe(12);
    expect((s.get('contact_0') as Struct).get('phone')).toBe('555');
  });

  it('fails the record, not the batch, for bytes that do not decode', async () => {
    const { id } = await client.register({ type: SchemaType.PROTOBUF, schema: PROTO }, { subject: 'p16cf-ship2-value' });
    const header = Buffer.alloc(6);
    header.writeUInt32BE(id, 1);
    const badWireType = Buffer.concat([header, Buffer.from([0x0f])]);
    const truncated = Buffer.concat([header, Buffer.from([0x12, 0x64, 0x61])]);
    const badIndex = Buffer.concat([header.subarray(0, 5), Buffer.from([0x02, 0x0e])]);
    const c = converter();
    await c.prefetch!('p16cf-ship2', [badWireType, truncated, badIndex]);
    expect(() => c.toConnectData('p16cf-ship2', [], badWireType)).toThrow(DataError);
    expect(() => c.toConnectData('p16cf-ship2', [], truncated)).toThrow(/index out of range/);
    expect(() => c.toConnectData('p16cf-ship2', [], badIndex)).toThrow(/message indexes/);
  });

  it('registers a schema for a Connect struct and writes messages the kafkajs library decodes', async () => {
    const LINE = structSchema([['sku', Schemas.STRING], ['qty', Schemas.INT32]], { name: 'Line' });
    const ORDER = structSchema(
      [
        ['id', Schemas.INT64],
        ['paid', Schemas.BOOLEAN],
        ['lines', arraySchema(LINE)],
        ['attrs', mapSchema(Schemas.STRING, Schemas.FLOAT64)],
        ['note', Schemas.OPTIONAL_STRING],
      ],
      { name: 'p16cf.orders.Order' },
    );
    const c = converter();
    await c.prepare!('p16cf-porders', ORDER);
    const value = new Struct(ORDER, { id: 2n ** 60n, paid: true, lines: [new Struct(LINE, { sku: 'a', qty: 2 })], attrs: { w: 1.5 }, note: null });

    const bytes = c.fromConnectData('p16cf-porders', [], ORDER, value)!;

    const decoded = (await client.decode(Buffer.from(bytes))) as Record<string, unknown>;
    expect(String(decoded.id)).toBe(String(2n ** 60n));
    expect(decoded.paid).toBe(true);
    expect(JSON.parse(JSON.stringify(decoded.lines))).toEqual([{ sku: 'a', qty: 2 }]);
    expect(decoded.attrs).toEqual({ w: 1.5 });
    expect(await client.getLatestSchemaId('p16cf-porders-value')).toBe(Buffer.from(bytes).readUInt32BE(1));
  });
});
