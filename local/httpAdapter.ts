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

export async function toProxyEvent(req: IncomingMessage): Promise<APIGatewayProxyEvent> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
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
  for (const [k, v] of url.searchParams) {
    query[k] = v;
    multiQuery[k] = [...(multiQuery[k] ?? []), v];
  }
  const hasQuery = url.searchParams.size > 0;
  return {
    resource: '/{proxy+}',
    path: url.pathname,
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
      path: url.pathname,
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
