// `sluice proxy --stack NAME`: a plain local Kafka Connect REST API whose every request is signed and forwarded to the
// stack's API. The "API Gateway" is a local server that recomputes each SigV4 signature with the AWS signer and
// forwards good requests to a real standalone instance; CloudFormation is mocked at the SDK boundary.
import { execFile } from 'node:child_process';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConnectCli } from '../../../../bin/cli/connect/program.js';
import type { LocalRoutes } from '../../../../bin/cli/proxy/proxyHandler.js';
import { RequestSigner } from '../../../../bin/cli/aws/RequestSigner.js';
import { isLoopback, type ProxyHandle, startProxy } from '../../../../bin/cli/proxy/startProxy.js';
import { freePort } from '../../../helpers/freePort.js';
import { PG_URL } from '../../../helpers/pg.js';
import { waitFor } from '../../../helpers/waitFor.js';
import { type Gateway, startSigV4Gateway } from '../../../helpers/sigv4Gateway.js';
import { fixedCredentialsForTests, CREDENTIALS } from '../aws/awsEnv.js';
import { standaloneForTests, unique } from '../connect/cliHarness.js';

const REGION = 'ap-southeast-2';
const sa = standaloneForTests();
fixedCredentialsForTests({ AWS_REGION: REGION });
const cloudformation = mockClient(CloudFormationClient);
let gateway: Gateway;
const proxies: ProxyHandle[] = [];

function stackAt(name: string, url: string): void {
  cloudformation.on(DescribeStacksCommand, { StackName: name }).resolves({ Stacks: [{ StackName: name, StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(0), Outputs: [{ OutputKey: 'ConnectApiUrl8A2B4C6D', OutputValue: url }] }] });
}

/** `sluice proxy` in-process on a free port; resolves with its URL once it listens. */
async function proxy(args: string[], localRoutes?: LocalRoutes): Promise<{ code: number; url?: string; stdout: string; stderr: string; log(): string }> {
  let stdout = '';
  let stderr = '';
  let started: ProxyHandle | undefined;
  const code = await runConnectCli(['proxy', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), started: (p) => (started = p), ...(localRoutes ? { localRoutes } : {}) });
  if (started) proxies.push(started);
  // log(): the request lines written since, as they come
  return Object.defineProperty({ code, stdout, stderr, ...(started ? { url: started.url } : {}) }, 'log', { value: () => stderr, enumerable: false }) as never;
}

/** curl as a user runs it: the status code on the last line. */
function curl(args: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-sS', '-w', '\n%{http_code}', ...args], (error, stdout, stderr) => {
      if (error) return reject(new Error(`curl ${args.join(' ')}: ${stderr}`));
      const cut = stdout.lastIndexOf('\n');
      resolve({ status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) });
    });
  });
}

beforeAll(async () => {
  gateway = await startSigV4Gateway({ credentials: CREDENTIALS, region: REGION, service: 'execute-api', stage: 'prod', upstream: sa.url });
  stackAt('sluice', `${gateway.url}/prod/`);
});
afterAll(async () => {
  for (const p of proxies) await p.stop();
  cloudformation.restore();
  await gateway.close();
});

const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

