import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { ApiKey } from '../../../local/broker/protocol/apiKeys.js';
import { ErrorCode } from '../../../local/broker/protocol/errors.js';
import type { Reader } from '../../../local/broker/protocol/Reader.js';
import { Writer } from '../../../local/broker/protocol/Writer.js';
import { splitBatches } from '../../../local/broker/protocol/recordBatch.js';
import { buildBatch, fetchBody, produceBody, RawClient, readFetchResponse, readProduceResponse } from './helpers.js';

function readApiVersions(r: Reader, flexible: boolean): { errorCode: number; apis: Map<number, [number, number]> } {
  const errorCode = r.int16();
  const apis = new Map<number, [number, number]>();
  const n = flexible ? r.uvarint() - 1 : r.int32();
  for (let i = 0; i < n; i++) {
    apis.set(r.int16(), [r.int16(), r.int16()]);
    if (flexible) r.taggedFields();
  }
  return { errorCode, apis };
}

describe('wire protocol handling', () => {
  let broker: BrokerHandle;
  const clients: RawClient[] = [];
  const open = async () => {
    const c = await RawClient.connect(broker.port);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    broker = await startBroker({ port: 0, numPartitions: 1 });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await broker.stop();
  });

  async function produce(c: RawClient, topic: string, batch: Buffer) {
    await c.request(ApiKey.Metadata, 1, new Writer().array([topic], (w, t) => void w.string(t)));
    return readProduceResponse(await c.request(ApiKey.Produce, 3, produceBody(topic, 0, batch)));
  }

  it('answers ApiVersions v3 (flexible request) with a v0 response header and the implemented ranges', async () => {
    const c = await open();
    // Request header v2 = header v1 + an (empty) tagged-field section, then the compact body.
    const body = new Writer().emptyTaggedFields().compactNullableString('test-client').compactNullableString('1.0').emptyTaggedFields();
    const r = await c.request(ApiKey.ApiVersions, 3, body);
    const { errorCode, apis } = readApiVersions(r, true);
    expect(errorCode).toBe(ErrorCode.NONE);
    expect(apis.get(ApiKey.Produce)).toEqual([3, 8]);
    expect(apis.get(ApiKey.Fetch)).toEqual([4, 11]);
    expect(apis.get(ApiKey.ApiVersions)).toEqual([0, 3]);
    const v0 = readApiVersions(await c.request(ApiKey.ApiVersions, 0, Buffer.alloc(0)), false);
    expect(v0.apis).toEqual(apis);
  });

  it('answers an unsupported ApiVersions version with UNSUPPORTED_VERSION in v0 and keeps the connection', async () => {
    const c = await open();
    const r = await c.request(ApiKey.ApiVersions, 9, new Writer().emptyTaggedFields());
    const { errorCode, apis } = readApiVersions(r, false);
    expect(errorCode).toBe(ErrorCode.UNSUPPORTED_VERSION);
    expect(apis.size).toBeGreaterThan(10);
    expect(readApiVersions(await c.request(ApiKey.ApiVersions, 1, Buffer.alloc(0)), false).errorCode).toBe(ErrorCode.NONE);
  });

  it('answers pipelined requests in order', async () => {
    const c = await open();
    const ids = [
      c.send(ApiKey.Metadata, 1, new Writer().int32(-1)),
      c.send(ApiKey.ApiVersions, 0, Buffer.alloc(0)),
      c.send(ApiKey.ListGroups, 0, Buffer.alloc(0)),
      c.send(ApiKey.Metadata, 4, new Writer().int32(-1).bool(false)),
    ];
    const got = [];
    for (let i = 0; i < ids.length; i++) got.push((await c.next()).correlationId);
    expect(got).toEqual(ids);
  });

  it('sends no response to acks=0 produces, answers acks=1 and rejects other acks values', async () => {
    const c = await open();
    await c.request(ApiKey.Metadata, 1, new Writer().array(['acks'], (w, t) => void w.string(t)));
    c.send(ApiKey.Produce, 3, produceBody('acks', 0, buildBatch({ records: [{ key: null, value: 'fire' }] }), 0));
    const one = readProduceResponse(await c.request(ApiKey.Produce, 3, produceBody('acks', 0, buildBatch({ records: [{ key: null, value: 'one' }] }), 1)));
    expect(one).toEqual({ errorCode: ErrorCode.NONE, baseOffset: 1 });
    const bad = readProduceResponse(await c.request(ApiKey.Produce, 3, produceBody('acks', 0, buildBatch({ records: [{ key: null, value: 'x' }] }), 2)));
    expect(bad.errorCode).toBe(ErrorCode.INVALID_REQUIRED_ACKS);
  });

  it('closes only the connection that sends a malformed frame or an unknown API key', async () => {
    const good = await open();
    const oversized = await open();
    const header = Buffer.alloc(4);
    header.writeInt32BE(200 * 1024 * 1024);
    oversized.sendRaw(header);
    await oversized.closedPromise;
    const garbage = await open();
    garbage.sendRaw(Buffer.from([0, 0, 0, 9, 0, 3, 0, 1, 0, 0, 0, 1, 0x7f]));
    await garbage.closedPromise;
    const unknown = await open();
    unknown.send(999, 0, Buffer.alloc(0));
    await unknown.closedPromise;
    const truncatedBody = await open();
    truncatedBody.send(ApiKey.Produce, 3, Buffer.from([0xff, 0xff, 0, 1]));
    await truncatedBody.closedPromise;
    expect(readApiVersions(await good.request(ApiKey.ApiVersions, 0, Buffer.alloc(0)), false).errorCode).toBe(ErrorCode.NONE);
    const fresh = await open();
    expect(readApiVersions(await fresh.request(ApiKey.ApiVersions, 0, Buffer.alloc(0)), false).errorCode).toBe(ErrorCode.NONE);
  });

  it('parks a fetch with min bytes until data arrives, holding back later responses on that connection', async () => {
    const producer = await open();
    await produce(producer, 'parked', buildBatch({ records: [{ key: null, value: 'zero' }] }));
    const fetcher = await open();
    const fetchId = fetcher.send(ApiKey.Fetch, 4, fetchBody('parked', 0, 1, 25_000, 1));
    const versionsId = fetcher.send(ApiKey.ApiVersions, 0, Buffer.alloc(0));
    // Round trips on another connection show the broker is serving while the fetch stays parked.
    for (let i = 0; i < 3; i++) await producer.request(ApiKey.ApiVersions, 0, Buffer.alloc(0));
    expect(fetcher.pendingFrames).toBe(0);
    const produced = await produce(producer, 'parked', buildBatch({ records: [{ key: 'k', value: 'one' }] }));
    expect(produced).toEqual({ errorCode: ErrorCode.NONE, baseOffset: 1 });
    const fetched = await fetcher.next();
    expect(fetched.correlationId).toBe(fetchId);
    const res = readFetchResponse(fetched.r);
    expect(res.errorCode).toBe(ErrorCode.NONE);
    expect(res.highWatermark).toBe(2);
    const batches = splitBatches(res.records!);
    expect(batches.map((b) => b.baseOffset)).toEqual([1]);
    expect((await fetcher.next()).correlationId).toBe(versionsId);
  });

  it('returns stored batches byte for byte, with only the base offset assigned', async () => {
    const c = await open();
    const batch = buildBatch({ records: [{ key: 'a', value: 'x' }, { key: 'b', value: null }] });
    await produce(c, 'verbatim', batch);
    await produce(c, 'verbatim', batch);
    const res = readFetchResponse(await c.request(ApiKey.Fetch, 4, fetchBody('verbatim', 0, 0, 0, 1)));
    const stored = splitBatches(res.records!);
    expect(stored.map((b) => b.baseOffset)).toEqual([0, 2]);
    expect(Buffer.compare(stored[1]!.bytes.subarray(8), batch.subarray(8))).toBe(0);
  });

  it('answers OFFSET_OUT_OF_RANGE for a fetch beyond the end of the log', async () => {
    const c = await open();
    await produce(c, 'range', buildBatch({ records: [{ key: null, value: 'only' }] }));
    const res = readFetchResponse(await c.request(ApiKey.Fetch, 4, fetchBody('range', 0, 1000, 0, 1)));
    expect(res.errorCode).toBe(ErrorCode.OFFSET_OUT_OF_RANGE);
    expect(res.highWatermark).toBe(1);
    const unknown = readFetchResponse(await c.request(ApiKey.Fetch, 4, fetchBody('no-such-topic', 0, 0, 0, 1)));
    expect(unknown.errorCode).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });

  it('lists earliest, latest and by-timestamp offsets', async () => {
    const c = await open();
    const t0 = 1_700_000_000_000;
    await produce(c, 'times', buildBatch({ firstTimestamp: t0, records: [0, 1000, 2000].map((d) => ({ key: null, value: `at+${d}`, timestampDelta: d })) }));
    await produce(c, 'times', buildBatch({ firstTimestamp: t0 + 10_000, records: [{ key: null, value: 'late' }] }));
    const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchTopicOffsets('times');
    expect(offsets).toMatchObject({ partition: 0, low: '0', high: '4', offset: '4' });
    const [byTime] = await admin.fetchTopicOffsetsByTimestamp('times', t0 + 500);
    expect(byTime).toEqual({ partition: 0, offset: '1' });
    const [exact] = await admin.fetchTopicOffsetsByTimestamp('times', t0 + 10_000);
    expect(exact).toEqual({ partition: 0, offset: '3' });
    await admin.disconnect();
    const r = await c.request(
      ApiKey.ListOffsets,
      1,
      new Writer().int32(-1).array(['times'], (w, t) => void w.string(t).array([0], (w2, p) => void w2.int32(p).int64(t0 + 60_000))),
    );
    r.int32();
    r.string();
    r.int32();
    r.int32();
    expect(r.int16()).toBe(ErrorCode.NONE);
    expect([r.int64(), r.int64()]).toEqual([-1, -1]);
  });
});
