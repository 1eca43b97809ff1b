// Sink offsets through the REST API (KIP-875): they are the consumer group connect-<name>'s committed offsets in the
// embedded broker; PATCH and DELETE work only while the pipeline is STOPPED, and a rewind re-delivers records.
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneHandle, startStandalone } from '../../../local/standalone.js';
import { PG_URL, uniqueName, withPg } from '../../helpers/pg.js';
import { waitFor } from '../../helpers/waitFor.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let sluice: StandaloneHandle;
const table = uniqueName('offsets_tbl');
const topic = uniqueName('offsets');
const name = 'offsets-sink';
const schema = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int64', optional: false }] };

beforeAll(async () => {
  sluice = await startStandalone({ restPort: 0, kafkaPort: 0, logger: quiet, pollIntervalMs: 200 });
});
afterAll(async () => {
  await sluice.stop();
  await withPg((c) => c.query(`DROP TABLE IF EXISTS "${table}"`));
});

const call = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(`${sluice.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await r.text();
  return { status: r.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};
const rows = () => withPg(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)).catch(() => 0);

describe('sink offsets through the REST API', () => {
  it('reads, rewinds and resets the consumer group offsets of a stopped sink', async () => {
    // Prepare: an insert-only sink (a re-delivered record shows up as one more row) that has consumed 3 records
    await call('POST', '/connectors', { name, config: { 'connector.class': 'JdbcSink', 'connection.url': PG_URL, 'connection.user': 'postgres', topics: topic, 'table.name.format': table, 'auto.create': 'true', 'sluice.esm.batching.window.ms': '0' } });
    const producer = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic, messages: [1, 2, 3].map((id) => ({ value: JSON.stringify({ schema, payload: { id } }) })) });
    await producer.disconnect();
    await waitFor(async () => (await rows()) === 3, 30_000, 'the first 3 rows');
    const running = await waitFor(async () => {
      const r = await call('GET', `/connectors/${name}/offsets`);
      return JSON.stringify(r.body).includes('"kafka_offset":3') ? r : undefined;
    }, 10_000, 'the committed offset never reached 3');

    // Act
    const refused = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 1 } }] });
    await call('PUT', `/connectors/${name}/stop`);
    await waitFor(async () => ((await call('GET', `/connectors/${name}/status`)).body as { connector: { state: string } }).connector.state === 'STOPPED', 5_000, 'the status says STOPPED');
    const badPartition = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: { kafka_topic: topic }, offset: { kafka_offset: 1 } }] });
    const altered = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 1 } }] });
    const afterAlter = await call('GET', `/connectors/${name}/offsets`);
    await call('PUT', `/connectors/${name}/resume`);
    await waitFor(async () => (await rows()) === 5, 30_000, 'records 2 and 3 were not delivered again after the rewind');
    await call('PUT', `/connectors/${name}/stop`);
    await waitFor(async () => ((await call('GET', `/connectors/${name}/status`)).body as { connector: { state: string } }).connector.state === 'STOPPED', 5_000, 'the status says STOPPED again');
    const reset = await call('DELETE', `/connectors/${name}/offsets`);
    const afterReset = await call('GET', `/connectors/${name}/offsets`);

    // Assess
    expect(running.body).toEqual({ offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 3 } }] });
    expect(refused.status).toBe(400);
    expect(badPartition).toEqual({ status: 400, body: { error_code: 400, message: "The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'" } });
    expect(altered.status).toBe(200);
    expect(afterAlter.body).toEqual({ offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 1 } }] });
    expect(reset.status).toBe(200);
    expect((reset.body as { message: string }).message).toMatch(/have been reset successfully/);
    expect(afterReset.body).toEqual({ offsets: [] });
  });
});

describe('sink offsets of a several-topic pipeline', () => {
  it('reads one consumer group per topic, as in AWS, and a topics.regex sink picks up matching topics', async () => {
    // Prepare: topics a and b, and a regex sink over both
    const base = uniqueName('multi');
    const [a, b] = [`${base}-a`, `${base}-b`];
    const tableMulti = uniqueName('multi_tbl');
    const tableRegex = uniqueName('regex_tbl');
    const kafka = new Kafka({ brokers: [sluice.kafkaBootstrap], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: a, messages: [{ value: JSON.stringify({ schema, payload: { id: 1 } }) }] });
    await producer.send({ topic: b, messages: [1, 2].map((id) => ({ value: JSON.stringify({ schema, payload: { id } }) })) });
    await producer.disconnect();
    const sinkOf = (extra: Record<string, string>, t: string) => ({ 'connector.class': 'JdbcSink', 'connection.url': PG_URL, 'connection.user': 'postgres', 'table.name.format': t, 'auto.create': 'true', 'sluice.esm.batching.window.ms': '0', ...extra });
    // Act
    await call('POST', '/connectors', { name: 'multi-sink', config: sinkOf({ topics: `${a},${b}` }, tableMulti) });
    await call('POST', '/connectors', { name: 'regex-sink', config: sinkOf({ 'topics.regex': `${base}-.*` }, tableRegex) });
    const count = (t: string) => withPg(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n)).catch(() => 0);
    await waitFor(async () => (await count(tableMulti)) === 3 && (await count(tableRegex)) === 3, 30_000, 'both sinks write all 3 records');
    const offsets = await waitFor(async () => {
      const r = (await call('GET', '/connectors/multi-sink/offsets')).body as { offsets: unknown[] };
      return r.offsets.length === 2 ? r : undefined;
    }, 10_000, 'offsets of both topics');
    const admin = kafka.admin();
    await admin.connect();
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith('connect-multi-sink'));
    await admin.disconnect();
    await withPg(async (c) => {
      await c.query(`DROP TABLE IF EXISTS "${tableMulti}"`);
      await c.query(`DROP TABLE IF EXISTS "${tableRegex}"`);
    });
    // Assess
    expect(offsets).toEqual({
      offsets: [
        { partition: { kafka_topic: a, kafka_partition: 0 }, offset: { kafka_offset: 1 } },
        { partition: { kafka_topic: b, kafka_partition: 0 }, offset: { kafka_offset: 2 } },
      ],
    });
    expect(sluice.esm.mappingsOf('regex-sink').map((m) => m.topic)).toEqual([a, b]);
    expect(groups.sort()).toEqual([`connect-multi-sink-${a}`, `connect-multi-sink-${b}`]);
  });
});