describe('sluice proxy', () => {
  it('forwards GET, POST, PUT and DELETE with query strings and JSON bodies, every one signed, and passes answers through', async () => {
    // Prepare
    const started = await proxy(['--stack', 'sluice', '--port', '0']);
    expect(started, started.stderr).toMatchObject({ code: 0 });
    const url = started.url!;
    const name = unique('proxy_sink');
    const config = { 'connector.class': 'JdbcSink', 'connection.url': `${PG_URL}?user=postgres`, 'connection.password': 'proxy-secret-3', topics: name, 'table.name.format': name };
    const before = gateway.seen.length;
    // Act: what kcctl and Terraform's provider send
    const created = await fetch(`${url}/connectors`, { method: 'POST', headers: json, body: JSON.stringify({ name, config }) });
    const listed = await fetch(`${url}/connectors?expand=status&expand=info`, { headers: json });
    const updated = await fetch(`${url}/connectors/${name}/config`, { method: 'PUT', headers: json, body: JSON.stringify({ ...config, 'batch.size': '10' }) });
    const paused = await fetch(`${url}/connectors/${name}/pause`, { method: 'PUT' });
    const missing = await fetch(`${url}/connectors/${name}_nope/status`, { headers: json });
    const direct = await fetch(`${sa.url}/connectors/${name}_nope/status`, { headers: json });
    const conflict = await fetch(`${url}/connectors`, { method: 'POST', headers: json, body: JSON.stringify({ name, config }) });
    const deleted = await fetch(`${url}/connectors/${name}`, { method: 'DELETE' });
    // Assess
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name, config: { 'connection.password': '[hidden]' } });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as Record<string, { status: { type: string } }>)[name]?.status.type).toBe('sink');
    expect(updated.status).toBe(200);
    expect(paused.status).toBe(202);
    expect(missing.status).toBe(direct.status);
    expect(await missing.text()).toBe(await direct.text());
    expect(missing.headers.get('content-type')).toBe(direct.headers.get('content-type'));
    expect(missing.headers.get('x-amzn-requestid')).toBe('test');
    expect(conflict.status).toBe(409);
    expect(deleted.status).toBe(204);
    const requests = gateway.seen.slice(before);
    expect(requests.map((r) => `${r.method} ${r.rawUrl}`)).toEqual([
      'POST /prod/connectors',
      'GET /prod/connectors?expand=status&expand=info',
      `PUT /prod/connectors/${name}/config`,
      `PUT /prod/connectors/${name}/pause`,
      `GET /prod/connectors/${name}_nope/status`,
      'POST /prod/connectors',
      `DELETE /prod/connectors/${name}`,
    ]);
    expect(requests.filter((r) => !r.verdict.ok)).toEqual([]);
    expect(requests[0]!.body.toString()).toBe(JSON.stringify({ name, config }));
    expect(requests[0]!.verdict).toMatchObject({ signedHeaders: ['accept', 'content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token'] });
    expect(started.stdout).toBe(`sluice proxy: ${url} -> ${gateway.url}/prod (stack sluice, ${REGION}), requests signed with SigV4\n`);
    await waitFor(async () => /^DELETE \/connectors\/\S+ 204 \d+ ms$/m.test(started.log()), 5_000, () => `a log line for the DELETE in ${started.log()}`);
  });

  it('serves curl unchanged, including a body over 1 KiB sent with Expect: 100-continue', async () => {
    // Prepare
    const started = await proxy(['--stack', 'sluice', '--port', '0']);
    const name = unique('proxy_curl');
    const config = { 'connector.class': 'JdbcSink', 'connection.url': `${PG_URL}?user=postgres`, topics: name, 'table.name.format': name, 'fields.whitelist': 'x'.repeat(1500) };
    // Act
    const put = await curl(['-X', 'PUT', '-H', 'Content-Type: application/json', '--data-binary', JSON.stringify(config), `${started.url}/connectors/${name}/config`]);
    const status = await curl([`${started.url}/connectors/${name}/status`]);
    const deleted = await curl(['-X', 'DELETE', `${started.url}/connectors/${name}`]);
    // Assess
    expect(put.status).toBe(201);
    expect(JSON.parse(put.body)).toMatchObject({ name, config: { 'fields.whitelist': 'x'.repeat(1500) } });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toMatchObject({ name, type: 'sink' });
    expect(deleted.status).toBe(204);
  });

  it('passes an error of the API through unchanged: a signature for the wrong region is 403 with its message', async () => {
    const started = await proxy(['--stack', 'sluice', '--port', '0', '--region', 'us-east-1']);
    const answer = await fetch(`${started.url}/connectors`);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(await answer.json()).toEqual({ message: 'The request signature we calculated does not match the signature you provided (scope us-east-1/execute-api)' });
  });

  it('answers 502 with a Kafka Connect error body when the API cannot be reached', async () => {
    const port = await freePort();
    stackAt('unreachable', `http://127.0.0.1:${port}/v1/`);
    const started = await proxy(['--stack', 'unreachable', '--port', '0']);
    const answer = await fetch(`${started.url}/connectors`);
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({ error_code: 502, message: `sluice proxy cannot reach http://127.0.0.1:${port}/v1: ECONNREFUSED` });
  });

  it('lets a local route (the console at /ui) answer first, without a request to AWS', async () => {
    const ui = (req: { url?: string }, res: { writeHead(s: number, h: Record<string, string>): unknown; end(b: string): unknown }) => {
      if (!req.url?.startsWith('/ui')) return false;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<h1>console</h1>');
      return true;
    };
    const started = await proxy(['--stack', 'sluice', '--port', '0'], { ui });
    const before = gateway.seen.length;
    const page = await fetch(`${started.url}/ui/`);
    const api = await fetch(`${started.url}/connector-plugins`);
    expect(await page.text()).toBe('<h1>console</h1>');
    expect(api.status).toBe(200);
    expect(gateway.seen.slice(before).map((r) => r.rawUrl)).toEqual(['/prod/connector-plugins']);
  });

  it('listens on loopback by default and refuses another address without --allow-remote (exit 2)', async () => {
    const started = await proxy(['--stack', 'sluice', '--port', '0']);
    const refused = await proxy(['--stack', 'sluice', '--port', '0', '--bind', '0.0.0.0']);
    const badPort = await proxy(['--stack', 'sluice', '--port', '70000']);
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'sluice: refusing to listen on 0.0.0.0: anyone who reaches it calls the API with your AWS credentials; add --allow-remote if that is what you want\n' });
    expect(badPort.code).toBe(2);
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'].filter((h) => !isLoopback(h))).toEqual([]);
    expect(['0.0.0.0', '::', '10.0.0.5', '192.168.1.1', 'example.com', '::ffff:10.0.0.1'].filter(isLoopback)).toEqual([]);
  });

  it('refuses a port already in use with exit 2', async () => {
    const first = await proxy(['--stack', 'sluice', '--port', '0']);
    const port = new URL(first.url!).port;
    const second = await proxy(['--stack', 'sluice', '--port', port]);
    expect(second).toEqual({ code: 2, stdout: '', stderr: `sluice: cannot listen on 127.0.0.1:${port} (EADDRINUSE): choose another --port or --bind\n` });
  });
});

describe('the proxy handler', () => {
  it('answers a body over the limit 413 without calling the API, and awaits an asynchronous local route', async () => {
    // Prepare
    const signer = new RequestSigner(REGION, CREDENTIALS);
    const handle = await startProxy({ upstream: `${gateway.url}/prod`, signer, port: 0, maxBodyBytes: 16, localRoutes: {
        ui: async (req, res) => {
          if (req.url !== '/ui') return false;
          res.end('ui');
          return true;
        },
      },
    });
    proxies.push(handle);
    const before = gateway.seen.length;
    // Act
    const tooBig = await fetch(`${handle.url}/connectors`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'x'.repeat(20) }) });
    const small = await fetch(`${handle.url}/connectors`, { method: 'POST', headers: json, body: '{}' });
    const ui = await fetch(`${handle.url}/ui`);
    // Assess
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ error_code: 413, message: 'request body over 16 bytes' });
    expect(small.status).toBe(400);
    expect(await ui.text()).toBe('ui');
    expect(gateway.seen.slice(before).map((r) => `${r.method} ${r.rawUrl} ${r.verdict.ok}`)).toEqual(['POST /prod/connectors true']);
  });
});
