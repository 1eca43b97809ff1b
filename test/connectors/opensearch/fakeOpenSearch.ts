// A local HTTP server speaking the subset of the OpenSearch REST API the sink's client uses, in the documented wire
// format: GET / (info), HEAD /{index}, PUT /{index} (mappings), PUT /_data_stream/{name}, POST /_bulk (NDJSON, with
// per-item results: index/create/update/delete, external versions, version conflicts, mapping errors on typed fields,
// data streams that accept only op_type create). Documents are kept in memory. Failures can be injected: whole-request
// statuses for the next _bulk requests, and per-item statuses. With `basic` it requires HTTP basic auth; with `sigv4` it
// verifies each request's AWS Signature Version 4 with AWS's own signer (@smithy/signature-v4).
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredDoc {
  source: Record<string, unknown>;
  version: number;
}

export interface ItemError {
  readonly status: number;
  readonly type: string;
  readonly reason: string;
}

export interface RequestLog {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FakeOptions {
  readonly basic?: { readonly username: string; readonly password: string };
  /** With `sessionToken` (temporary credentials, as a Lambda role's), the signed x-amz-security-token header must carry it. */
  readonly sigv4?: { readonly region: string; readonly service: string; readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
}

type Op = 'index' | 'create' | 'update' | 'delete';

const NUMERIC = new Set(['byte', 'short', 'integer', 'long', 'float', 'double']);

export class FakeOpenSearch {
  readonly indices = new Map<string, Map<string, StoredDoc>>();
  readonly mappings = new Map<string, Record<string, unknown>>();
  readonly dataStreams = new Set<string>();
  readonly requests: RequestLog[] = [];
  /** Statuses the next _bulk requests answer as a whole (e.g. 503, 429), one per request. */
  readonly bulkFailures: number[] = [];
  /** How many of the next _bulk requests get no answer at all (the client's read timeout must end them). */
  hangBulk = 0;
  /** A per-item failure to inject, asked for each bulk item in order; `seen` counts earlier items with the same id. */
  itemFailure: ((op: Op, index: string, id: string, seen: number) => ItemError | undefined) | undefined;
  private readonly seenIds = new Map<string, number>();
  private server: Server | undefined;

  constructor(private readonly options: FakeOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, Buffer.concat(chunks).toString('utf8'), res).catch((e: unknown) => send(res, 500, { error: { type: 'test_server_error', reason: String(e) }, status: 500 }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
  }

  doc(index: string, id: string): StoredDoc | undefined {
    return this.indices.get(index)?.get(id);
  }

  docs(index: string): Map<string, StoredDoc> {
    return this.indices.get(index) ?? new Map();
  }

  private async handle(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, headers: req.headers, body });
    const denied = await this.authenticate(req, url, body);
    if (denied) return send(res, denied.status, denied.body);
    const parts = url.pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
    if (method === 'GET' && parts.length === 0) {
      return send(res, 200, { name: 'fake-node', cluster_name: 'fake', cluster_uuid: 'abc', version: { distribution: 'opensearch', number: '2.19.0', lucene_version: '9.12.1', minimum_wire_compatibility_version: '7.10.0', minimum_index_compatibility_version: '7.0.0' }, tagline: 'The OpenSearch Project: https://opensearch.org/' });
    }
    if ((method === 'POST' || method === 'PUT') && parts.at(-1) === '_bulk') return this.bulk(body, parts.length === 2 ? parts[0] : undefined, res);
    if (method === 'PUT' && parts[0] === '_data_stream' && parts.length === 2) {
      const name = parts[1]!;
      if (this.exists(name)) return send(res, 400, alreadyExists(name));
      this.dataStreams.add(name);
      this.indices.set(name, new Map());
      return send(res, 200, { acknowledged: true });
    }
    if (parts.length === 1 && !parts[0]!.startsWith('_')) {
      const index = parts[0]!;
      if (method === 'HEAD') return send(res, this.exists(index) ? 200 : 404, undefined);
      if (method === 'PUT') {
        if (this.exists(index)) return send(res, 400, alreadyExists(index));
        this.indices.set(index, new Map());
        const parsed = body === '' ? {} : (JSON.parse(body) as { mappings?: Record<string, unknown> });
        if (parsed.mappings) this.mappings.set(index, parsed.mappings);
        return send(res, 200, { acknowledged: true, shards_acknowledged: true, index });
      }
    }
    return send(res, 400, { error: { type: 'illegal_argument_exception', reason: `no handler for ${method} ${url.pathname}` }, status: 400 });
  }

