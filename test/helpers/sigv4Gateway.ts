// A stand-in for API Gateway with AWS_IAM authorization, for the CLI's --stack target and `sluice proxy`: it checks
// every request's SigV4 signature against fixed credentials (recomputed with the AWS SDK's signer from what arrived
// on the wire: method, raw path, query, the signed headers and the body's own hash), answers a bad one 403 as API
// Gateway does, and forwards a good one, minus the stage path, to a real Kafka Connect REST API (standalone mode).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, request as httpRequest, type Server } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface FixedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface ArrivedRequest {
  readonly method: string;
  /** Path and query exactly as they arrived. */
  readonly rawUrl: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export type Verdict = { readonly ok: true; readonly signedHeaders: readonly string[] } | { readonly ok: false; readonly reason: string };

export interface Expected {
  readonly credentials: FixedCredentials;
  readonly region: string;
  readonly service: string;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/** Recomputes the request's signature; ok only if it matches and names the expected key, region and service. */
export async function verifySigV4(req: ArrivedRequest, expected: Expected): Promise<Verdict> {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const authorization = header('authorization');
  const m = authorization === undefined ? null : AUTH.exec(authorization);
  if (!m) return { ok: false, reason: `no SigV4 Authorization header: ${authorization}` };
  const [, keyId, , region, service, signedList, signature] = m;
  if (keyId !== expected.credentials.accessKeyId) return { ok: false, reason: `access key ${keyId}` };
  if (region !== expected.region || service !== expected.service) return { ok: false, reason: `scope ${region}/${service}` };
  const signedHeaders = signedList!.split(';');
  for (const required of ['host', 'x-amz-date']) if (!signedHeaders.includes(required)) return { ok: false, reason: `${required} not signed` };
  if (expected.credentials.sessionToken !== undefined && header('x-amz-security-token') !== expected.credentials.sessionToken) return { ok: false, reason: 'session token missing or wrong' };
  const date = header('x-amz-date') ?? '';
  const signingDate = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  if (Number.isNaN(signingDate.getTime())) return { ok: false, reason: `x-amz-date ${date}` };
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) if (name !== 'x-amz-date' && name !== 'x-amz-security-token') headers[name] = header(name) ?? '';
  // A body hash header is signed, but the body's own hash decides: a changed body cannot keep a valid signature.
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  if (signedHeaders.includes('x-amz-content-sha256')) {
    if (headers['x-amz-content-sha256'] !== bodyHash) return { ok: false, reason: 'x-amz-content-sha256 is not the body hash' };
  }
  const q = req.rawUrl.indexOf('?');
  const signer = new SignatureV4({ service: expected.service, region: expected.region, credentials: expected.credentials, sha256: Sha256, applyChecksum: false });
  const recomputed = await signer.sign(
    { method: req.method, protocol: 'https:', hostname: headers['host'] ?? '', path: q < 0 ? req.rawUrl : req.rawUrl.slice(0, q), query: queryOf(q < 0 ? '' : req.rawUrl.slice(q + 1)), headers, body: req.body },
    { signingDate },
  );
  const wanted = /Signature=([0-9a-f]{64})/.exec(recomputed.headers['authorization'] ?? '')?.[1];
  const wantedList = /SignedHeaders=([^,]+)/.exec(recomputed.headers['authorization'] ?? '')?.[1];
  if (wantedList !== signedList) return { ok: false, reason: `signed headers ${signedList}, expected ${wantedList}` };
  return wanted === signature ? { ok: true, signedHeaders } : { ok: false, reason: 'signature mismatch' };
}

function queryOf(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

export interface Gateway {
  /** http://127.0.0.1:PORT (the stage path is not included). */
  readonly url: string;
  readonly seen: readonly (ArrivedRequest & { readonly verdict: Verdict })[];
  close(): Promise<void>;
}

/** Listens on a free loopback port; a request outside `/<stage>` is 403 too (API Gateway's "Missing Authentication Token"). */
export async function startSigV4Gateway(options: Expected & { readonly stage: string; readonly upstream: string }): Promise<Gateway> {
  const seen: (ArrivedRequest & { verdict: Verdict })[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const arrived: ArrivedRequest = { method: req.method ?? 'GET', rawUrl: req.url ?? '/', headers: req.headers, body };
      const verdict = await verifySigV4(arrived, options);
      seen.push({ ...arrived, verdict });
      const prefix = `/${options.stage}`;
      if (!verdict.ok || !(arrived.rawUrl === prefix || arrived.rawUrl.startsWith(`${prefix}/`) || arrived.rawUrl.startsWith(`${prefix}?`))) {
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidSignatureException' });
        res.end(JSON.stringify({ message: verdict.ok ? 'Missing Authentication Token' : `The request signature we calculated does not match the signature you provided (${verdict.reason})` }));
        return;
      }
      const target = new URL(arrived.rawUrl.slice(prefix.length) || '/', options.upstream);
      const forwarded = httpRequest(target, { method: arrived.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json', accept: req.headers['accept'] ?? '*/*', 'content-length': String(body.length) } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...(answer.headers['content-type'] ? { 'content-type': answer.headers['content-type'] } : {}), 'x-amzn-requestid': 'test' });
        answer.pipe(res);
      });
      forwarded.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `gateway: ${e.message}` }));
      });
      forwarded.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
