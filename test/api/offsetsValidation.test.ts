// PATCH /connectors/{name}/offsets refuses what cannot be an offset with a 400 naming the field, before anything is
// written; offsets calls right after stop, or repeated, never answer 500. Sink offsets live in the embedded broker.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KafkaGroupOffsets } from '../../lambdas/adapters/kafka/KafkaGroupOffsets.js';
import { LazyAdmin } from '../../lambdas/adapters/kafka/kafkaClient.js';
import { type BrokerHandle, startBroker } from '../../local/broker/index.js';
import { type ApiHarness, apiHarness, pgSink, pgSource } from '../helpers/apiHarness.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';
import { uniqueName } from '../helpers/pg.js';

let dynamo: TestDynamo;
let broker: BrokerHandle;
let admin: LazyAdmin;
let api: ApiHarness;
const topic = uniqueName('offsets_topic');

beforeAll(async () => {
  dynamo = await startTestDynamo();
  broker = await startBroker({ port: 0, numPartitions: 1 });
  admin = new LazyAdmin(new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }));
  await (await admin.get()).createTopics({ topics: [{ topic, numPartitions: 1 }] });
});
afterAll(async () => {
  await admin.close();
  await broker.stop();
  await dynamo.stop();
});
beforeEach(async () => {
  api = await apiHarness(dynamo, { groupOffsets: new KafkaGroupOffsets(() => admin.get()) });
});

const offsets = (entries: unknown[]) => ({ offsets: entries });
const sinkAt = (kafka_topic: unknown, kafka_partition: unknown, kafka_offset: unknown) => offsets([{ partition: { kafka_topic, kafka_partition }, offset: { kafka_offset } }]);

async function stoppedSink(name: string): Promise<void> {
  expect((await api.call('POST', '/connectors', pgSink(name, { topics: topic }))).status).toBe(201);
  expect((await api.call('PUT', `/connectors/${name}/stop`)).status).toBe(204);
}

describe('sink offsets PATCH', () => {
  it.each([
    ['an illegal topic', sinkAt('bad topic!', 0, 1), /kafka_topic: Topic name "bad topic!" is illegal/],
    ['an unknown topic', sinkAt('no_such_topic_x', 0, 1), /kafka_topic: topic 'no_such_topic_x' does not exist/],
    ['partition -1', sinkAt(topic, -1, 1), /Invalid value -1 for kafka_partition/],
    ['partition 99 of a 1-partition topic', sinkAt(topic, 99, 1), /Invalid value 99 for kafka_partition: topic '.*' has 1 partition\(s\)/],
    ['a fractional partition', sinkAt(topic, 0.5, 1), /Partition values for sink connectors need to be integers/],
    ['an offset beyond 2^63-1', undefined, /Invalid value 9223372036854775808 for kafka_offset: Kafka offsets are at most 2\^63-1/],
    ['a fractional offset', sinkAt(topic, 0, 1.5), /Offset values for sink connectors need to be integers/],
    ['a text offset', sinkAt(topic, 0, 'abc'), /Failed to parse the following Kafka offset value in the provided offsets: 'abc'/],
    ['a negative offset', sinkAt(topic, 0, -3), /non-negative integers, got -3 for kafka_offset/],
  ])('answers 400 for %s', async (_what, body, message) => {
    await stoppedSink('s');
    const rawBody = body === undefined ? `{"offsets":[{"partition":{"kafka_topic":"${topic}","kafka_partition":0},"offset":{"kafka_offset":9223372036854775808}}]}` : undefined;
    const r = await api.call('PATCH', '/connectors/s/offsets', body, rawBody === undefined ? {} : { rawBody });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error_code: 400, message: expect.stringMatching(message) });
    expect((await api.call('GET', '/connectors/s/offsets')).body).toEqual({ offsets: [] });
  });

  it('alters, re-alters, resets and resets again right after stop, never answering 500', async () => {
    await stoppedSink('again');
    const answers = [
      await api.call('PATCH', '/connectors/again/offsets', sinkAt(topic, 0, 5)),
      await api.call('PATCH', '/connectors/again/offsets', sinkAt(topic, 0, 7)),
      await api.call('GET', '/connectors/again/offsets'),
      await api.call('DELETE', '/connectors/again/offsets'),
      await api.call('DELETE', '/connectors/again/offsets'),
      await api.call('GET', '/connectors/again/offsets'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers[2]!.body).toEqual({ offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 7 } }] });
    expect(answers[5]!.body).toEqual({ offsets: [] });
  });
});

describe('source offsets PATCH', () => {
  const partition = { protocol: '1', table: 'test.public.orders' };
  const sourceAt = (offset: unknown) => offsets([{ partition, offset }]);

  async function stoppedSource(name: string): Promise<void> {
    expect((await api.call('POST', '/connectors', pgSource(name))).status).toBe(201);
    expect((await api.call('PUT', `/connectors/${name}/stop`)).status).toBe(204);
  }

  it.each([
    ['a text incrementing value', { incrementing: 'abc' }, /Invalid value "abc" for 'incrementing'.*must be a 64-bit integer/],
    ['a fractional incrementing value', { incrementing: 1.5 }, /Invalid value 1.5 for 'incrementing'/],
    ['a boolean timestamp', { timestamp: true }, /Invalid value true for 'timestamp'.*epoch milliseconds/],
    ['nanos beyond a second', { timestamp: 1, timestamp_nanos: 1_000_000_000 }, /'timestamp_nanos'/],
    ['an unknown key', { incremental: 5 }, /Unknown key 'incremental'.*incrementing, timestamp, timestamp_nanos/],
  ])('answers 400 for %s, storing nothing', async (_what, offset, message) => {
    await stoppedSource('src');
    const r = await api.call('PATCH', '/connectors/src/offsets', sourceAt(offset));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error_code: 400, message: expect.stringMatching(message) });
    expect((await api.call('GET', '/connectors/src/offsets')).body).toEqual({ offsets: [] });
  });

  it('accepts integers (beyond 2^53 too, exactly) and digit strings, twice in a row', async () => {
    await stoppedSource('ok');
    const first = await api.call('PATCH', '/connectors/ok/offsets', undefined, { rawBody: `{"offsets":[{"partition":${JSON.stringify(partition)},"offset":{"incrementing":9007199254740993,"timestamp":"1700000000000"}}]}` });
    const second = await api.call('PATCH', '/connectors/ok/offsets', sourceAt({ incrementing: 42 }));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await api.call('GET', '/connectors/ok/offsets')).body).toEqual({ offsets: [{ partition, offset: { incrementing: 42 } }] });
  });
});
