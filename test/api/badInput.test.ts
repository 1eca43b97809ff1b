// Bad input gets a Connect-shaped 4xx, never a 5xx or a crash.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, SEED, pgSink, useApiHarness } from '../helpers/apiHarness.js';

const ctx = useApiHarness();
let api: ApiHarness;
beforeEach(() => {
  api = ctx.api();
});

function expectConnectError(r: { status: number; body: unknown }, status: number, message?: string | RegExp): void {
  expect(r.status).toBe(status);
  expect(r.body).toEqual({ error_code: status, message: expect.any(String) });
  if (message !== undefined) expect((r.body as { message: string }).message).toMatch(message);
}

describe('POST /connectors with bad input', () => {
  const sink = pgSink('x').config;
  it.each([
    { what: 'a non-JSON body', raw: '{name: nope', message: /^Request body is not valid JSON/ },
    { what: 'an empty body', raw: '', message: 'Request body is empty; expected a JSON document' },
    { what: 'a JSON array', raw: '[]', message: /^Invalid connector creation request/ },
    { what: 'a config that is not a map', raw: '{"name":"x","config":"a=b"}', message: /^Invalid connector creation request at 'config'/ },
    { what: 'a nested object as a config value', raw: '{"name":"x","config":{"a":{"b":1}}}', message: /^Invalid connector creation request at 'config.a'/ },
    { what: 'an unknown top-level field', raw: JSON.stringify({ name: 'x', config: sink, extra: 1 }), message: /^Invalid connector creation request/ },
    { what: 'an invalid initial_state', raw: JSON.stringify({ name: 'x', config: sink, initial_state: 'SLEEPING' }), message: /initial_state/ },
  ])('answers 400 for $what', async ({ raw, message }) => {
    expectConnectError(await api.call('POST', '/connectors', undefined, { rawBody: raw }), 400, message);
  });

  it.each([
    { what: 'a missing name', body: { config: sink }, message: 'Invalid value  for configuration name: String may not be empty' },
    { what: 'a blank name', body: { name: '   ', config: sink }, message: 'Invalid value  for configuration name: String may not be empty' },
    { what: "a name with '/'", body: { name: 'a/b', config: sink }, message: /may not contain '\/'/ },
    { what: 'a name with control characters', body: { name: 'a\nb', config: sink }, message: /String may not contain control sequences but had the following ASCII chars: 10/ },
    { what: 'a name over 255 characters', body: { name: 'n'.repeat(256), config: sink }, message: /at most 255 characters/ },
    { what: 'a config name that differs', body: { name: 'x', config: { ...sink, name: 'y' } }, message: "Connector name configuration (y) doesn't match connector name in the URL (x)" },
    { what: 'no connector.class', body: { name: 'x', config: { topics: 't' } }, message: /^Connector config \{topics=t.*\} contains no connector type$/ },
    { what: 'an unknown connector.class', body: { name: 'x', config: { ...sink, 'connector.class': 'com.acme.MongoSinkConnector' } }, message: /^Failed to find any class that implements Connector and which name matches com\.acme\.MongoSinkConnector/ },
    { what: 'pk.mode=foo', body: { name: 'x', config: { ...sink, 'pk.mode': 'foo' } }, message: /Invalid value foo for configuration pk\.mode: String must be one of \(case insensitive\): none, kafka, record_key, record_value/ },
    { what: 'batch.size=-1', body: { name: 'x', config: { ...sink, 'batch.size': '-1' } }, message: /Invalid value -1 for configuration batch\.size: Value must be at least 1/ },
    { what: 'batch.size=abc', body: { name: 'x', config: { ...sink, 'batch.size': 'abc' } }, message: /Invalid value abc for configuration batch\.size: Not a number of type INT/ },
    { what: 'a connection.url no dialect matches', body: { name: 'x', config: { ...sink, 'connection.url': 'jdbc:sqlserver://h:1433;databaseName=db' } }, message: /connection\.url: no dialect matches the URL scheme 'sqlserver'/ },
    { what: 'a non-JDBC connection.url', body: { name: 'x', config: { ...sink, 'connection.url': 'hello world' } }, message: /connection\.url/ },
    { what: 'a null config value', body: { name: 'x', config: { ...sink, 'batch.size': null } }, message: /Null value can not be supplied/ },
    { what: 'delete.enabled without record_key', body: { name: 'x', config: { ...sink, 'delete.enabled': 'true', 'pk.mode': 'record_value' } }, message: /Deletes are only supported for pk\.mode record_key/ },
    { what: 'upsert with pk.mode none', body: { name: 'x', config: { ...sink, 'pk.mode': 'none' } }, message: /requires key field names to be known/ },
    { what: 'both topics and topics.regex', body: { name: 'x', config: { ...sink, 'topics.regex': 'o.*' } }, message: /topics and topics\.regex are mutually exclusive options, but both are set\./ },
    { what: 'a DLQ topic that is consumed', body: { name: 'x', config: { ...sink, 'errors.deadletterqueue.topic.name': 'orders' } }, message: /The DLQ topic 'orders' may not be included in the list of topics/ },
    { what: 'an invalid topics.regex', body: { name: 'x', config: { ...sink, topics: '', 'topics.regex': '([' } }, message: /topics\.regex/ },
    { what: 'errors.tolerance=some', body: { name: 'x', config: { ...sink, 'errors.tolerance': 'some' } }, message: /errors\.tolerance: String must be one of: none, all/ },
    { what: 'a source without mode', body: { name: 'x', config: { 'connector.class': 'JdbcSource', 'connection.url': 'jdbc:mysql://h/db', 'table.whitelist': 't' } }, message: /Query mode must be specified/ },
  ])('answers 400 for $what', async ({ body, message }) => {
    const r = await api.call('POST', '/connectors', body);
    expectConnectError(r, 400, message);
    expect(await api.store.list()).toEqual([]);
  });

  it('lists every error in one message, as Kafka Connect does', async () => {
    const r = await api.call('POST', '/connectors', { name: 'x', config: { ...sink, 'pk.mode': 'foo', 'batch.size': '-1' } });
    const message = (r.body as { message: string }).message;
    expect(message.split('\n')[0]).toBe('Connector configuration is invalid and contains the following 2 error(s):');
    expect(message.split('\n').at(-1)).toBe('You can also find the above list of errors at the endpoint `/connector-plugins/JdbcSinkConnector/config/validate`');
  });
});

