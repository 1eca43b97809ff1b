// Adapts Node HTTP requests to the API Gateway proxy handler, so the local server runs the Lambda's own code.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** Requests larger than API Gateway's 10 MB payload limit are refused, as API Gateway would. */
const MAX_BODY = 10 * 1024 * 1024;

export function localContext(functionName: string, invokedFunctionArn = `arn:aws:lambda:local:000000000000:function:${functionName}`): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * The path of a request target exactly as sent, as API Gateway's REST API passes it (still percent-encoded, with no
 * dot-segment removal: `/connectors/a/../b` must not become `/connectors/b`), and its query. A target that is not a
 * path at all is left for the API's path check to refuse with 400 (new URL() threw on `//[`: a 500).
 */
export function splitRequestTarget(target: string): { path: string; searchParams: URLSearchParams } {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  return { path, searchParams: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}

export async function toProxyEvent(req: IncomingMessage): Promise<APIGatewayProxyEvent> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  const { path, searchParams } = splitRequestTarget(req.url ?? '/');
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    headers[k] = values.join(',');
    multiValueHeaders[k] = values;
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [k, v] of searchParams) {
    query[k] = v;
    multiQuery[k] = [...(multiQuery[k] ?? []), v];
  }
  const hasQuery = searchParams.size > 0;
  return {
    resource: '/{proxy+}',
    path,
    httpMethod: (req.method ?? 'GET').toUpperCase(),
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: null,
    stageVariables: null,
    body: chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: null,
      protocol: 'HTTP/1.1',
      httpMethod: (req.method ?? 'GET').toUpperCase(),
      identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1' } as APIGatewayProxyEvent['requestContext']['identity'],
      path,
      stage: 'local',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: '/{proxy+}',
    },
  };
}

export function writeProxyResult(res: ServerResponse, result: APIGatewayProxyResult): void {
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body ?? '', 'utf8');
  const headers: Record<string, string | number | boolean> = { ...(result.headers ?? {}) };
  if (body.length > 0) headers['Content-Length'] = body.length;
  res.writeHead(result.statusCode, headers as Record<string, string>);
  res.end(body);
}

/** A request listener serving `handler` (one Lambda context per request, as API Gateway invokes). */
export function serveProxyHandler(handler: ProxyHandler, functionName: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    toProxyEvent(req)
      .then((event) => handler(event, localContext(functionName)))
      .then((result) => writeProxyResult(res, result))
      .catch((e: unknown) => {
        const tooLarge = e instanceof Error && e.message === 'Request body too large';
        writeProxyResult(res, {
          statusCode: tooLarge ? 413 : 500,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ error_code: tooLarge ? 413 : 500, message: tooLarge ? 'Request body too large' : 'Internal server error' }),
        });
      });
  };
}
