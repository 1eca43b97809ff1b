// The AvroConverter against clients no one here wrote: records encoded by @kafkajs/confluent-schema-registry (against
// the embedded registry) convert to the right Connect types; what the converter writes, that library decodes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { LogicalNames, Schemas, dateSchema, decimalSchema, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { ConnectionError, DataError, RetriableError } from '../../../lambdas/connect-api/errors.js';
import type { Converter } from '../../../lambdas/connect-api/plugins.js';
import { AVRO_CONVERTER_CLASS, avroConverterPlugin } from '../../../lambdas/runtime/converters/AvroConverter.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { type SchemaRegistryHandle, startSchemaRegistry } from '../../../local/schemaRegistry/server.js';

let registry: SchemaRegistryHandle;
let client: SchemaRegistry;

const PAYMENT = {
  type: 'record',
  name: 'Payment',
  namespace: 'p16cf.conv',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'paid_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'due', type: { type: 'int', logicalType: 'date' } },
    { name: 'memo', type: ['null', 'string'], default: null },
  ],
};

beforeAll(async () => {
  registry = await startSchemaRegistry({ port: 0 });
  client = new SchemaRegistry({ host: registry.url, retry: { retries: 0 } });
});
afterAll(() => registry.stop());

const converter = (props: Record<string, string> = {}, isKey = false): Converter =>
  avroConverterPlugin.create({ 'schema.registry.url': registry.url, ...props }, isKey);

async function read(c: Converter, topic: string, bytes: Uint8Array) {
  await c.prefetch!(topic, [bytes]);
  return c.toConnectData(topic, [], bytes);
}