  private exists(name: string): boolean {
    return this.indices.has(name) || this.dataStreams.has(name);
  }

  private async authenticate(req: IncomingMessage, url: URL, body: string): Promise<{ status: number; body: unknown } | undefined> {
    const { basic, sigv4 } = this.options;
    const auth = req.headers.authorization ?? '';
    if (basic) {
      const expected = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`;
      if (auth !== expected) return { status: 401, body: { error: { type: 'security_exception', reason: 'missing authentication credentials for REST request [/]' }, status: 401 } };
    }
    if (sigv4) {
      const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(auth);
      const reject = { status: 403, body: { message: 'The request signature we calculated does not match the signature you provided.' } };
      if (!m || m[1] !== sigv4.accessKeyId || m[3] !== sigv4.region || m[4] !== sigv4.service) return reject;
      const signedHeaders = m[5]!.split(';');
      if (!signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date')) return reject;
      if (sigv4.sessionToken !== undefined && (!signedHeaders.includes('x-amz-security-token') || req.headers['x-amz-security-token'] !== sigv4.sessionToken)) return reject;
      const headers: Record<string, string> = {};
      for (const h of signedHeaders) headers[h] = String(req.headers[h] ?? '');
      const amzDate = headers['x-amz-date']!;
      const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
      const signer = new SignatureV4({ credentials: { accessKeyId: sigv4.accessKeyId, secretAccessKey: sigv4.secretAccessKey }, region: sigv4.region, service: sigv4.service, sha256: Sha256 });
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const signed = await signer.sign(
        { method: req.method ?? 'GET', protocol: 'http:', hostname: headers['host']!.split(':')[0]!, path: url.pathname, query, headers, body },
        { signingDate, signableHeaders: new Set(signedHeaders) },
      );
      if (signed.headers['authorization'] !== auth) return reject;
    }
    return undefined;
  }

  private bulk(body: string, defaultIndex: string | undefined, res: ServerResponse): void {
    if (this.hangBulk > 0) {
      this.hangBulk--;
      return;
    }
    const failure = this.bulkFailures.shift();
    if (failure !== undefined) {
      const type = failure === 429 ? 'es_rejected_execution_exception' : 'unavailable_shards_exception';
      send(res, failure, { error: { type, reason: `injected ${failure}` }, status: failure });
      return;
    }
    const lines = body.split('\n').filter((l) => l !== '');
    const items: Array<Record<string, unknown>> = [];
    for (let i = 0; i < lines.length; ) {
      const action = JSON.parse(lines[i++]!) as Record<Op, { _index?: string; _id?: string; version?: number; version_type?: string }>;
      const op = Object.keys(action)[0] as Op;
      const meta = action[op];
      const source = op === 'delete' ? undefined : (JSON.parse(lines[i++]!) as Record<string, unknown>);
      const index = meta._index ?? defaultIndex ?? '';
      const id = meta._id ?? `auto-${i}`;
      const key = `${index}/${id}`;
      const seen = this.seenIds.get(key) ?? 0;
      this.seenIds.set(key, seen + 1);
      const injected = this.itemFailure?.(op, index, id, seen);
      const result = injected ? errorItem(index, id, injected) : this.apply(op, index, id, meta, source);
      items.push({ [op]: result });
    }
    send(res, 200, { took: 1, errors: items.some((it) => ((Object.values(it)[0] as { status: number }).status ?? 200) >= 300), items });
  }

  private apply(op: Op, index: string, id: string, meta: { version?: number; version_type?: string }, source: Record<string, unknown> | undefined): Record<string, unknown> {
    const isStream = this.dataStreams.has(index);
    if (isStream && op !== 'create') return errorItem(index, id, { status: 400, type: 'illegal_argument_exception', reason: `only write ops with an op_type of create are allowed in data streams` });
    if (!this.indices.has(index)) this.indices.set(index, new Map());
    const docs = this.indices.get(index)!;
    const existing = docs.get(id);
    const external = meta.version_type === 'external';
    const conflict = (current: number) => errorItem(index, id, { status: 409, type: 'version_conflict_engine_exception', reason: `[${id}]: version conflict, current version [${current}] is higher or equal to the one provided [${meta.version}]` });
    if (op === 'delete') {
      if (!existing) return { _index: index, _id: id, _version: 1, result: 'not_found', status: 404 };
      if (external && existing.version >= (meta.version ?? 0)) return conflict(existing.version);
      docs.delete(id);
      return { _index: index, _id: id, _version: external ? meta.version : existing.version + 1, result: 'deleted', status: 200 };
    }
    if (op === 'update') {
      const s = source as { doc?: Record<string, unknown>; upsert?: Record<string, unknown>; doc_as_upsert?: boolean };
      const next = existing ? { ...existing.source, ...s.doc } : (s.upsert ?? (s.doc_as_upsert ? s.doc : undefined));
      if (!next) return errorItem(index, id, { status: 404, type: 'document_missing_exception', reason: `[${id}]: document missing` });
      const bad = this.mappingError(index, id, next);
      if (bad) return errorItem(index, id, bad);
      docs.set(id, { source: next, version: (existing?.version ?? 0) + 1 });
      return { _index: index, _id: id, _version: (existing?.version ?? 0) + 1, result: existing ? 'updated' : 'created', status: existing ? 200 : 201 };
    }
    if (op === 'create' && existing) return errorItem(index, id, { status: 409, type: 'version_conflict_engine_exception', reason: `[${id}]: version conflict, document already exists (current version [${existing.version}])` });
    if (isStream && !('@timestamp' in (source ?? {}))) return errorItem(index, id, { status: 400, type: 'illegal_argument_exception', reason: 'data stream timestamp field [@timestamp] is missing' });
    if (external && existing && existing.version >= (meta.version ?? 0)) return conflict(existing.version);
    const bad = this.mappingError(index, id, source ?? {});
    if (bad) return errorItem(index, id, bad);
    const version = external ? (meta.version ?? 1) : (existing?.version ?? 0) + 1;
    docs.set(id, { source: source ?? {}, version });
    return { _index: index, _id: id, _version: version, result: existing ? 'updated' : 'created', status: existing ? 200 : 201 };
  }

  /** A value that does not parse as its mapped numeric or boolean type: mapper_parsing_exception, as the server. */
  private mappingError(index: string, id: string, source: Record<string, unknown>): ItemError | undefined {
    const props = (this.mappings.get(index)?.['properties'] ?? {}) as Record<string, { type?: string }>;
    for (const [field, value] of Object.entries(source)) {
      const type = props[field]?.type;
      if (value === null || value === undefined || type === undefined) continue;
      const badNumber = NUMERIC.has(type) && (typeof value === 'boolean' || typeof value === 'object' || Number.isNaN(Number(value)));
      const badBoolean = type === 'boolean' && typeof value !== 'boolean' && value !== 'true' && value !== 'false';
      if (badNumber || badBoolean) return { status: 400, type: 'mapper_parsing_exception', reason: `failed to parse field [${field}] of type [${type}] in document with id '${id}'` };
    }
    return undefined;
  }
}

function errorItem(index: string, id: string, e: ItemError): Record<string, unknown> {
  return { _index: index, _id: id, status: e.status, error: { type: e.type, reason: e.reason, index } };
}

function alreadyExists(name: string) {
  return { error: { type: 'resource_already_exists_exception', reason: `index [${name}] already exists`, index: name }, status: 400 };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