describe('other bad requests', () => {
  it('PUT whose body name differs from the path is a 400', async () => {
    const r = await api.call('PUT', '/connectors/a/config', { ...pgSink('b').config, name: 'b' });
    expectConnectError(r, 400, "Connector name configuration (b) doesn't match connector name in the URL (a)");
  });

  it.each([
    ['GET', '/connectors/ghost'],
    ['GET', '/connectors/ghost/config'],
    ['PATCH', '/connectors/ghost/config'],
    ['GET', '/connectors/ghost/status'],
    ['GET', '/connectors/ghost/tasks'],
    ['GET', '/connectors/ghost/tasks/0/status'],
    ['PUT', '/connectors/ghost/pause'],
    ['PUT', '/connectors/ghost/resume'],
    ['PUT', '/connectors/ghost/stop'],
    ['POST', '/connectors/ghost/restart'],
    ['POST', '/connectors/ghost/tasks/0/restart'],
    ['DELETE', '/connectors/ghost'],
    ['PUT', '/connectors/ghost/topics/reset'],
    ['GET', '/connectors/ghost/offsets'],
    ['DELETE', '/connectors/ghost/offsets'],
  ])('%s %s on an unknown connector is a 404', async (method, path) => {
    expectConnectError(await api.call(method, path, method === 'PATCH' ? { a: 'b' } : undefined), 404);
  });

  it.each([
    ['GET', '/nothing/here', 404, 'HTTP 404 Not Found'],
    ['GET', '/connectors/a/b/c/d', 404, 'HTTP 404 Not Found'],
    ['DELETE', '/connectors', 405, 'HTTP 405 Method Not Allowed'],
    ['POST', '/connectors/x/status', 405, 'HTTP 405 Method Not Allowed'],
  ])('%s %s is a %i', async (method, path, status, message) => {
    expectConnectError(await api.call(method, path), status, message);
  });

  it('a non-numeric task id is a 400', async () => {
    await api.call('POST', '/connectors', SEED);
    expectConnectError(await api.call('GET', '/connectors/my-first-pipeline/tasks/abc/status'), 400);
  });

  it('a bad includeTasks value is a 400', async () => {
    await api.call('POST', '/connectors', SEED);
    expectConnectError(await api.call('POST', '/connectors/my-first-pipeline/restart', undefined, { query: { includeTasks: 'maybe' } }), 400);
  });
});

