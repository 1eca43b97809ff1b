// `sluice proxy`'s request handler: every request (method, path, query, content-type, accept, body) is signed with
// SigV4 and sent to the deployed API under its stage path; the answer (status, headers, body) streams back as it
// comes. Kafka Connect's tools (kcctl, Terraform's kafka-connect provider, Kafka UI, curl) then talk to a plain local
// URL. Local routes (the web console at /ui) are asked first and answer without going to AWS.
import { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, request as httpRequest, type ServerResponse } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import type { RequestSigner } from '../aws/RequestSigner.js';

/** Answers a request itself (true) or leaves it to the proxy (false). */
export type LocalRoute = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface LocalRoutes {
  /** The web console: its pages and assets under /ui. */
  readonly ui?: LocalRoute;
}

export interface ProxyOptions {
  /** The API's base URL, stage included: https://abc.execute-api.eu-west-1.amazonaws.com/v1 */
  readonly upstream: string;
  readonly signer: RequestSigner;
  readonly localRoutes?: LocalRoutes;
  /** One line per request (method, path, status, ms). */
  readonly log?: (line: string) => void;
  /** @default 10 MiB, API Gateway's payload limit for a REST API */
  readonly maxBodyBytes?: number;
}

/** Connection-level headers (RFC 9110 section 7.6.1) and what the proxy sets itself; never copied across. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

const MAX_BODY = 10 * 1024 * 1024;

export function proxyHandler(options: ProxyOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const base = options.upstream.replace(/\/+$/, '');
  const secure = base.startsWith('https:');
  const agent = secure ? new Agent({ keepAlive: true }) : undefined;
  const log = options.log ?? (() => undefined);
  const routes = Object.values(options.localRoutes ?? {}).filter((r): r is LocalRoute => r !== undefined);

  return (req, res) => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    res.on('finish', () => log(`${method} ${path} ${res.statusCode} ${Date.now() - started} ms`));
    void (async () => {
      for (const route of routes) if (await route(req, res)) return;
      const body = await readBody(req, options.maxBodyBytes ?? MAX_BODY);
      if (body === undefined) return error(res, 413, `request body over ${options.maxBodyBytes ?? MAX_BODY} bytes`);
      // Only an origin-form path (RFC 9112 section 3.2.1) is joined under the stage.
      if (!path.startsWith('/')) return error(res, 400, `not a path: ${path}`);
      const target = new URL(`${base}${path}`);
      let signed: Record<string, string>;
      try {
        signed = await options.signer.sign({ method, url: target, headers: pick(req.headers, ['content-type', 'accept']), ...(body.length > 0 ? { body } : {}) });
      } catch (e) {
        return error(res, 500, `sluice proxy cannot sign the request: ${(e as Error).message}`);
      }
      const headers: OutgoingHttpHeaders = { ...signed, 'content-length': String(body.length), ...(req.headers['user-agent'] ? { 'user-agent': req.headers['user-agent'] } : {}) };
      const upstream = (secure ? httpsRequest : httpRequest)(target, { method, headers, ...(agent ? { agent } : {}) }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage ?? '', endToEnd(answer.headers));
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      });
      upstream.on('error', (e: NodeJS.ErrnoException) => {
        if (res.headersSent) res.destroy();
        else error(res, 502, `sluice proxy cannot reach ${base}: ${e.code ?? e.message}`);
      });
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    })().catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else error(res, 500, `sluice proxy: ${(e as Error).message}`);
    });
  };
}

/** Kafka Connect's error body, so its clients show the message. */
function error(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ error_code: status, message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = headers[name];
    if (v !== undefined) out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

/** The whole body, or undefined once it is over `max` bytes (the rest is drained). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= max ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}
