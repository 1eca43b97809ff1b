// SigV4 for the deployed Connect API: API Gateway with AWS_IAM authorization verifies every request against the
// service `execute-api` in the API's region (see the README's "Calling the API"). The AWS SDK's own signer does the
// canonical request (path segments escaped twice, query sorted and escaped, body hash); this class only maps a URL and
// its headers onto it, and names the headers it signs so nothing a client or proxy adds later breaks the signature.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { TargetError } from './TargetError.js';

export const SIGNING_SERVICE = 'execute-api';

type Credentials = ConstructorParameters<typeof SignatureV4>[0]['credentials'];

export interface RequestToSign {
  readonly method: string;
  /** The full URL as it goes on the wire: the API's stage path included, path segments percent-encoded once. */
  readonly url: URL;
  /** Header names in any case; only SIGNED_HEADERS of them are signed, the rest are left as they are. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/**
 * Besides host and the x-amz-* headers the signer adds (date, session token, body hash): the headers that decide
 * what the API does with a request. Others (user-agent, accept-encoding, connection...) may be changed by whatever
 * sits between the caller and API Gateway, so they are sent unsigned.
 */
const SIGNED_HEADERS = new Set(['content-type', 'accept']);

export class RequestSigner {
  private readonly signer: SignatureV4;

  constructor(
    readonly region: string,
    credentials: Credentials,
  ) {
    this.signer = new SignatureV4({ service: SIGNING_SERVICE, region, credentials, sha256: Sha256, applyChecksum: true });
  }

  /** The headers to send: the signed ones, Authorization and the x-amz-* ones, with no `host` (the HTTP client sets it). */
  async sign(request: RequestToSign): Promise<Record<string, string>> {
    const headers: Record<string, string> = { host: request.url.host };
    for (const [name, value] of Object.entries(request.headers)) {
      const lower = name.toLowerCase();
      if (SIGNED_HEADERS.has(lower)) headers[lower] = value;
    }
    const signed = await this.signer.sign({
      method: request.method.toUpperCase(),
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      ...(request.url.port ? { port: Number(request.url.port) } : {}),
      path: request.url.pathname,
      query: parseQuery(request.url.search),
      headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(signed.headers)) if (name !== 'host') out[name] = value;
    return out;
  }
}

/**
 * `?a=1&b=x%20y&a=2` as the signer wants it: names and values percent-decoded (a `+` stays a plus, as API Gateway
 * reads a query), a repeated name as a list. The signer escapes and sorts them for the canonical query.
 */
export function parseQuery(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A fetch whose every request is signed; the body must be a string (JSON), as ConnectClient sends it. */
export function signingFetch(signer: RequestSigner, fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string') throw new TypeError('signingFetch signs string bodies only');
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    let signed: Record<string, string>;
    try {
      signed = await signer.sign({ method: init?.method ?? 'GET', url, headers, ...(typeof body === 'string' ? { body } : {}) });
    } catch (e) {
      throw new TargetError(`cannot sign the request to ${url.origin}: ${(e as Error).message}`, { cause: e });
    }
    return fetchImpl(url, { ...init, headers: { ...headers, ...signed } });
  };
}