describe('AvroConverter reading records a standard producer wrote', () => {
  it('is registered under Confluent class name and its simple names', () => {
    const plugins = builtinPlugins();
    expect(plugins.find(AVRO_CONVERTER_CLASS, 'converter')?.className).toBe(AVRO_CONVERTER_CLASS);
    expect(plugins.find('AvroConverter', 'converter')?.className).toBe(AVRO_CONVERTER_CLASS);
  });

  it('converts decimal, timestamp-millis, date and optional fields to Connect logical types', async () => {
    const { id } = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT) }, { subject: 'p16cf-payments-value' });
    const bytes = await client.encode(id, { id: 7, amount: Buffer.from([0x04, 0xd2]), paid_at: 1_700_000_000_000, due: 19_700, memo: 'first' });

    const { schema, value } = await read(converter(), 'p16cf-payments', bytes);

    expect(schema).toMatchObject({ type: 'STRUCT', name: 'p16cf.conv.Payment' });
    expect(schema!.fields!.map((f) => [f.name, f.schema.type, f.schema.name ?? null, f.schema.optional])).toEqual([
      ['id', 'INT64', null, false],
      ['amount', 'BYTES', LogicalNames.Decimal, false],
      ['paid_at', 'INT64', LogicalNames.Timestamp, false],
      ['due', 'INT32', LogicalNames.Date, false],
      ['memo', 'STRING', null, true],
    ]);
    const struct = value as Struct;
    expect(struct.get('id')).toBe(7);
    expect(struct.get('amount')).toEqual(new Decimal(1234n, 2));
    expect(struct.get('paid_at')).toEqual(new Date(1_700_000_000_000));
    expect(struct.get('due')).toEqual(new Date(19_700 * 86_400_000));
    expect(struct.get('memo')).toBe('first');
  });

  it('fetches a schema once per container: a new converter instance decodes with the registry gone', async () => {
    const own = await startSchemaRegistry({ port: 0 });
    const ownClient = new SchemaRegistry({ host: own.url, retry: { retries: 0 } });
    const { id } = await ownClient.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT) }, { subject: 'p16cf-once-value' });
    const bytes = await ownClient.encode(id, { id: 1, amount: Buffer.from([1]), paid_at: 0, due: 0, memo: null });
    const first = avroConverterPlugin.create({ 'schema.registry.url': own.url }, false);
    await read(first, 'p16cf-once', bytes);
    await own.stop();

    const second = avroConverterPlugin.create({ 'schema.registry.url': own.url }, false);
    const { value } = await read(second, 'p16cf-once', bytes);

    expect((value as Struct).get('amount')).toEqual(new Decimal(1n, 2));
  });

  it('fails prefetch with a retriable error when the registry cannot be reached, never the record', async () => {
    const own = await startSchemaRegistry({ port: 0 });
    const ownClient = new SchemaRegistry({ host: own.url, retry: { retries: 0 } });
    const { id } = await ownClient.register({ type: SchemaType.AVRO, schema: JSON.stringify({ ...PAYMENT, name: 'Down' }) }, { subject: 'p16cf-down-value' });
    const bytes = await ownClient.encode(id, { id: 1, amount: Buffer.from([1]), paid_at: 0, due: 0, memo: null });
    await own.stop();
    const c = avroConverterPlugin.create({ 'schema.registry.url': own.url, 'basic.auth.credentials.source': 'USER_INFO', 'basic.auth.user.info': 'bob:s3cr3t-pw' }, false);

    const failure = await c.prefetch!('p16cf-down', [bytes]).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(RetriableError);
    expect(String((failure as Error).message)).not.toContain('s3cr3t-pw');
  });

  it('fails only the record for a bad magic byte, an id the registry does not have, or a body that does not decode', async () => {
    const c = converter();
    const { id } = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(PAYMENT) }, { subject: 'p16cf-bad-value' });
    const good = await client.encode(id, { id: 1, amount: Buffer.from([1]), paid_at: 0, due: 0, memo: null });
    const badMagic = Uint8Array.from([1, 0, 0, 0, 1, 2]);
    const unknownId = Uint8Array.from([0, 0, 0, 0x7f, 0x7f, 2]);
    const truncated = good.subarray(0, 7);
    await c.prefetch!('p16cf-bad', [badMagic, unknownId, truncated, good]);

    expect(() => c.toConnectData('p16cf-bad', [], badMagic)).toThrow(DataError);
    expect(() => c.toConnectData('p16cf-bad', [], unknownId)).toThrow(/schema for id 32639/);
    expect(() => c.toConnectData('p16cf-bad', [], truncated)).toThrow(DataError);
    expect((c.toConnectData('p16cf-bad', [], good).value as Struct).get('id')).toBe(1);
    expect(c.toConnectData('p16cf-bad', [], null)).toEqual({ schema: null, value: null });
  });
});