describe('fuzz', () => {
  it('answers only 201 or a Connect-shaped 4xx to random POST bodies', async () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.object());
    const body = fc.oneof(
      fc.string().map((raw) => ({ raw })),
      fc.jsonValue().map((v) => ({ raw: JSON.stringify(v) })),
      fc.record({ name: fc.string(), config: fc.dictionary(fc.constantFrom('connector.class', 'connection.url', 'topics', 'pk.mode', 'batch.size', 'table', 'mode', fc.sample(fc.string(), 1)[0]!), value) }).map((v) => ({ raw: JSON.stringify(v) })),
      fc.record({ name: fc.string({ minLength: 1 }), config: fc.constant({ ...SEED.config }) }).map((v) => ({ raw: JSON.stringify(v) })),
    );
    await fc.assert(
      fc.asyncProperty(body, async ({ raw }) => {
        const r = await api.call('POST', '/connectors', undefined, { rawBody: raw });
        if (r.status === 201) return;
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.body).toEqual({ error_code: r.status, message: expect.any(String) });
      }),
      { numRuns: 300 },
    );
  });
});

describe('transforms, predicates and converters in a config', () => {
  const sink = pgSink('x').config;
  it.each([
    { what: 'a transform without a type', extra: { transforms: 'a' }, message: /Missing required configuration "transforms\.a\.type" which has no default value\./ },
    { what: 'an unknown transform class', extra: { transforms: 'a', 'transforms.a.type': 'com.acme.Nope' }, message: /Class com\.acme\.Nope could not be found/ },
    { what: 'a transform missing its own required key', extra: { transforms: 'a', 'transforms.a.type': 'org.apache.kafka.connect.transforms.ExtractField$Value' }, message: /transforms\.a\.field/ },
    { what: 'a duplicate transform alias', extra: { transforms: 'a,a', 'transforms.a.type': 'org.apache.kafka.connect.transforms.Filter' }, message: /Duplicate alias provided\./ },
    { what: 'an unknown value converter', extra: { 'value.converter': 'com.acme.AvroThing' }, message: /Invalid value com\.acme\.AvroThing for configuration value\.converter: Class com\.acme\.AvroThing could not be found\./ },
    { what: 'a bad converter setting', extra: { 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'maybe' }, message: /value\.converter\.schemas\.enable/ },
    { what: 'an Avro converter without a registry URL', extra: { 'value.converter': 'io.confluent.connect.avro.AvroConverter' }, message: /Missing required configuration "schema\.registry\.url"/ },
    { what: 'an unknown subject name strategy', extra: { 'value.converter': 'AvroConverter', 'value.converter.schema.registry.url': 'http://127.0.0.1:8081', 'value.converter.value.subject.name.strategy': 'com.acme.Nope' }, message: /value\.converter\.value\.subject\.name\.strategy/ },
  ])('answers 400 for $what', async ({ extra, message }) => {
    expectConnectError(await api.call('POST', '/connectors', { name: 'x', config: { ...sink, ...extra } }), 400, message);
  });

  it('accepts the tombstone-dropping idiom with a predicate', async () => {
    const r = await api.call('POST', '/connectors', {
      name: 'idiom',
      config: {
        ...sink,
        transforms: 'dropTombstones',
        'transforms.dropTombstones.type': 'org.apache.kafka.connect.transforms.Filter',
        'transforms.dropTombstones.predicate': 'isTombstone',
        predicates: 'isTombstone',
        'predicates.isTombstone.type': 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'false',
      },
    });
    expect(r.status).toBe(201);
  });
});
