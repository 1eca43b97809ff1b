// A source batch through the AvroConverter: transforms run first (the routed topic names the subject), the schema is
// registered once per distinct topic and schema in `prepare`, then every record is written in Confluent's wire format
// that @kafkajs/confluent-schema-registry decodes; a registry that cannot be reached rejects the batch (polled again).
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../lambdas/connect-api/data/ConnectRecord.js';
import { Schemas, structSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { RetriableError } from '../../../lambdas/connect-api/errors.js';
import { createConverters } from '../../../lambdas/runtime/converters/createConverters.js';
import { ToleranceOperator } from '../../../lambdas/runtime/errorhandling/ToleranceOperator.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { convertBatchPrepared } from '../../../lambdas/runtime/source/recordConversion.js';
import { TransformationChain } from '../../../lambdas/runtime/transforms/TransformationChain.js';
import { type SchemaRegistryHandle, startSchemaRegistry } from '../../../local/schemaRegistry/server.js';
import { FakeClock } from '../../helpers/fakeClock.js';

let registry: SchemaRegistryHandle;
beforeAll(async () => {
  registry = await startSchemaRegistry({ port: 0 });
});
afterAll(() => registry.stop());

const ROW = structSchema([['id', Schemas.INT64], ['name', Schemas.OPTIONAL_STRING]], { name: 'p16cf.Row' });

function record(id: number, name: string | null): SourceRecord {
  return { topic: 'p16cf-rows', kafkaPartition: null, keySchema: null, key: null, valueSchema: ROW, value: new Struct(ROW, { id, name }), timestamp: null, headers: [], sourcePartition: {}, sourceOffset: {} } as unknown as SourceRecord;
}

function setup(url: string, extra: Record<string, string> = {}) {
  const props = { 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'AvroConverter', 'value.converter.schema.registry.url': url, ...extra };
  return { converters: createConverters(props, builtinPlugins()), transforms: TransformationChain.fromConfig(props, builtinPlugins()) };
}

describe('convertBatchPrepared with the AvroConverter', () => {
  it('registers the routed topic’s subject once and writes records the kafkajs library decodes', async () => {
    const { converters, transforms } = setup(registry.url, {
      transforms: 'route',
      'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
      'transforms.route.regex': 'p16cf-(.*)',
      'transforms.route.replacement': 'p16cf-routed-$1',
    });

    const batch = await convertBatchPrepared([record(1, 'a'), record(2, null)], transforms, converters, new ToleranceOperator('none', [], new FakeClock()));

    expect([...batch.byTopic.keys()]).toEqual(['p16cf-routed-rows']);
    const client = new SchemaRegistry({ host: registry.url });
    const values = await Promise.all(batch.byTopic.get('p16cf-routed-rows')!.map((r) => client.decode(Buffer.from(r.value!))));
    expect(values).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: null },
    ]);
    expect(await client.getLatestSchemaId('p16cf-routed-rows-value')).toBe(Buffer.from(batch.byTopic.get('p16cf-routed-rows')![0]!.value!).readUInt32BE(1));
  });

  it('rejects the batch with a retriable error when the registry cannot be reached', async () => {
    const gone = await startSchemaRegistry({ port: 0 });
    await gone.stop();
    const { converters, transforms } = setup(gone.url);

    const failure = await convertBatchPrepared([record(1, 'a')], transforms, converters, new ToleranceOperator('all', [], new FakeClock())).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(RetriableError);
  });
});
