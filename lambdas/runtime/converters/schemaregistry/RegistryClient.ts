// A small client for the Confluent Schema Registry REST API (the calls a converter makes): schemas by id, a subject's
// versions, register and look up. Several URLs are tried in turn; a registry that cannot be reached (network error,
// 5xx, timeout) is a RetriableError, an answer in the 4xx range a RegistryError with Confluent's error_code.
// Credentials go in the Authorization header only and never appear in an error message.
import { maskSecrets } from '../../../connect-api/maskSecrets.js';
import { RetriableError, SluiceError } from '../../../connect-api/errors.js';

export type RegistrySchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface SchemaReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

export interface RegisteredSchema {
  readonly id: number;
  readonly schemaType: RegistrySchemaType;
  readonly schema: string;
  readonly references: readonly SchemaReference[];
  readonly subject?: string;
  readonly version?: number;
}

/** The registry answered with an error (4xx): Confluent's `error_code` (40401 subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema). */
export class RegistryError extends SluiceError {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode: number | undefined,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const TIMEOUT_MS = 10_000;

interface SchemaBody {
  id?: number;
  schema?: string;
  schemaType?: RegistrySchemaType;
  references?: SchemaReference[];
  subject?: string;
  version?: number;
}

export class RegistryClient {
  private readonly authorization: string | undefined;
  /** The URL that answered last, tried first next time. */
  private preferred = 0;

  constructor(
    readonly urls: readonly string[],
    private readonly userInfo: string | undefined,
  ) {
    this.authorization = userInfo ? `Basic ${Buffer.from(userInfo).toString('base64')}` : undefined;
  }

  async schemaById(id: number): Promise<RegisteredSchema> {
    const body = await this.request<SchemaBody>('GET', `/schemas/ids/${id}`);
    return registered({ ...body, id });
  }

  async version(subject: string, version: number | 'latest'): Promise<RegisteredSchema> {
    return registered(await this.request<SchemaBody>('GET', `/subjects/${encodeURIComponent(subject)}/versions/${version}`));
  }

  /** Registers the schema under the subject (or finds it registered) and returns its id. */
  async register(subject: string, schema: string, schemaType: RegistrySchemaType, references: readonly SchemaReference[] = []): Promise<number> {
    const body = await this.request<SchemaBody>('POST', `/subjects/${encodeURIComponent(subject)}/versions`, schemaRequest(schema, schemaType, references));
    return Number(body.id);
  }

  /** The id of a schema already registered under the subject (RegistryError 40403 when it is not). */
  async lookup(subject: string, schema: string, schemaType: RegistrySchemaType, references: readonly SchemaReference[] = []): Promise<number> {
    const body = await this.request<SchemaBody>('POST', `/subjects/${encodeURIComponent(subject)}`, schemaRequest(schema, schemaType, references));
    return Number(body.id);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: `${CONTENT_TYPE}, application/json` };
    if (body !== undefined) headers['Content-Type'] = CONTENT_TYPE;
    if (this.authorization) headers.Authorization = this.authorization;
    let lastError: unknown;
    for (let attempt = 0; attempt < this.urls.length; attempt++) {
      const index = (this.preferred + attempt) % this.urls.length;
      let response: Response;
      try {
        response = await fetch(`${this.urls[index]}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (e) {
        lastError = e;
        continue;
      }
      if (response.status >= 500) {
        lastError = new Error(`HTTP ${response.status}: ${await response.text().catch(() => '')}`);
        continue;
      }
      this.preferred = index;
      const text = await response.text();
      const json = parse(text);
      if (!response.ok) {
        const message = typeof json?.message === 'string' ? json.message : text;
        const code = typeof json?.error_code === 'number' ? json.error_code : undefined;
        throw new RegistryError(this.mask(`Schema registry ${method} ${path} failed (HTTP ${response.status}${code === undefined ? '' : `, error code ${code}`}): ${message}`), response.status, code);
      }
      return json as T;
    }
    const reason = lastError instanceof Error ? (lastError.cause instanceof Error ? `${lastError.message}: ${lastError.cause.message}` : lastError.message) : String(lastError);
    throw new RetriableError(this.mask(`Schema registry at ${this.urls.join(',')} could not be reached for ${method} ${path}: ${reason}`));
  }

  private mask(text: string): string {
    return maskSecrets(text, this.userInfo ? [this.userInfo, ...this.userInfo.split(':').slice(1)] : []);
  }
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function schemaRequest(schema: string, schemaType: RegistrySchemaType, references: readonly SchemaReference[]): Record<string, unknown> {
  const out: Record<string, unknown> = { schema };
  if (schemaType !== 'AVRO') out.schemaType = schemaType;
  if (references.length > 0) out.references = references;
  return out;
}

function registered(body: SchemaBody): RegisteredSchema {
  if (typeof body.schema !== 'string') throw new RegistryError('Schema registry answered without a schema', 200, undefined);
  return Object.freeze({
    id: Number(body.id),
    schemaType: body.schemaType ?? 'AVRO',
    schema: body.schema,
    references: Object.freeze(body.references ?? []),
    ...(body.subject === undefined ? {} : { subject: body.subject }),
    ...(body.version === undefined ? {} : { version: body.version }),
  });
}
