// The Elasticsearch / OpenSearch sink task driven through the real @opensearch-project/opensearch client over TCP
// against a local server that speaks the documented _bulk wire format (fakeOpenSearch.ts). No OpenSearch or
// Elasticsearch server runs on this machine: this is the documented HTTP API, not a live cluster.
import { afterEach, describe, expect, it } from 'vitest';
import type { SinkTask, TaskContext } from '../../../lambdas/connect-api/connector.js';
import type { SinkRecord } from '../../../lambdas/connect-api/data/ConnectRecord.js';
import { Decimal } from '../../../lambdas/connect-api/data/Decimal.js';
import { dateSchema, decimalSchema, mapSchema, Schemas, structSchema, timestampSchema } from '../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../lambdas/connect-api/data/Struct.js';
import { OpenSearchSinkTask } from '../../../lambdas/connectors/opensearch/OpenSearchSinkTask.js';
import { freePort } from '../../helpers/freePort.js';
import { sinkRecord } from '../../runtime/transforms/records.js';
import { FakeOpenSearch, type FakeOptions } from './fakeOpenSearch.js';

const ORDER = structSchema([
  ['id', Schemas.INT32],
  ['name', Schemas.OPTIONAL_STRING],
  ['qty', Schemas.OPTIONAL_INT32],
]);

function order(offset: number, id: number, name: string | null, qty: number | null = 1, topic = 'Orders'): SinkRecord {
  return sinkRecord({ topic, kafkaPartition: 0, kafkaOffset: offset, keySchema: Schemas.INT32, key: id, valueSchema: ORDER, value: new Struct(ORDER, { id, name, qty }) });
}

function tombstone(offset: number, id: number | null, topic = 'Orders'): SinkRecord {
  return sinkRecord({ topic, kafkaPartition: 0, kafkaOffset: offset, keySchema: Schemas.INT32, key: id, valueSchema: ORDER, value: null });
}

interface Logged {
  readonly lines: string[];
  readonly context: TaskContext;
}

function logged(): Logged {
  const lines: string[] = [];
  return { lines, context: { connectorName: 'es', logger: { info: (m) => lines.push(`INFO ${m}`), warn: (m) => lines.push(`WARN ${m}`), error: (m) => lines.push(`ERROR ${m}`) } } };
}

const servers: FakeOpenSearch[] = [];
const tasks: SinkTask[] = [];
const noWait = async () => {};

async function server(options: FakeOptions = {}): Promise<{ fake: FakeOpenSearch; url: string }> {
  const fake = new FakeOpenSearch(options);
  servers.push(fake);
  return { fake, url: await fake.start() };
}

async function task(props: Record<string, string>, log: Logged = logged()): Promise<OpenSearchSinkTask> {
  const t = new OpenSearchSinkTask({ 'retry.backoff.ms': '0', ...props }, log.context, noWait);
  tasks.push(t);
  await t.start();
  return t;
}

afterEach(async () => {
  for (const t of tasks.splice(0)) await t.close();
  for (const s of servers.splice(0)) await s.stop();
});

