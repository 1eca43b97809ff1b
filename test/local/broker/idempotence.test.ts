import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerHandle, startBroker } from '../../../local/broker/index.js';
import { ApiKey } from '../../../local/broker/protocol/apiKeys.js';
import { ErrorCode } from '../../../local/broker/protocol/errors.js';
import { Writer } from '../../../local/broker/protocol/Writer.js';
import { buildBatch, produceBody, RawClient, readProduceResponse, waitFor } from './helpers.js';

describe('idempotent producers', () => {
  let broker: BrokerHandle;
  let client: RawClient;

  beforeAll(async () => {
    broker = await startBroker({ port: 0, numPartitions: 1 });
    client = await RawClient.connect(broker.port);
  });

  afterAll(async () => {
    client.close();
    await broker.stop();
  });

  async function latestOffset(topic: string): Promise<number> {
    const r = await client.request(
      ApiKey.ListOffsets,
      1,
      new Writer().int32(-1).array([topic], (w, t) => void w.string(t).array([0], (w2, p) => void w2.int32(p).int64(-1))),
    );
    r.int32();
    r.string();
    r.int32();
    r.int32();
    expect(r.int16()).toBe(ErrorCode.NONE);
    r.int64();
    return r.int64();
  }

  it('stores a retried batch once and acknowledges it with its first offset; rejects gaps and old duplicates', async () => {
    const init = await client.request(ApiKey.InitProducerId, 0, new Writer().nullableString(null).int32(60_000));
    init.int32();
    expect(init.int16()).toBe(ErrorCode.NONE);
    const producerId = init.int64();
    const producerEpoch = init.int16();
    expect(producerId).toBeGreaterThanOrEqual(0);
    await client.request(ApiKey.Metadata, 1, new Writer().array(['idem'], (w, t) => void w.string(t)));

    const produce = async (baseSequence: number, count: number) => {
      const batch = buildBatch({
        producerId,
        producerEpoch,
        baseSequence,
        records: Array.from({ length: count }, (_, i) => ({ key: null, value: `seq-${baseSequence + i}` })),
      });
      return readProduceResponse(await client.request(ApiKey.Produce, 7, produceBody('idem', 0, batch)));
    };
    const firstBatch = buildBatch({ producerId, producerEpoch, baseSequence: 0, records: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'c', value: '3' }] });
    const first = readProduceResponse(await client.request(ApiKey.Produce, 7, produceBody('idem', 0, firstBatch)));
    expect(first).toEqual({ errorCode: ErrorCode.NONE, baseOffset: 0 });
    // The very same request bytes again (a retry after a lost response).
    const retry = readProduceResponse(await client.request(ApiKey.Produce, 7, produceBody('idem', 0, firstBatch)));
    expect(retry).toEqual({ errorCode: ErrorCode.NONE, baseOffset: 0 });
    expect(await latestOffset('idem')).toBe(3);

    expect(await produce(3, 2)).toEqual({ errorCode: ErrorCode.NONE, baseOffset: 3 });
    expect((await produce(9, 1)).errorCode).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    expect(await latestOffset('idem')).toBe(5);
    for (let seq = 5; seq < 10; seq++) expect((await produce(seq, 1)).errorCode).toBe(ErrorCode.NONE);
    // The first batch is no longer among the last five: a duplicate Kafka can no longer answer for.
    const old = readProduceResponse(await client.request(ApiKey.Produce, 7, produceBody('idem', 0, firstBatch)));
    expect(old.errorCode).toBe(ErrorCode.DUPLICATE_SEQUENCE_NUMBER);
    expect(await latestOffset('idem')).toBe(10);
  });

  it('serves the kafkajs idempotent producer', async () => {
    const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 5; i++) await producer.send({ topic: 'idem-kafkajs', messages: [{ value: `v${i}` }, { value: `w${i}` }] });
    await producer.disconnect();
    await waitFor(async () => (await latestOffset('idem-kafkajs')) === 10, 5_000, '10 records');
  });
});
