// The API's edge for secrets: every response body and every error logged passes through maskSecrets, with the
// literal secrets of the request's config and of the addressed connector's stored config when it is an error.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { ConnectorService } from '../runtime/connector/ConnectorService.js';
import { errorTrace } from '../connect-api/errors.js';
import { maskSecrets } from '../connect-api/maskSecrets.js';
import type { ErrorLogger } from './httpErrors.js';

/** The config map a request carries: POST's `config`, or the body of PUT/PATCH config and validate. */
function requestConfig(event: APIGatewayProxyEvent): Record<string, unknown> | undefined {
  if (!event.body) return undefined;
  try {
    const body: unknown = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const config = (body as { config?: unknown }).config;
    return typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : (body as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

/** The connector a path addresses (/connectors/{name}/...), if any. */
function connectorOf(event: APIGatewayProxyEvent): string | undefined {
  const m = /^\/connectors\/([^/]+)/.exec(event.path ?? '');
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}

export class ResponseMasker {
  constructor(private readonly service: ConnectorService) {}

  /**
   * The literal secrets to hide in an error answering `event`: the request's, and those of the connector it
   * addresses. (Successful answers are masked by structure only, so that a value that merely equals a password, such
   * as a user or database named like it, stays readable and GET → edit → PUT round-trips.)
   */
  secrets(event: APIGatewayProxyEvent): Promise<string[]> {
    return this.service.secretsFor(requestConfig(event), connectorOf(event));
  }

  mask(result: APIGatewayProxyResult, secrets: readonly string[]): APIGatewayProxyResult {
    if (!result.body || result.isBase64Encoded) return result;
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, typeof v === 'string' ? maskSecrets(v, secrets) : v]));
    return { ...result, headers, body: maskSecrets(result.body, secrets) };
  }

  /** A logger whose lines are masked, the error rendered as its trace. */
  log(log: ErrorLogger, secrets: readonly string[]): ErrorLogger {
    return { error: (message, detail) => log.error(maskSecrets(message, secrets), maskSecrets(detail instanceof Error ? errorTrace(detail) : String(detail), secrets)) };
  }
}
