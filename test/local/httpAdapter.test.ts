// The local HTTP server hands the API the request target as sent (as API Gateway's REST API does: still
// percent-encoded, no dot-segment removal; see https://github.com/middleapi/standard-server/pull/93 citing live
// captures), so a malformed or dot-segment path is a 400 from the API, never a 500 or another connector.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveProxyHandler } from '../../local/httpAdapter.js';
import { type ApiHarness, apiHarness, pgSink } from '../helpers/apiHarness.js';
import { type TestDynamo, startTestDynamo } from '../helpers/dynamo.js';

let dynamo: TestDynamo;
let api: ApiHarness;
let server: Server;
let port: number;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  api = await apiHarness(dynamo);
  server = createServer(serveProxyHandler(api.handler, 'sluice-api'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  await api.call('POST', '/connectors', pgSink('b'));
  await api.call('POST', '/connectors', pgSink('café'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dynamo.stop();
});

/** Sends a raw request line (fetch would normalise it) and returns the status and body. */
function raw(requestLine: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    // Not end(): a half-closed socket would let the server close it before answering; Connection: close ends it.
    socket.write(`${requestLine} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  });
}

describe('request targets in standalone mode', () => {
  it('answers 400 to an unparseable request target', async () => {
    const r = await raw('GET //[');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ error_code: 400, message: expect.stringMatching(/^Invalid request path/) });
  });

  it("does not let /connectors/a/../b address connector b", async () => {
    expect((await raw('GET /connectors/a/../b')).status).toBe(400);
    expect((await raw('DELETE /connectors/a/../b')).status).toBe(400);
    expect((await raw('GET /connectors/b')).status).toBe(200);
  });

  it('reads a percent-encoded path as the name it spells', async () => {
    const r = await raw(`GET /connectors/${encodeURIComponent('café')}/status`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ name: 'café' });
  });

  it('answers HEAD with headers and no body', async () => {
    const r = await raw('HEAD /connectors/b');
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
  });
});
