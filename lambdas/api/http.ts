// Request parsing and response building for API Gateway proxy (REST, payload 1.0) events.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { int64 } from '../runtime/converters/jsonNodes.js';
import { JsonNumber, type JsonValue, parseJson } from '../runtime/converters/jsonText.js';
import { BadRequestError } from '../connect-api/errors.js';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: stringifyJson(body) };
}

const BIGINT_MARK = '\u0000bigint:';

/** JSON.stringify that writes bigint values (offsets beyond 2^53) as exact JSON numbers, as Kafka Connect writes longs. */
export function stringifyJson(value: unknown): string {
  let marked = false;
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    marked = true;
    return `${BIGINT_MARK}${v.toString()}`;
  });
  return marked ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text;
}

export function empty(statusCode: number): APIGatewayProxyResult {
  return { statusCode, headers: {}, body: '' };
}

/** The JSON body, or a 400 naming what is wrong with it. */
export function jsonBody(event: APIGatewayProxyEvent): unknown {
  const raw = event.body === null || event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw.trim() === '') throw new BadRequestError('Request body is empty; expected a JSON document');
  try {
    // Lossless: an integer beyond 2^53 (an offset) arrives exact, as bigint.
    return exactNumbers(parseJson(raw));
  } catch (e) {
    throw new BadRequestError(`Request body is not valid JSON: ${((e as Error).cause as Error | undefined)?.message ?? (e as Error).message}`, { cause: e });
  }
}

function exactNumbers(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return v.isIntegral ? int64(BigInt(v.text)) : Number(v.text);
  if (Array.isArray(v)) return v.map(exactNumbers);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, exactNumbers(x)]));
  return v;
}

/** Config maps are string→string in Kafka Connect; JSON numbers and booleans are accepted as their text. */
export const configMapSchema = z.record(z.string(), z.union([z.string(), z.number(), z.bigint(), z.boolean(), z.null()]));
export type ConfigMap = Record<string, string | null>;

export function toConfigMap(value: z.infer<typeof configMapSchema>): ConfigMap {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null ? null : String(v)]));
}

/** Parses `body` with a zod schema, turning failures into a 400 that names the field. */
export function parseWith<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const where = issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
  throw new BadRequestError(`Invalid ${what}${where}: ${issue.message}`);
}

export function pathParam(event: APIGatewayProxyEvent, name: string): string {
  const raw = event.pathParameters?.[name] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadRequestError(`Invalid percent-encoding in path parameter ${name}`);
  }
}

export function queryParams(event: APIGatewayProxyEvent, name: string): string[] {
  const multi = event.multiValueQueryStringParameters?.[name];
  if (multi) return multi.filter((v): v is string => v !== undefined);
  const single = event.queryStringParameters?.[name];
  return single === undefined || single === null ? [] : [single];
}

export function booleanQuery(event: APIGatewayProxyEvent, name: string, fallback: boolean): boolean {
  const v = queryParams(event, name)[0];
  if (v === undefined) return fallback;
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw new BadRequestError(`Query parameter ${name} must be true or false, got '${v}'`);
}

export function taskParam(event: APIGatewayProxyEvent): number {
  const t = pathParam(event, 'task');
  if (!/^\d{1,9}$/.test(t)) throw new BadRequestError(`Task id must be a non-negative integer, got '${t}'`);
  return Number(t);
}
