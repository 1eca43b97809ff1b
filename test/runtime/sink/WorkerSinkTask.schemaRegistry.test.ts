// SinkTask with a registry converter: schemas are prefetched per batch; a record whose bytes or schema id are bad is
// that record's failure (tolerance), while a registry that cannot be reached fails the whole batch (redelivery).
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryMetricsSink } from '../../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { RetriableError } from '../../../lambdas/connect-api/errors.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { createSinkTask } from '../../../lambdas/runtime/sink/createSinkTask.js';
import type { RawRecord } from '../../../lambdas/runtime/sink/mskEvent.js';
import { type SchemaRegistryHandle, startSchemaRegistry } from '../../../local/schemaRegistry/server.js';
import { FakeClock } from '../../helpers/fakeClock.js';
import { MemoryWriter } from '../../helpers/memoryWriter.js';

let registry: SchemaRegistryHandle;
let client: SchemaRegistry;
beforeAll(async () => {
  registry = await startSchemaRegistry({ port: 0 });
  client = new SchemaRegistry({ host: registry.url, retry: { retries: 0 } });
});
afterAll(() => registry.stop());

const ITEM = { type: 'record', name: 'Item', namespace: 'p16cf.task', fields: [{ name: 'id', type: 'int' }, { name: 'name', type: 'string' }] };

function raw(offset: number, value: Uint8Array, topic = 'items'): RawRecord {
  return { topic, partition: 0, offset, timestamp: 1, timestampType: 'CREATE_TIME', key: new TextEncoder().encode(`k${offset}`), value, headers: [] };
}

function task(url: string, writer = new MemoryWriter()) {
  const clock = new FakeClock();
  const props = {
    name: 'items-sink',
    'connector.class': 'JdbcSink',
    'connection.url': 'jdbc:postgresql://h/db',
    topics: 'items,items2',
    'value.converter': 'io.confluent.connect.avro.AvroConverter',
    'value.converter.schema.registry.url': url,
    'errors.tolerance': 'all',
  };
  const t = createSinkTask(props, { registry: builtinPlugins(), createTask: () => writer, metrics: new InMemoryMetricsSink(), clock, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  return { t, writer, deadline: clock.now() + 600_000 };
}

describe('SinkTask with the AvroConverter', () => {
  it('writes the good records and tolerates a bad magic byte and an unknown schema id', async () => {
    const { id } = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ITEM) }, { subject: 'p16cf-items-value' });
    const good = await client.encode(id, { id: 1, name: 'one' });
    const { t, writer, deadline } = task(registry.url);

    const result = await t.put([raw(0, good), raw(1, Uint8Array.from([7, 0, 0, 0, 1])), raw(2, Uint8Array.from([0, 0, 1, 0, 0, 2]))], deadline);

    expect(result).toMatchObject({ received: 3, written: 1, failed: 2 });
    expect(writer.rows.get('k0')).toEqual({ id: 1, name: 'one' });
  });

  it('prefetches each topic of a batch, with its own schemas', async () => {
    const first = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(ITEM) }, { subject: 'p16cf-items-value' });
    const other = { ...ITEM, name: 'Other', fields: [...ITEM.fields, { name: 'extra', type: 'boolean', default: false }] };
    const second = await client.register({ type: SchemaType.AVRO, schema: JSON.stringify(other) }, { subject: 'p16cf-items2-value' });
    const { t, writer, deadline } = task(registry.url);

    const result = await t.put([raw(0, await client.encode(first.id, { id: 1, name: 'a' })), raw(1, await client.encode(second.id, { id: 2, name: 'b', extra: true }), 'items2')], deadline);

    expect(result).toMatchObject({ written: 2, failed: 0, topics: ['items', 'items2'] });
    expect(writer.rows.get('k1')).toEqual({ id: 2, name: 'b', extra: true });
  });

  it('fails the batch with a retriable error, writing nothing, when a schema cannot be fetched', async () => {
    const own = await startSchemaRegistry({ port: 0 });
    const ownClient = new SchemaRegistry({ host: own.url, retry: { retries: 0 } });
    const { id } = await ownClient.register({ type: SchemaType.AVRO, schema: JSON.stringify({ ...ITEM, name: 'Gone' }) }, { subject: 'p16cf-gone-value' });
    const bytes = await ownClient.encode(id, { id: 2, name: 'two' });
    await own.stop();
    const { t, writer, deadline } = task(own.url);

    const failure = await t.put([raw(0, bytes)], deadline).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(RetriableError);
    expect(writer.calls).toBe(0);
  });
});