describe('OpenSearchSinkTask writes', () => {
  it('inserts documents with the key as id into the lowercased topic index, with a mapping from the schema', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url });
    expect(await t.put([order(10, 1, 'apple', 3), order(11, 2, 'pear')])).toEqual([]);
    expect(fake.doc('orders', '1')).toEqual({ source: { id: 1, name: 'apple', qty: 3 }, version: 10 });
    expect(fake.doc('orders', '2')?.source).toEqual({ id: 2, name: 'pear', qty: 1 });
    expect(fake.mappings.get('orders')).toEqual({ properties: { id: { type: 'integer' }, name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } }, qty: { type: 'integer' } } });
    const bulk = fake.requests.find((r) => r.path === '/_bulk')!;
    expect(bulk.body.split('\n')[0]).toBe('{"index":{"_index":"orders","_id":"1","version":10,"version_type":"external"}}');
  });

  it('writes a redelivered batch without duplicates: replayed offsets conflict harmlessly, newer values stay', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url });
    const batch = [order(20, 1, 'v1'), order(21, 2, 'v1'), order(22, 1, 'v2')];
    expect(await t.put(batch)).toEqual([]);
    expect(await t.put(batch)).toEqual([]);
    expect(fake.docs('orders').size).toBe(2);
    expect(fake.doc('orders', '1')).toEqual({ source: { id: 1, name: 'v2', qty: 1 }, version: 22 });
  });

  it('with key.ignore=true uses topic+partition+offset as id, so a redelivery overwrites its own documents', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'key.ignore': 'true' });
    const batch = [order(5, 1, 'a'), order(6, 1, 'b')];
    expect(await t.put(batch)).toEqual([]);
    expect(await t.put(batch)).toEqual([]);
    expect([...fake.docs('orders').keys()].sort()).toEqual(['Orders+0+5', 'Orders+0+6']);
    expect(fake.doc('orders', 'Orders+0+6')?.source).toEqual({ id: 1, name: 'b', qty: 1 });
  });

  it('upserts: only the fields present replace those of the existing document', async () => {
    const { fake, url } = await server();
    fake.indices.set('orders', new Map([['1', { source: { id: 1, name: 'old', qty: 1, note: 'kept' }, version: 1 }]]));
    const t = await task({ 'connection.url': url, 'write.method': 'upsert' });
    expect(await t.put([order(30, 1, 'new', 7), order(31, 3, 'fresh', 2)])).toEqual([]);
    expect(fake.doc('orders', '1')?.source).toEqual({ id: 1, name: 'new', qty: 7, note: 'kept' });
    expect(fake.doc('orders', '3')?.source).toEqual({ id: 3, name: 'fresh', qty: 2 });
    const action = JSON.parse(fake.requests.find((r) => r.path === '/_bulk')!.body.split('\n')[0]!);
    expect(action).toEqual({ update: { _index: 'orders', _id: '1', retry_on_conflict: 5 } });
  });

  it('converts values as Confluent does: decimals as numbers, dates as epoch days, timestamps as millis, bytes base64, string maps compact', async () => {
    const { fake, url } = await server();
    const s = structSchema([
      ['price', decimalSchema(2)],
      ['day', dateSchema()],
      ['at', timestampSchema()],
      ['blob', Schemas.BYTES],
      ['tags', mapSchema(Schemas.STRING, Schemas.INT32)],
      ['byId', mapSchema(Schemas.INT32, Schemas.STRING)],
      ['big', Schemas.INT64],
    ]);
    const value = new Struct(s, {
      price: new Decimal(1250n, 2),
      day: new Date(Date.UTC(2024, 0, 2)),
      at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
      blob: new Uint8Array([1, 2, 255]),
      tags: { a: 1 },
      byId: new Map([[7, 'x']]),
      big: 9007199254740993n,
    });
    const t = await task({ 'connection.url': url });
    expect(await t.put([sinkRecord({ topic: 'conv', kafkaPartition: 0, kafkaOffset: 1, keySchema: Schemas.STRING, key: 'k', valueSchema: s, value })])).toEqual([]);
    const body = fake.requests.find((r) => r.path === '/_bulk')!.body.split('\n')[1]!;
    expect(body).toBe('{"price":12.5,"day":19724,"at":1704164645006,"blob":"AQL/","tags":{"a":1},"byId":[{"key":7,"value":"x"}],"big":9007199254740993}');
    expect(fake.mappings.get('conv')?.['properties']).toMatchObject({ price: { type: 'double' }, day: { type: 'date' }, at: { type: 'date' }, blob: { type: 'binary' }, big: { type: 'long' } });
  });

  it('with schema.ignore=true writes what the JsonConverter writes (decimal as base64) and creates the index without a mapping', async () => {
    const { fake, url } = await server();
    const s = structSchema([['price', decimalSchema(2)]]);
    const t = await task({ 'connection.url': url, 'schema.ignore': 'true' });
    await t.put([sinkRecord({ topic: 'plain', kafkaOffset: 1, keySchema: Schemas.STRING, key: 'k', valueSchema: s, value: new Struct(s, { price: new Decimal(1250n, 2) }) })]);
    expect(fake.doc('plain', 'k')?.source).toEqual({ price: 'BOI=' });
    expect(fake.indices.has('plain')).toBe(true);
    expect(fake.mappings.has('plain')).toBe(false);
  });

  it('writes schemaless map values as JSON objects', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url });
    await t.put([sinkRecord({ topic: 'events', kafkaOffset: 3, key: 'e1', value: { kind: 'click', n: 2, nested: { ok: true } } })]);
    expect(fake.doc('events', 'e1')?.source).toEqual({ kind: 'click', n: 2, nested: { ok: true } });
  });

  it("routes by the record's topic after routers (a RegexRouter's topic names the index)", async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url });
    await t.put([{ ...order(1, 1, 'x'), topic: 'Archive-Orders', originalTopic: 'orders' }]);
    expect(fake.doc('archive-orders', '1')).toBeDefined();
    expect(fake.indices.has('orders')).toBe(false);
  });
});

