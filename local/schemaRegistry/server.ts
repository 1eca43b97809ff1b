// The embedded schema registry's HTTP server: Confluent Schema Registry's REST API (the routes its clients call) over
// a RegistryStore, answering application/vnd.schemaregistry.v1+json and Confluent's error bodies
// `{error_code, message}`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen } from '../listen.js';
import { RegistryError, RegistryStore, type SchemaInput } from './RegistryStore.js';

export interface SchemaRegistryOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 picks a free port. @default 8081 */
  readonly port?: number;
  /** Where the registry file is kept; undefined keeps it in memory. */
  readonly dataDir?: string;
}

export interface SchemaRegistryHandle {
  readonly url: string;
  readonly port: number;
  readonly store: RegistryStore;
  stop(): Promise<void>;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const MAX_BODY = 16 * 1024 * 1024;

/** A schema answered as itself (GET …/schema): the JSON of an Avro or JSON schema, the text of a Protobuf one. */
class Raw {
  constructor(readonly text: string) {}
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body instanceof Raw ? body.text : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RegistryError(413, 413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new RegistryError(400, 400, 'Unrecognized request body: not JSON');
  }
}

function schemaInput(body: unknown): SchemaInput {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof b['schema'] !== 'string') throw new RegistryError(422, 42201, 'Invalid schema: the request has no schema string');
  if (b['schemaType'] !== undefined && typeof b['schemaType'] !== 'string') throw new RegistryError(422, 42201, 'Invalid schema: schemaType must be a string');
  const refs = b['references'];
  if (refs !== undefined && refs !== null && !Array.isArray(refs)) throw new RegistryError(422, 42201, 'Invalid schema: references must be a list');
  return {
    schema: b['schema'],
    ...(typeof b['schemaType'] === 'string' ? { schemaType: b['schemaType'].toUpperCase() as SchemaInput['schemaType'] & string } : {}),
    ...(Array.isArray(refs) ? { references: refs as SchemaInput['references'] & unknown[] } : {}),
  };
}

const routeNotFound = () => new RegistryError(404, 404, 'HTTP 404 Not Found');

/** One request: the answer's status and body (or a RegistryError). */
async function route(store: RegistryStore, req: IncomingMessage): Promise<[number, unknown]> {
  const url = new URL(req.url ?? '/', 'http://registry');
  const parts = url.pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  const method = req.method ?? 'GET';
  const flag = (name: string) => url.searchParams.get(name) === 'true';
  const deleted = flag('deleted');
  const [head, a, b, c, d] = parts;

  if (parts.length === 0 && method === 'GET') return [200, {}];

  if (head === 'schemas') {
    if (a === 'types' && parts.length === 2 && method === 'GET') return [200, store.schemaTypes()];
    if (a === 'ids' && b !== undefined && method === 'GET') {
      const id = Number(b);
      if (!/^\d+$/.test(b)) throw new RegistryError(404, 40403, 'Schema not found');
      if (parts.length === 3) {
        const s = store.schemaById(id);
        return [200, { schema: s.schema, ...(s.schemaType === 'AVRO' ? {} : { schemaType: s.schemaType }), ...(s.references.length > 0 ? { references: s.references } : {}) }];
      }
      if (parts.length === 4 && c === 'schema') return [200, new Raw(store.schemaById(id).schema)];
      if (parts.length === 4 && c === 'subjects') return [200, [...new Set(store.usesOf(id, deleted).map((u) => u.subject))]];
      if (parts.length === 4 && c === 'versions') return [200, store.usesOf(id, deleted)];
    }
    throw routeNotFound();
  }

  if (head === 'subjects') {
    if (parts.length === 1 && method === 'GET') return [200, store.subjects(deleted)];
    if (a === undefined) throw routeNotFound();
    if (parts.length === 2) {
      if (method === 'POST') return [200, store.lookup(a, schemaInput(await readBody(req)), deleted)];
      if (method === 'DELETE') return [200, store.deleteSubject(a, flag('permanent'))];
    }
    if (b === 'versions') {
      if (parts.length === 3 && method === 'GET') return [200, store.versions(a, deleted)];
      if (parts.length === 3 && method === 'POST') return [200, { id: store.register(a, schemaInput(await readBody(req))) }];
      if (c !== undefined && parts.length === 4 && method === 'GET') return [200, store.version(a, c, deleted)];
      if (c !== undefined && parts.length === 4 && method === 'DELETE') return [200, store.deleteVersion(a, c, flag('permanent'))];
      if (c !== undefined && parts.length === 5 && d === 'schema' && method === 'GET') return [200, new Raw(store.version(a, c, deleted).schema)];
      if (c !== undefined && parts.length === 5 && d === 'referencedby' && method === 'GET') return [200, store.referencedBy(a, c)];
    }
    throw routeNotFound();
  }

  if (head === 'config') {
    if (parts.length === 1) {
      if (method === 'GET') return [200, { compatibilityLevel: store.level() }];
      if (method === 'PUT') return [200, { compatibility: store.setLevel(undefined, ((await readBody(req)) as Record<string, unknown>)['compatibility']) }];
    }
    if (parts.length === 2 && a !== undefined) {
      if (method === 'GET') {
        const own = store.subjectLevel(a);
        if (own !== undefined) return [200, { compatibilityLevel: own }];
        if (flag('defaultToGlobal')) return [200, { compatibilityLevel: store.level() }];
        throw new RegistryError(404, 40408, `Subject '${a}' does not have subject-level compatibility configured`);
      }
      if (method === 'PUT') return [200, { compatibility: store.setLevel(a, ((await readBody(req)) as Record<string, unknown>)['compatibility']) }];
      if (method === 'DELETE') return [200, { compatibility: store.deleteLevel(a) }];
    }
    throw routeNotFound();
  }

  if (head === 'compatibility' && a === 'subjects' && b !== undefined && c === 'versions' && method === 'POST' && (parts.length === 4 || parts.length === 5)) {
    const problems = store.compatibility(b, d, schemaInput(await readBody(req)));
    return [200, { is_compatible: problems.length === 0, ...(flag('verbose') ? { messages: problems } : {}) }];
  }
  throw routeNotFound();
}

/** Starts the registry on host:port (default 127.0.0.1:8081), keeping its state under `dataDir` when given. */
export async function startSchemaRegistry(options: SchemaRegistryOptions = {}): Promise<SchemaRegistryHandle> {
  const host = options.host ?? '127.0.0.1';
  const store = new RegistryStore(options.dataDir);
  const server: Server = createServer((req, res) => {
    route(store, req).then(
      ([status, body]) => send(res, status, body),
      (err: unknown) => {
        if (err instanceof RegistryError) send(res, err.status, { error_code: err.errorCode, message: err.message });
        else send(res, 500, { error_code: 50001, message: `Error in the backend data store: ${(err as Error).message}` });
      },
    );
  });
  await listen(server, options.port ?? 8081, host, 'schema-registry');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
