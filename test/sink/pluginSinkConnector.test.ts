// A sink connector that is not JDBC, written only against connect-api, run by the real sink handler: the framework
// finds it by class name in the registry, builds its task through createTask, and routes the record its put reports
// as failed (a FailedRecord) to the dead-letter queue on the embedded broker, like a record whose write failed.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaRecordProducer } from '../../lambdas/adapters/kafka/KafkaRecordProducer.js';
import { InMemoryMetricsSink } from '../../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { ConfigDef } from '../../lambdas/connect-api/config/ConfigDef.js';
import type { FailedRecord, SinkConnector, SinkTask, TaskContext } from '../../lambdas/connect-api/connector.js';
import type { SinkRecord } from '../../lambdas/connect-api/data/ConnectRecord.js';
import { ConnectorService } from '../../lambdas/runtime/connector/ConnectorService.js';
import { aliasForPipeline } from '../../lambdas/runtime/pipelineAlias.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import { createSinkHandler } from '../../lambdas/sink/createSinkHandler.js';
import { SinkPipelines, type SinkRuntime } from '../../lambdas/sink/SinkPipelines.js';
import { type BrokerHandle, startBroker } from '../../local/broker/index.js';
import { localContext } from '../../local/httpAdapter.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';
import { FakeClock } from '../helpers/fakeClock.js';
import { mskEventOf, readOneRecord } from '../helpers/mskEvents.js';

/** What the in-test connector's tasks did, for the assertions. */
const written: string[] = [];
const lifecycle: string[] = [];

/** Keeps every record's value; rejects, one by one, the values its `reject.value` names (a bulk item the server refused). */
class MemorySinkTask implements SinkTask {
  constructor(
    private readonly reject: string,
    private readonly context: TaskContext,
  ) {}
  async start(): Promise<void> {
    lifecycle.push(`start ${this.context.connectorName}`);
  }
  async put(records: readonly SinkRecord[]): Promise<readonly FailedRecord[]> {
    const failed: FailedRecord[] = [];
    for (const r of records) {
      if (r.value === this.reject) failed.push({ record: r, error: new Error(`mapper_parsing_exception: failed to parse [${this.reject}]`) });
      else written.push(String(r.value));
    }
    return failed;
  }
  async close(): Promise<void> {
    lifecycle.push(`close ${this.context.connectorName}`);
  }
}

const memorySink: SinkConnector = {
  type: 'sink',
  className: 'com.example.MemorySinkConnector',
  version: '1.0.0',
  configDef: new ConfigDef([{ name: 'reject.value', type: 'STRING', default: 'reject-me', importance: 'LOW', documentation: 'Values put rejects.' }]),
  createTask: (props, context) => new MemorySinkTask(props['reject.value'] ?? 'reject-me', context),
};

const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:sluice-sink';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dynamo: TestDynamo;
let broker: BrokerHandle;
let kafka: Kafka;
let producer: KafkaRecordProducer;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  broker = await startBroker({ port: 0 });
  kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  producer = new KafkaRecordProducer(kafka);
});
afterAll(async () => {
  await producer.close();
  await broker.stop();
  await dynamo.stop();
});



describe('a non-JDBC sink connector plugin through the sink handler', () => {
  it('writes the records its task accepts and dead-letters the one it reports as failed', async () => {
    // Prepare: the connector registered beside the built-ins, and a pipeline naming it
    const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
    const registry = builtinPlugins().register(memorySink);
    const name = 'plugin-sink';
    const config = {
      name,
      'connector.class': 'com.example.MemorySinkConnector',
      topics: 'plugin-orders',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': 'plugin-dlq',
      'errors.deadletterqueue.context.headers.enable': 'true',
    };
    await new ConnectorService({ store, registry, clock: new FakeClock(), workerId: 'api' }).createConnector(name, config);
    const runtime: SinkRuntime = { store, registry, metrics: new InMemoryMetricsSink(), clock: new FakeClock(Date.now()), logger: quiet, producer: () => producer };
    const pipelines = new SinkPipelines(runtime);
    const handler = createSinkHandler(runtime, pipelines, 'lambda:sink');
    // Act
    const result = await handler(mskEventOf(broker.bootstrap, 'plugin-orders', ['a', 'reject-me', 'c'].map((value, i) => ({ key: `k${i}`, value })), 10), localContext('sluice-sink', `${FN}:${aliasForPipeline(name)}`));
    const dead = await readOneRecord(kafka, 'plugin-dlq');
    await pipelines.close();
    // Assess
    expect(result).toMatchObject({ received: 3, written: 2, failed: 1 });
    expect(written).toEqual(['a', 'c']);
    expect(dead).toMatchObject({ key: 'k1', value: 'reject-me' });
    expect(dead.headers).toMatchObject({
      '__connect.errors.topic': 'plugin-orders',
      '__connect.errors.offset': '11',
      '__connect.errors.connector.name': name,
      '__connect.errors.stage': 'TASK_PUT',
      '__connect.errors.exception.message': 'mapper_parsing_exception: failed to parse [reject-me]',
    });
    expect(lifecycle).toEqual([`start ${name}`, `close ${name}`]);
    expect(await store.getStatus(name)).toMatchObject({ tasks: [{ id: 0, state: 'RUNNING' }] });
  });
});