describe('OpenSearchSinkTask per-record conversion failures', () => {
  it('fails just the records whose key cannot be an id or whose value breaks its schema', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url });
    const nullKey = sinkRecord({ topic: 'orders', kafkaOffset: 1, key: null, value: { a: 1 } });
    const structKey = sinkRecord({ topic: 'orders', kafkaOffset: 2, keySchema: structSchema([['k', Schemas.INT32]]), key: new Struct(structSchema([['k', Schemas.INT32]]), { k: 1 }), value: { a: 1 } });
    const missingRequired = sinkRecord({ topic: 'orders', kafkaOffset: 3, keySchema: Schemas.STRING, key: 'x', valueSchema: ORDER, value: new Struct(ORDER, { name: 'no id' }) });
    const failed = await t.put([nullKey, order(4, 4, 'fine'), structKey, missingRequired]);
    expect(failed.map((f) => [f.record.kafkaOffset, f.error.message])).toEqual([
      [1, 'Key is used as document id and can not be null.'],
      [2, 'STRUCT is not supported as the document id.'],
      [3, 'Conversion error: null value for field that is required and has no default value'],
    ]);
    expect([...fake.docs('orders').keys()]).toEqual(['4']);
  });

  it('fails a record whose value is not a JSON object when writing to a data stream', async () => {
    const { url } = await server();
    const t = await task({ 'connection.url': url, 'data.stream.type': 'logs', 'data.stream.dataset': 'app' });
    const failed = await t.put([sinkRecord({ topic: 'lines', kafkaOffset: 1, key: 'a', valueSchema: Schemas.STRING, value: 'plain text' })]);
    expect(failed.map((f) => f.error.message)).toEqual(['Top level payload contains data of Json type STRING. Required Json object.']);
  });
});

describe('OpenSearchSinkTask batching', () => {
  it('splits a batch into _bulk requests of batch.size documents', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'batch.size': '2', 'max.in.flight.requests': '2' });
    expect(await t.put([1, 2, 3, 4, 5].map((i) => order(i, i, `n${i}`)))).toEqual([]);
    const sizes = fake.requests.filter((r) => r.path === '/_bulk').map((r) => r.body.trim().split('\n').length / 2);
    expect(sizes.sort()).toEqual([1, 2, 2]);
    expect(fake.docs('orders').size).toBe(5);
  });

  it('sends upserts one request after another, in record order', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'batch.size': '1', 'max.in.flight.requests': '5', 'write.method': 'upsert' });
    await t.put([order(1, 1, 'first'), order(2, 1, 'second'), order(3, 1, 'third')]);
    const names = fake.requests.filter((r) => r.path === '/_bulk').map((r) => JSON.parse(r.body.trim().split('\n')[1]!).doc.name);
    expect(names).toEqual(['first', 'second', 'third']);
    expect(fake.doc('orders', '1')?.source['name']).toBe('third');
  });
});

