// A source batch through the Glue converter (AWS SDK mocked at its boundary): the batch's schema is looked up (and
// registered) once in `prepare`, then every record is written in the Glue wire format that avsc reads back; a registry
// that cannot be reached rejects the batch (polled again), a schema Glue lacks without auto-registration fails only
// the records written with it.
import { CreateSchemaCommand, GetSchemaByDefinitionCommand, GlueClient, RegisterSchemaVersionCommand } from '@aws-sdk/client-glue';
import avro from 'avsc';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GlueSdkRegistry } from '../../../lambdas/adapters/aws/GlueSdkRegistry.js';
import type { SourceRecord } from '../../../lambdas/connect-api/data/ConnectRecord.js';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { RetriableError } from '../../../lambdas/connect-api/errors.js';
import { createConverters } from '../../../lambdas/runtime/converters/createConverters.js';
import { provideGlueRegistry } from '../../../lambdas/runtime/converters/glue/GlueRegistryClient.js';
import { decodeGlueMessage } from '../../../lambdas/runtime/converters/glue/wireFormat.js';
import { ToleranceOperator } from '../../../lambdas/runtime/errorhandling/ToleranceOperator.js';
import { builtinPlugins } from '../../../lambdas/runtime/plugins/builtins.js';
import { convertBatchPrepared } from '../../../lambdas/runtime/source/recordConversion.js';
import { TransformationChain } from '../../../lambdas/runtime/transforms/TransformationChain.js';
import { FakeClock } from '../../helpers/fakeClock.js';

const glue = mockClient(GlueClient);
const V1 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ROW = structSchema(
  [
    ['id', Schemas.INT64],
    ['name', Schemas.OPTIONAL_STRING],
  ],
  { name: 'p16reg.Row' },
);

function record(id: number, name: string | null, topic = 'rows'): SourceRecord {
  return { topic, kafkaPartition: null, keySchema: null, key: null, valueSchema: ROW, value: new Struct(ROW, { id, name }), timestamp: null, headers: [], sourcePartition: {}, sourceOffset: {} } as unknown as SourceRecord;
}

let n = 0;
function converters(extra: Record<string, string> = {}) {
  n += 1;
  const props = {
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter',
    'value.converter.endpoint': `https://glue-source-${n}.example`,
    'value.converter.region': 'eu-west-1',
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`value.converter.${k}`, v])),
  };
  return createConverters(props, builtinPlugins());
}

const operator = () => new ToleranceOperator('all', [], new FakeClock());

beforeEach(() => {
  glue.reset();
  provideGlueRegistry((s) => new GlueSdkRegistry(new GlueClient({ region: s.region ?? 'eu-west-1', ...(s.endpoint ? { endpoint: s.endpoint } : {}) })));
});
afterAll(() => {
  glue.restore();
  provideGlueRegistry(undefined);
});

describe('a source batch with the AWSKafkaAvroConverter', () => {
  it('registers the schema once for the batch and writes records a standard Avro reader decodes', async () => {
    glue.on(GetSchemaByDefinitionCommand).rejects(Object.assign(new Error('not found'), { name: 'EntityNotFoundException' }));
    glue.on(RegisterSchemaVersionCommand).rejects(Object.assign(new Error('no schema'), { name: 'EntityNotFoundException' }));
    glue.on(CreateSchemaCommand).resolves({ SchemaVersionId: V1, SchemaVersionStatus: 'AVAILABLE' });
    const batch = await convertBatchPrepared([record(1, 'a'), record(2, null), record(3, 'c')], new TransformationChain([]), converters({ schemaAutoRegistrationEnabled: 'true' }), operator());
    expect(glue.commandCalls(CreateSchemaCommand)).toHaveLength(1);
    const definition = glue.commandCalls(CreateSchemaCommand)[0]?.args[0].input.SchemaDefinition ?? '';
    const reader = avro.Type.forSchema(JSON.parse(definition) as avro.Schema);
    const values = (batch.byTopic.get('rows') ?? []).map((r) => {
      const m = decodeGlueMessage(r.value as Uint8Array);
      expect(m.schemaVersionId).toBe(V1);
      return reader.fromBuffer(Buffer.from(m.payload)) as { id: number; name: string | null };
    });
    expect(values.map((v) => [Number(v.id), v.name])).toEqual([
      [1, 'a'],
      [2, null],
      [3, 'c'],
    ]);
  });

  it('rejects the batch when Glue cannot be reached, and fails only the records of a schema Glue lacks without auto-registration', async () => {
    glue.on(GetSchemaByDefinitionCommand).rejects(Object.assign(new Error('connect ETIMEDOUT'), { name: 'TimeoutError' }));
    const failure = await convertBatchPrepared([record(1, 'a')], new TransformationChain([]), converters(), operator()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RetriableError);

    glue.reset();
    glue.on(GetSchemaByDefinitionCommand).rejects(Object.assign(new Error('not found'), { name: 'EntityNotFoundException' }));
    const op = operator();
    const batch = await convertBatchPrepared([record(1, 'a'), record(2, 'b')], new TransformationChain([]), converters(), op);
    expect(op.failureCount).toBe(2);
    expect(batch.byTopic.get('rows') ?? []).toHaveLength(0);
    expect(glue.commandCalls(RegisterSchemaVersionCommand)).toHaveLength(0);
  });
});
