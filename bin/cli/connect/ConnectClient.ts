// A Kafka Connect REST API over fetch: JSON in and out, and the server's `{error_code, message}` as an ApiError.
import { TargetError } from '../aws/TargetError.js';

/** The API answered with an error (or could not be reached): the CLI prints its message and exits 1. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export class ConnectClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** The parsed JSON body, or undefined for a body-less answer (204, 202 without content). */
  async request<T = unknown>(method: Method, path: string, body?: unknown): Promise<T | undefined> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      if (e instanceof TargetError) throw e;
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiError(`cannot reach ${this.baseUrl}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, undefined);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw new ApiError(errorMessage(parsed, text, response), response.status);
    return text === '' ? undefined : (parsed as T);
  }

  /** Like request, but a 404 is undefined instead of an error. */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', path);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return undefined;
      throw e;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

function errorMessage(parsed: unknown, text: string, response: Response): string {
  const message = typeof parsed === 'object' && parsed !== null ? (parsed as { message?: unknown }).message : undefined;
  if (typeof message === 'string') return message;
  return `${response.status} ${response.statusText}${text ? `: ${text.slice(0, 500)}` : ''}`;
}

/** A path segment: connector and plugin names may hold any character. */
export function seg(name: string): string {
  return encodeURIComponent(name);
}