describe('OpenSearchSinkTask tombstones', () => {
  it('behavior.on.null.values=delete deletes by key (a delete of a missing document is fine)', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'behavior.on.null.values': 'delete' });
    await t.put([order(1, 1, 'a'), order(2, 2, 'b')]);
    expect(await t.put([tombstone(3, 1), tombstone(4, 9), tombstone(5, null)])).toEqual([]);
    expect([...fake.docs('orders').keys()]).toEqual(['2']);
    const deletes = fake.requests.filter((r) => r.path === '/_bulk').at(-1)!.body.trim().split('\n');
    expect(deletes).toEqual(['{"delete":{"_index":"orders","_id":"1","version":3,"version_type":"external"}}', '{"delete":{"_index":"orders","_id":"9","version":4,"version_type":"external"}}']);
  });

  it('behavior.on.null.values=ignore skips tombstones', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'behavior.on.null.values': 'ignore' });
    await t.put([order(1, 1, 'a')]);
    expect(await t.put([tombstone(2, 1)])).toEqual([]);
    expect(fake.doc('orders', '1')).toBeDefined();
  });

  it('behavior.on.null.values=fail (the default) fails just that record', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url });
    const bad = tombstone(2, 1);
    const failed = await t.put([order(1, 1, 'a'), bad]);
    expect(failed.map((f) => f.record)).toEqual([bad]);
    expect(failed[0]!.error.message).toContain("has a null value (to ignore future records like this change the configuration property 'behavior.on.null.values'");
    expect(fake.doc('orders', '1')).toBeDefined();
  });
});

describe('OpenSearchSinkTask failures', () => {
  it('returns a document rejected for a mapping conflict as that record failure; the others are written', async () => {
    const { fake, url } = await server();
    const s = structSchema([['qty', Schemas.STRING]]);
    fake.indices.set('stock', new Map());
    fake.mappings.set('stock', { properties: { qty: { type: 'integer' } } });
    const rec = (offset: number, qty: string) => sinkRecord({ topic: 'stock', kafkaOffset: offset, keySchema: Schemas.STRING, key: `k${offset}`, valueSchema: s, value: new Struct(s, { qty }) });
    const t = await task({ 'connection.url': url });
    const bad = rec(2, 'lots');
    const failed = await t.put([rec(1, '5'), bad, rec(3, '7')]);
    expect(failed.map((f) => f.record)).toEqual([bad]);
    expect(failed[0]!.error.message).toBe("Indexing record failed (index stock, id k2): 400 mapper_parsing_exception: failed to parse field [qty] of type [integer] in document with id 'k2'");
    expect([...fake.docs('stock').keys()]).toEqual(['k1', 'k3']);
  });

  it.each(['ignore', 'warn'])('behavior.on.malformed.documents=%s drops the rejected document instead of failing it', async (behavior) => {
    const { fake, url } = await server();
    fake.itemFailure = (_op, _index, id) => (id === '2' ? { status: 400, type: 'mapper_parsing_exception', reason: 'failed to parse' } : undefined);
    const log = logged();
    const t = await task({ 'connection.url': url, 'behavior.on.malformed.documents': behavior }, log);
    expect(await t.put([order(1, 1, 'a'), order(2, 2, 'b')])).toEqual([]);
    expect(fake.doc('orders', '2')).toBeUndefined();
    expect(log.lines.filter((l) => l.includes('malformed')).length).toBe(behavior === 'warn' ? 1 : 0);
  });

  it('retries documents answered 429 until they are written', async () => {
    const { fake, url } = await server();
    fake.itemFailure = (_op, _index, id, seen) => (id === '2' && seen < 2 ? { status: 429, type: 'es_rejected_execution_exception', reason: 'rejected execution' } : undefined);
    const t = await task({ 'connection.url': url, 'max.retries': '3' });
    expect(await t.put([order(1, 1, 'a'), order(2, 2, 'b'), order(3, 3, 'c')])).toEqual([]);
    const bulks = fake.requests.filter((r) => r.path === '/_bulk');
    // The retries carry only the rejected document.
    expect(bulks.map((b) => b.body.trim().split('\n').length / 2)).toEqual([3, 1, 1]);
    expect([...fake.docs('orders').keys()].sort()).toEqual(['1', '2', '3']);
  });

  it('retries a whole-request 503, then throws a retriable error once max.retries are spent', async () => {
    const { fake, url } = await server();
    fake.bulkFailures.push(503);
    const t = await task({ 'connection.url': url, 'max.retries': '2' });
    expect(await t.put([order(1, 1, 'a')])).toEqual([]);
    fake.bulkFailures.push(503, 503, 503);
    const err = await t.put([order(2, 2, 'b')]).catch((e: unknown) => e as Error & { retriable?: boolean });
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'RetriableError', retriable: true });
    expect((err as Error).message).toContain('HTTP 503');
    expect(fake.doc('orders', '2')).toBeUndefined();
  });

  it('retries a _bulk request that gets no answer within read.timeout.ms', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'read.timeout.ms': '200', 'max.retries': '1' });
    fake.hangBulk = 1;
    expect(await t.put([order(1, 1, 'a')])).toEqual([]);
    expect(fake.doc('orders', '1')).toBeDefined();
    fake.hangBulk = 2;
    await expect(t.put([order(2, 2, 'b')])).rejects.toMatchObject({ name: 'ConnectionError', retriable: true, message: expect.stringContaining('Request timed out') });
  });

  it('throws a retriable error when items keep answering 5xx', async () => {
    const { fake, url } = await server();
    fake.itemFailure = (_op, _index, id) => (id === '2' ? { status: 503, type: 'unavailable_shards_exception', reason: 'primary shard is not active' } : undefined);
    const t = await task({ 'connection.url': url, 'max.retries': '1' });
    await expect(t.put([order(1, 1, 'a'), order(2, 2, 'b')])).rejects.toMatchObject({ name: 'RetriableError', message: expect.stringContaining('1 of 2 documents were not written after 1 retries: 503 unavailable_shards_exception') });
    expect(fake.doc('orders', '1')).toBeDefined();
  });

  it('spreads over several connection.url and skips one that is down', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const { fake, url } = await server();
    const t = await task({ 'connection.url': `${down},${url}`, 'max.retries': '3' });
    expect(await t.put([order(1, 1, 'a')])).toEqual([]);
    expect(await t.put([order(2, 2, 'b')])).toEqual([]);
    expect(fake.docs('orders').size).toBe(2);
  });

  it('fails start with a connection error when no URL answers', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const t = new OpenSearchSinkTask({ 'connection.url': down, 'max.retries': '1', 'retry.backoff.ms': '0' }, logged().context, noWait);
    tasks.push(t);
    await expect(t.start()).rejects.toMatchObject({ name: 'ConnectionError', retriable: true });
  });
});