describe('AvroConverter writing records a standard consumer reads', () => {
  const ROW = structSchema(
    [
      ['id', Schemas.INT32],
      ['total', decimalSchema(2)],
      ['created', timestampSchema()],
      ['day', dateSchema({ optional: true })],
      ['name', Schemas.OPTIONAL_STRING],
    ],
    { name: 'p16cf_orders' },
  );
  const row = new Struct(ROW, { id: 5, total: Decimal.parse('19.99'), created: new Date(1_700_000_000_000), day: new Date(Date.UTC(2024, 0, 2)), name: null });

  it('registers the schema under <topic>-value and writes Avro @kafkajs/confluent-schema-registry decodes', async () => {
    const c = converter();
    await c.prepare!('p16cf-src', ROW);

    const bytes = c.fromConnectData('p16cf-src', [], ROW, row)!;

    const registeredId = await client.getLatestSchemaId('p16cf-src-value');
    expect(Buffer.from(bytes).readUInt32BE(1)).toBe(registeredId);
    const decoded = await new SchemaRegistry({ host: registry.url }).decode(Buffer.from(bytes));
    expect(decoded).toEqual({ id: 5, total: Buffer.from([0x07, 0xcf]), created: 1_700_000_000_000, day: 19_724, name: null });
    const stored = (await (await fetch(`${registry.url}/schemas/ids/${registeredId}`)).json()) as { schema: string };
    const schema = JSON.parse(stored.schema) as { name: string; fields: Array<{ name: string; type: unknown }> };
    expect(schema.name).toBe('p16cf_orders');
    expect(schema.fields[1]!.type).toMatchObject({ type: 'bytes', logicalType: 'decimal', scale: 2 });
  });

  it('names subjects by RecordNameStrategy and TopicRecordNameStrategy, by class name or simple name', async () => {
    const byRecord = converter({ 'value.subject.name.strategy': 'io.confluent.kafka.serializers.subject.RecordNameStrategy' });
    const byTopicRecord = converter({ 'key.subject.name.strategy': 'TopicRecordNameStrategy' }, true);
    const KEY = structSchema([['id', Schemas.INT32]], { name: 'p16cf.OrderKey' });

    await byRecord.prepare!('p16cf-any', ROW);
    await byTopicRecord.prepare!('p16cf-tr', KEY);

    expect(await client.getLatestSchemaId('p16cf_orders')).toBeGreaterThan(0);
    expect(await client.getLatestSchemaId('p16cf-tr-p16cf.OrderKey')).toBeGreaterThan(0);
  });

  it('with auto.register.schemas=false, a schema not registered fails its records, not the batch', async () => {
    const c = converter({ 'auto.register.schemas': 'false' });
    const OTHER = structSchema([['x', Schemas.STRING]], { name: 'p16cf.Unregistered' });

    await c.prepare!('p16cf-noreg', OTHER);

    expect(() => c.fromConnectData('p16cf-noreg', [], OTHER, new Struct(OTHER, { x: 'a' }))).toThrow(DataError);
  });

  it('with use.latest.version, writes with the subject latest schema, fields matched by name', async () => {
    const latest = { type: 'record', name: 'Latest', namespace: 'p16cf', fields: [{ name: 'id', type: 'int' }, { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] }, default: 'A' }] };
    const { id } = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(latest) }, { subject: 'p16cf-latest-value' });
    const c = converter({ 'use.latest.version': 'true', 'auto.register.schemas': 'false' });
    const OWN = structSchema([['id', Schemas.INT32], ['kind', Schemas.STRING]]);

    await c.prepare!('p16cf-latest', OWN);
    const bytes = c.fromConnectData('p16cf-latest', [], OWN, new Struct(OWN, { id: 3, kind: 'B' }))!;

    expect(Buffer.from(bytes).readUInt32BE(1)).toBe(id);
    expect(await client.decode(Buffer.from(bytes))).toEqual({ id: 3, kind: 'B' });
  });
});

describe('AvroConverter with a registry that refuses its credentials', () => {
  it('fails with a non-retriable ConnectionError (the task fails, nothing is dead-lettered), credentials masked', async () => {
    const server = createServer((req, res) => {
      const ok = req.headers.authorization === `Basic ${Buffer.from('bob:right-pw').toString('base64')}`;
      res.writeHead(ok ? 404 : 401, { 'Content-Type': 'application/vnd.schemaregistry.v1+json' });
      res.end(JSON.stringify(ok ? { error_code: 40403, message: 'Schema not found' } : { error_code: 401, message: 'Unauthorized' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bytes = Uint8Array.from([0, 0, 0, 0, 9, 2]);
      const wrong = avroConverterPlugin.create({ 'schema.registry.url': url, 'basic.auth.credentials.source': 'USER_INFO', 'basic.auth.user.info': 'bob:wrong-pw' }, false);
      const right = avroConverterPlugin.create({ 'schema.registry.url': url.replace('http://', 'http://bob:right-pw@') }, false);

      const refused = await wrong.prefetch!('p16cf-auth', [bytes]).catch((e: unknown) => e);
      await right.prefetch!('p16cf-auth', [bytes]);

      expect(refused).toBeInstanceOf(ConnectionError);
      expect((refused as ConnectionError).retriable).toBe(false);
      expect(String((refused as Error).message)).not.toContain('wrong-pw');
      expect(() => right.toConnectData('p16cf-auth', [], bytes)).toThrow(/schema for id 9/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
