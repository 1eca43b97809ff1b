// The task functions' Glue factory (lazyGlueSdkRegistry): the Glue client is imported on the first request, and the
// converter behaves as with GlueSdkRegistry directly (the AWS SDK mocked at its boundary, aws-sdk-client-mock).
import { GetSchemaByDefinitionCommand, GetSchemaVersionCommand, GlueClient } from '@aws-sdk/client-glue';
import avro from 'avsc';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { lazyGlueSdkRegistry } from '../../../lambdas/adapters/aws/lazyGlueSdkRegistry.js';
import { structSchema, Schemas } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { DataError, RetriableError } from '../../../lambdas/connect-api/errors.js';
import { AWSKafkaAvroConverter } from '../../../lambdas/runtime/converters/glue/AWSKafkaAvroConverter.js';
import { provideGlueRegistry } from '../../../lambdas/runtime/converters/glue/GlueRegistryClient.js';
import { encodeGlueMessage } from '../../../lambdas/runtime/converters/glue/wireFormat.js';

const glue = mockClient(GlueClient);
const ORDER = { type: 'record', name: 'Order', namespace: 'w17', fields: [{ name: 'id', type: 'int' }] };
const ORDER_CONNECT = structSchema([['id', Schemas.INT32]], { name: 'w17.Order' });
const V1 = '0b6f2a2e-4e1c-4d6a-9b1f-3c2d1e0f9a8b';
let n = 0;
const converter = (props: Record<string, string> = {}) => new AWSKafkaAvroConverter({ region: 'eu-west-1', endpoint: `https://glue-lazy-${++n}.example`, ...props });

beforeEach(() => {
  glue.reset();
  provideGlueRegistry(lazyGlueSdkRegistry);
});
afterAll(() => {
  glue.restore();
  provideGlueRegistry(undefined);
});

describe('lazyGlueSdkRegistry', () => {
  it('reads through the Glue client imported on the first request', async () => {
    glue.on(GetSchemaVersionCommand, { SchemaVersionId: V1 }).resolves({ SchemaVersionId: V1, DataFormat: 'AVRO', SchemaDefinition: JSON.stringify(ORDER), Status: 'AVAILABLE' });
    const c = converter();
    const data = encodeGlueMessage(V1, avro.Type.forSchema(ORDER as avro.Schema).toBuffer({ id: 7 }), 'NONE');
    expect(glue.commandCalls(GetSchemaVersionCommand)).toHaveLength(0);
    await c.prefetch('orders', [data]);
    expect(glue.commandCalls(GetSchemaVersionCommand)).toHaveLength(1);
    expect((c.toConnectData('orders', [], data).value as Struct).get('id')).toBe(7);
  });

  it('keeps the adapter\'s error classes: a malformed version id is a DataError, an unreachable Glue a RetriableError', async () => {
    const registry = lazyGlueSdkRegistry({ region: 'eu-west-1' });
    await expect(registry.getSchemaVersion('not-a-version-id')).rejects.toBeInstanceOf(DataError);
    glue.on(GetSchemaByDefinitionCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
    await expect(registry.schemaVersionIdFor({ registryName: 'r', schemaName: 's', dataFormat: 'AVRO', definition: '"int"', autoRegister: false, compatibility: 'BACKWARD' })).rejects.toBeInstanceOf(RetriableError);
  });

  it('writes after prepare; without one the record is retried, and the Avro mapping and lookup are ready for the retry', async () => {
    glue.on(GetSchemaByDefinitionCommand).resolves({ SchemaVersionId: V1, Status: 'AVAILABLE' });
    const c = converter();
    const value = new Struct(ORDER_CONNECT).with('id', 3);
    expect(() => c.fromConnectData('orders', [], ORDER_CONNECT, value)).toThrow(RetriableError);
    await c.prepare('orders', ORDER_CONNECT);
    const bytes = c.fromConnectData('orders', [], ORDER_CONNECT, value) ?? new Uint8Array();
    expect([...bytes.subarray(0, 2)]).toEqual([3, 0]);
    expect(glue.commandCalls(GetSchemaByDefinitionCommand).length).toBeGreaterThanOrEqual(1);
  });
});