describe('OpenSearchSinkTask authentication', () => {
  it('sends basic auth; a wrong password fails with a connection error that never shows it', async () => {
    const { fake, url } = await server({ basic: { username: 'elastic', password: 'right-secret' } });
    const good = await task({ 'connection.url': url, 'connection.username': 'elastic', 'connection.password': 'right-secret' });
    await good.put([order(1, 1, 'a')]);
    expect(fake.doc('orders', '1')).toBeDefined();
    expect(fake.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('elastic:right-secret').toString('base64')}`);

    const log = logged();
    const bad = new OpenSearchSinkTask({ 'connection.url': url.replace('http://', 'http://elastic:wrong-secret@'), 'connection.username': 'elastic', 'connection.password': 'wrong-secret' }, log.context, noWait);
    tasks.push(bad);
    const err = (await bad.start().catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ name: 'ConnectionError', retriable: false });
    expect(err.message).toContain('HTTP 401');
    const seen = [err.message, err.stack ?? '', String(err.cause ?? ''), ...log.lines].join('\n');
    expect(seen).not.toContain('wrong-secret');
    expect(seen).not.toContain(Buffer.from('elastic:wrong-secret').toString('base64'));
  });
});

describe('OpenSearchSinkTask data streams', () => {
  it('creates <type>-<dataset>-<topic> and writes op_type create with @timestamp from the record', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'data.stream.type': 'logs', 'data.stream.dataset': 'shop' });
    const batch = [order(1, 1, 'a'), order(2, 2, 'b')];
    expect(await t.put(batch)).toEqual([]);
    expect(fake.dataStreams.has('logs-shop-orders')).toBe(true);
    expect(fake.doc('logs-shop-orders', '1')?.source).toEqual({ id: 1, name: 'a', qty: 1, '@timestamp': batch[0]!.timestamp });
    const action = JSON.parse(fake.requests.find((r) => r.path === '/_bulk')!.body.split('\n')[0]!);
    expect(action).toEqual({ create: { _index: 'logs-shop-orders', _id: '1' } });
    // A redelivery conflicts on the existing ids: no duplicate, no failure.
    expect(await t.put(batch)).toEqual([]);
    expect(fake.docs('logs-shop-orders').size).toBe(2);
  });

  it('takes @timestamp from the first data.stream.timestamp.field present', async () => {
    const { fake, url } = await server();
    const t = await task({ 'connection.url': url, 'data.stream.type': 'metrics', 'data.stream.dataset': 'm', 'data.stream.timestamp.field': 'missing,name' });
    await t.put([order(1, 1, '2024-05-06T07:08:09Z')]);
    expect(fake.doc('metrics-m-orders', '1')?.source['@timestamp']).toBe('2024-05-06T07:08:09Z');
  });
});

describe('OpenSearchSinkTask with SigV4 (Amazon OpenSearch Service with IAM)', () => {
  const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
  const saved: Record<string, string | undefined> = {};

  function withCredentials(): void {
    for (const k of [...Object.keys(CREDENTIALS), 'AWS_SESSION_TOKEN']) saved[k] = process.env[k];
    Object.assign(process.env, CREDENTIALS);
    delete process.env['AWS_SESSION_TOKEN'];
  }

  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('signs every request with the default credential chain; the server verifies the signatures with AWS signer', async () => {
    withCredentials();
    const { fake, url } = await server({ sigv4: { region: 'eu-west-1', service: 'es', accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
    const t = await task({ 'connection.url': url, 'aws.sigv4.enabled': 'true', 'aws.region': 'eu-west-1' });
    expect(await t.put([order(1, 1, 'a'), order(2, 2, 'b')])).toEqual([]);
    expect(fake.docs('orders').size).toBe(2);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /', 'HEAD /orders', 'PUT /orders', 'POST /_bulk']);
    expect(fake.requests.every((r) => r.headers['x-amz-security-token'] === undefined)).toBe(true);
    for (const r of fake.requests) expect(r.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/es\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/);
  });

  it('signs with temporary credentials (a Lambda role): the session token travels as a signed header', async () => {
    withCredentials();
    process.env['AWS_SESSION_TOKEN'] = 'FwoGZXIvYXdzEXAMPLETOKEN';
    const { fake, url } = await server({ sigv4: { region: 'eu-west-1', service: 'es', accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' } });
    const t = await task({ 'connection.url': url, 'aws.sigv4.enabled': 'true', 'aws.region': 'eu-west-1' });
    expect(await t.put([order(1, 1, 'a')])).toEqual([]);
    expect(fake.doc('orders', '1')).toBeDefined();
  });

  it('is refused when the signature does not match (wrong secret key, wrong service)', async () => {
    withCredentials();
    const { url } = await server({ sigv4: { region: 'eu-west-1', service: 'es', accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: 'another-secret-key' } });
    const t = new OpenSearchSinkTask({ 'connection.url': url, 'aws.sigv4.enabled': 'true', 'aws.region': 'eu-west-1' }, logged().context, noWait);
    tasks.push(t);
    await expect(t.start()).rejects.toMatchObject({ name: 'ConnectionError', retriable: false, message: expect.stringContaining('HTTP 403') });
    const { url: aoss } = await server({ sigv4: { region: 'eu-west-1', service: 'aoss', accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
    const es = new OpenSearchSinkTask({ 'connection.url': aoss, 'aws.sigv4.enabled': 'true', 'aws.region': 'eu-west-1' }, logged().context, noWait);
    tasks.push(es);
    await expect(es.start()).rejects.toMatchObject({ name: 'ConnectionError' });
    const serverless = await task({ 'connection.url': aoss, 'aws.sigv4.enabled': 'true', 'aws.region': 'eu-west-1', 'aws.service': 'aoss' });
    expect(await serverless.put([order(1, 1, 'a')])).toEqual([]);
  });
});
