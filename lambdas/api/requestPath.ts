// What the router is given: a HEAD is answered as its GET without the body (RFC 9110 §9.3.2), and a path that is not
// a plain absolute path is refused with 400 before routing, so that no path addresses what it does not name:
// `/connectors/a/../b` is not `/connectors/b`, and `//[` is not a path at all.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { BadRequestError } from '../connect-api/errors.js';

/** RFC 3986 path characters (pchar and '/'), percent-encoded octets included. */
const PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

export function checkRequestPath(path: string): void {
  if (!PATH.test(path) || /%(?![0-9A-Fa-f]{2})/.test(path)) throw new BadRequestError(`Invalid request path: ${JSON.stringify(path.slice(0, 200))}`);
  const segments = path.split('/').slice(1);
  if (segments.slice(0, -1).some((s) => s === '')) throw new BadRequestError('Invalid request path: empty path segment');
  if (segments.some((s) => /^(\.|%2e){1,2}$/i.test(s))) throw new BadRequestError("Invalid request path: the segments '.' and '..' are not allowed");
}

/** The event to route: HEAD becomes GET. */
export function routedEvent(event: APIGatewayProxyEvent): APIGatewayProxyEvent {
  checkRequestPath(event.path ?? '');
  return event.httpMethod === 'HEAD' ? { ...event, httpMethod: 'GET' } : event;
}

/** The answer to send: for HEAD, the GET's status and headers without its body. */
export function answerFor(event: APIGatewayProxyEvent, result: APIGatewayProxyResult): APIGatewayProxyResult {
  return event.httpMethod === 'HEAD' ? { ...result, body: '' } : result;
}
