// SinkTask with the Glue converter (AWS SDK mocked at its boundary): the batch's schema versions are prefetched once;
// a record not in the Glue format or whose payload does not decode is that record's failure (tolerated), while a
// schema version that cannot be fetched fails the whole batch as retriable, writing nothing.
import { GetSchemaVersionCommand, GlueClient } from '@aws-sdk/client-glue';
import avro from 'avsc';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GlueSdkRegistry } from '../../../lambdas/adapters/aws/GlueSdkRegistry.js';
import { InMemoryMetricsSink } from '../../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { RetriableError } from '../../../lambdas/connect-api/errors.js';
import { provideGlueRegistry } from '../../../lambdas/runtime/converters/glue/GlueRegistryClient.js';
import { encodeGlueMessage } from '../../../lambdas/runtime/converters/glue/wireFormat.js';
import { builtinPlugins } from '../../../lambdas/runtime/plugins/builtins.js';
import { createSinkTask } from '../../../lambdas/runtime/sink/createSinkTask.js';
import type { RawRecord } from '../../../lambdas/runtime/sink/mskEvent.js';
import { FakeClock } from '../../helpers/fakeClock.js';
import { MemoryWriter } from '../../helpers/memoryWriter.js';

const glue = mockClient(GlueClient);
const ITEM = { type: 'record', name: 'Item', namespace: 'p16reg.task', fields: [{ name: 'id', type: 'int' }, { name: 'name', type: 'string' }] };
const ITEM_TYPE = avro.Type.forSchema(ITEM as avro.Schema);
const V1 = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function raw(offset: number, value: Uint8Array): RawRecord {
  return { topic: 'items', partition: 0, offset, timestamp: 1, timestampType: 'CREATE_TIME', key: new TextEncoder().encode(`k${offset}`), value, headers: [] };
}

let n = 0;
function task(writer = new MemoryWriter()) {
  n += 1;
  const clock = new FakeClock();
  const props = {
    name: 'items-sink',
    'connector.class': 'JdbcSink',
    'connection.url': 'jdbc:postgresql://h/db',
    topics: 'items',
    'value.converter': 'com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter',
    'value.converter.region': 'eu-west-1',
    // Its own endpoint per task: the converter's schema cache is per client, for the container's life.
    'value.converter.endpoint': `https://glue-task-${n}.example`,
    'errors.tolerance': 'all',
  };
  const t = createSinkTask(props, { registry: builtinPlugins(), writer, metrics: new InMemoryMetricsSink(), clock, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  return { t, writer, deadline: clock.now() + 600_000 };
}

beforeEach(() => {
  glue.reset();
  provideGlueRegistry((s) => new GlueSdkRegistry(new GlueClient({ region: s.region ?? 'eu-west-1', ...(s.endpoint ? { endpoint: s.endpoint } : {}) })));
});
afterAll(() => {
  glue.restore();
  provideGlueRegistry(undefined);
});

describe('SinkTask with the AWSKafkaAvroConverter', () => {
  it('writes the good records with one GetSchemaVersion for the batch, and tolerates a foreign message and a payload that does not decode', async () => {
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V1 }).resolves({ SchemaVersionId: V1, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ITEM) });
    const { t, writer, deadline } = task();
    const good = (id: number, name: string) => encodeGlueMessage(V1, ITEM_TYPE.toBuffer({ id, name }), id % 2 ? 'ZLIB' : 'NONE');
    const result = await t.put([raw(0, good(1, 'one')), raw(1, Uint8Array.from([0, 0, 0, 0, 1, 2])), raw(2, encodeGlueMessage(V1, Uint8Array.from([2, 40]), 'NONE')), raw(3, good(2, 'two'))], deadline);
    expect(result).toMatchObject({ received: 4, written: 2, failed: 2 });
    expect(writer.rows.get('k0')).toEqual({ id: 1, name: 'one' });
    expect(writer.rows.get('k3')).toEqual({ id: 2, name: 'two' });
    expect(glue.commandCalls(GetSchemaVersionCommand)).toHaveLength(1);
  });

  it('fails the batch with a retriable error, writing nothing, when GetSchemaVersion fails', async () => {
    glue.on(GetSchemaVersionCommand).rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));
    const { t, writer, deadline } = task();
    const failure = await t.put([raw(0, encodeGlueMessage(V1, ITEM_TYPE.toBuffer({ id: 1, name: 'x' }), 'NONE'))], deadline).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RetriableError);
    expect(writer.calls).toBe(0);
  });
});
