// Input the store or Kafka could never hold is a Connect-shaped 400 (or 404), with nothing half-created: illegal topic
// names, configs beyond DynamoDB's item size, over-long and invalid-Unicode names; plus HEAD, dot segments and PUT names.
import { beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, pgSink, pgSource, useApiHarness } from '../helpers/apiHarness.js';

const ctx = useApiHarness();
let api: ApiHarness;
beforeEach(() => {
  api = ctx.api();
});

function expect400(r: { status: number; body: unknown }, message: RegExp): void {
  expect(r.status).toBe(400);
  expect(r.body).toEqual({ error_code: 400, message: expect.stringMatching(message) });
}

describe('topic names (Kafka: [a-zA-Z0-9._-], at most 249 characters, not "." or "..")', () => {
  it.each([
    ['inj";DROP TABLE x;--', /Topic name "inj";DROP TABLE x;--" is illegal, it contains a character other than ASCII alphanumerics, '\.', '_' and '-'/],
    ['t'.repeat(250), /Topic name is illegal, it can't be longer than 249 characters/],
    ['.', /Topic name cannot be "\." or "\.\."/],
    ['ok,..', /Topic name cannot be "\." or "\.\."/],
    ['with space', /illegal, it contains a character other than/],
  ])('refuses topics=%s at create, PUT and in validate', async (topics, message) => {
    const { config } = pgSink('x', { topics });
    expect400(await api.call('POST', '/connectors', { name: 'x', config }), message);
    expect400(await api.call('PUT', '/connectors/x/config', config), message);
    const validated = await api.call('PUT', '/connector-plugins/JdbcSinkConnector/config/validate', config);
    const topicsInfo = (validated.body as { configs: Array<{ value: { name: string; errors: string[] } }> }).configs.find((c) => c.value.name === 'topics');
    expect(topicsInfo?.value.errors.join('\n')).toMatch(message);
    expect(await api.store.list()).toEqual([]);
  });

  it('refuses a source topic.prefix no topic name may start with', async () => {
    expect400(await api.call('POST', '/connectors', pgSource('src', { 'topic.prefix': 'pg/' })), /topic\.prefix.*Topic prefix must not contain any character other than ASCII alphanumerics/);
    expect((await api.call('POST', '/connectors', pgSource('src', { 'topic.prefix': 'pg.db-1_' }))).status).toBe(201);
  });

  it('accepts the longest legal name, and refuses an illegal dead-letter topic', async () => {
    expect((await api.call('POST', '/connectors', pgSink('ok', { topics: `a.b_c-${'d'.repeat(243)}` }))).status).toBe(201);
    expect400(await api.call('POST', '/connectors', pgSink('x', { 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.name': 'dlq/1' })), /errors\.deadletterqueue\.topic\.name: Topic name "dlq\/1" is illegal/);
  });
});

describe('what the store can hold', () => {
  it("refuses a config beyond DynamoDB's 400 KB item, naming the limit, and creates nothing", async () => {
    const big = pgSink('big', { 'x.padding': 'y'.repeat(410 * 1024) });
    expect400(await api.call('POST', '/connectors', big), /too large: \d+ bytes.*at most \d+ bytes \(the item limit is 400 KB\)/);
    expect400(await api.call('PUT', '/connectors/big/config', big.config), /400 KB/);
    expect(await api.store.list()).toEqual([]);
  });

  it('refuses a PATCH that would grow the config beyond the limit, keeping the stored one', async () => {
    await api.call('POST', '/connectors', pgSink('grow'));
    expect400(await api.call('PATCH', '/connectors/grow/config', { 'x.padding': 'y'.repeat(410 * 1024) }), /400 KB/);
    expect((await api.store.get('grow'))?.config['x.padding']).toBeUndefined();
  });

  it('answers 404, not 500, for a name longer than any connector can have', async () => {
    const long = encodeURIComponent('n'.repeat(3000));
    for (const [method, path] of [['GET', ''], ['GET', '/status'], ['GET', '/config'], ['DELETE', ''], ['PUT', '/pause']] as const) {
      expect((await api.call(method, `/connectors/${long}${path}`)).status).toBe(404);
    }
    expect((await api.call('GET', `/connectors/${long}/topics`)).status).toBe(200); // as for any unknown name
    expect400(await api.call('PUT', `/connectors/${long}/config`, pgSink('x').config), /at most 255 characters/);
  });

  it('refuses a name with a lone surrogate and creates nothing', async () => {
    expect400(await api.call('POST', '/connectors', undefined, { rawBody: JSON.stringify(pgSink('x')).replace('"name":"x"', '"name":"rp-\\ud800"') }), /not valid Unicode/);
    expect400(await api.call('POST', '/connectors', pgSink('x', { 'table.name.format': 'a\ud800' })), /not valid Unicode/);
    expect(await api.store.list()).toEqual([]);
  });

  it("refuses the names '.' and '..', which no path can address", async () => {
    expect400(await api.call('POST', '/connectors', pgSink('..')), /may not be '\.' or '\.\.'/);
  });
});

describe('paths and methods', () => {
  it('answers HEAD on a GET route with the GET status and headers and no body', async () => {
    await api.call('POST', '/connectors', pgSink('h'));
    const head = await api.call('HEAD', '/connectors/h/status');
    expect(head.status).toBe(200);
    expect(head.raw).toBe('');
    expect(head.headers['Content-Type']).toBe('application/json');
    const missing = await api.call('HEAD', '/connectors/nope');
    expect([missing.status, missing.raw]).toEqual([404, '']);
  });

  it.each(['/connectors/a/../b', '/connectors/a/%2e%2e/b', '/connectors/./b', '/connectors/b/..', '//[', '/connectors//b'])('never lets %s address connector b (400)', async (path) => {
    await api.call('POST', '/connectors', pgSink('b'));
    expect400(await api.call('GET', path), /^Invalid request path/);
    expect400(await api.call('DELETE', path), /^Invalid request path/);
    expect(await api.store.get('b')).toBeDefined();
  });

  it('trims the name of a PUT as POST does', async () => {
    const r = await api.call('PUT', `/connectors/${encodeURIComponent('  spaced ')}/config`, { ...pgSink('x').config, name: ' spaced' });
    expect(r.status).toBe(201);
    expect((r.body as { name: string }).name).toBe('spaced');
    expect((await api.store.list()).map((p) => p.name)).toEqual(['spaced']);
  });
});
