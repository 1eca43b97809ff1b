// The Elasticsearch / OpenSearch sink end to end through the real sink handler: the pipeline is created through the
// ConnectorService with the built-in registry, an MSK batch arrives, the framework converts it and puts it to the
// connector's task, which writes through the real client to the local _bulk server (fakeOpenSearch.ts). The record the
// server rejects for a mapping conflict reaches the dead-letter queue on the embedded broker; a tombstone deletes.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPipelineStore } from '../../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaRecordProducer } from '../../../lambdas/adapters/kafka/KafkaRecordProducer.js';
import { InMemoryMetricsSink } from '../../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { ConnectorService } from '../../../lambdas/runtime/connector/ConnectorService.js';
import { aliasForPipeline } from '../../../lambdas/runtime/pipelineAlias.js';
import { builtinPlugins } from '../../../lambdas/runtime/builtins/builtins.js';
import { createSinkHandler } from '../../../lambdas/sink/createSinkHandler.js';
import { SinkPipelines, type SinkRuntime } from '../../../lambdas/sink/SinkPipelines.js';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { localContext } from '../../../local/httpAdapter.js';
import { type TestDynamo, startTestDynamo } from '../../helpers/dynamo.js';
import { FakeClock } from '../../helpers/fakeClock.js';
import { mskEventOf, readOneRecord } from '../../helpers/mskEvents.js';
import { FakeOpenSearch } from './fakeOpenSearch.js';

const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:sluice-sink';
const PASSWORD = 'p15os-search-secret';
let dynamo: TestDynamo;
let broker: BrokerHandle;
let kafka: Kafka;
let producer: KafkaRecordProducer;
let fake: FakeOpenSearch;
let url: string;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  broker = await startBroker({ port: 0 });
  kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  producer = new KafkaRecordProducer(kafka);
  fake = new FakeOpenSearch({ basic: { username: 'sluice', password: PASSWORD } });
  url = await fake.start();
});
afterAll(async () => {
  await producer.close();
  await fake.stop();
  await broker.stop();
  await dynamo.stop();
});



describe('the Elasticsearch / OpenSearch sink through the sink handler', () => {
  it('writes documents, deletes on a tombstone, and dead-letters the document the server rejects', async () => {
    // Prepare: an index whose qty is an integer, and a pipeline writing to it
    fake.indices.set('es-orders', new Map());
    fake.mappings.set('es-orders', { properties: { qty: { type: 'integer' } } });
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    const registry = builtinPlugins();
    const name = 'p15os-es-sink';
    const config = {
      name,
      'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
      topics: 'es-orders',
      'connection.url': url,
      'connection.username': 'sluice',
      'connection.password': PASSWORD,
      'behavior.on.null.values': 'delete',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': 'es-dlq',
      'errors.deadletterqueue.context.headers.enable': 'true',
    };
    await new ConnectorService({ store, registry, clock: new FakeClock(), workerId: 'api' }).createConnector(name, config);
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const runtime: SinkRuntime = { store, registry, metrics: new InMemoryMetricsSink(), clock: new FakeClock(Date.now()), logger, producer: () => producer };
    const pipelines = new SinkPipelines(runtime);
    const handler = createSinkHandler(runtime, pipelines, 'lambda:sink');
    const context = localContext('sluice-sink', `${FN}:${aliasForPipeline(name)}`);
    // Act
    const first = await handler(mskEventOf(broker.bootstrap, 'es-orders', [{ key: 'a', value: '{"item":"apple","qty":3}' }, { key: 'b', value: '{"item":"pear","qty":"lots"}' }, { key: 'c', value: '{"item":"fig","qty":1}' }], 10), context);
    const second = await handler(mskEventOf(broker.bootstrap, 'es-orders', [{ key: 'c', value: null }], 13), context);
    const dead = await readOneRecord(kafka, 'es-dlq');
    await pipelines.close();
    // Assess
    expect(first).toMatchObject({ received: 3, written: 2, failed: 1 });
    expect(second).toMatchObject({ received: 1, failed: 0 });
    expect([...fake.docs('es-orders').entries()].map(([id, d]) => [id, d.source])).toEqual([['a', { item: 'apple', qty: 3 }]]);
    expect(dead).toMatchObject({ key: 'b', value: '{"item":"pear","qty":"lots"}' });
    expect(dead.headers).toMatchObject({
      '__connect.errors.topic': 'es-orders',
      '__connect.errors.offset': '11',
      '__connect.errors.connector.name': name,
      '__connect.errors.stage': 'TASK_PUT',
      '__connect.errors.exception.message': "Indexing record failed (index es-orders, id b): 400 mapper_parsing_exception: failed to parse field [qty] of type [integer] in document with id 'b'",
    });
    const everything = JSON.stringify([dead, lines, await store.getStatus(name)]);
    expect(everything).not.toContain(PASSWORD);
    expect(fake.requests.every((r) => r.headers.authorization === `Basic ${Buffer.from(`sluice:${PASSWORD}`).toString('base64')}`)).toBe(true);
    expect(await store.getStatus(name)).toMatchObject({ tasks: [{ id: 0, state: 'RUNNING' }] });
  });
});
