// Drives the API Lambda handler with API Gateway proxy events, backed by the real DynamoDB store on dynalite.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { DynamoPipelineStore } from '../../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { type ApiHandler, createApiHandler } from '../../lambdas/api/createApiHandler.js';
import type { ErrorLogger } from '../../lambdas/api/httpErrors.js';
import { ConnectorService, type ConnectorServiceOptions } from '../../lambdas/runtime/connector/ConnectorService.js';
import { builtinPlugins } from '../../lambdas/runtime/builtins/builtins.js';
import { systemClock } from '../../lambdas/runtime/ports/Clock.js';
import type { PipelineStore } from '../../lambdas/runtime/ports/PipelineStore.js';
import { localContext } from '../../local/httpAdapter.js';
import { type TestDynamo, startTestDynamo } from './dynamo.js';

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  raw: string;
}

export interface ApiHarness {
  readonly store: PipelineStore;
  readonly handler: ApiHandler;
  call(method: string, path: string, body?: unknown, options?: { rawBody?: string; query?: Record<string, string | string[]> }): Promise<ApiResponse>;
}

export const WORKER_ID = 'test-worker:8083';

/** @param log receives what the API logs (default: nothing). */
export async function apiHarness(dynamo: TestDynamo, overrides: Partial<ConnectorServiceOptions> = {}, log: ErrorLogger = { error: () => undefined }): Promise<ApiHarness> {
  const store = overrides.store ?? new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
  const service = new ConnectorService({ store, registry: builtinPlugins(), clock: systemClock, workerId: WORKER_ID, kafkaClusterId: 'test-cluster', ...overrides });
  const handler = createApiHandler(service, log);
  return {
    store,
    handler,
    async call(method, path, body, options = {}) {
      const query = options.query ?? {};
      const single = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1]! : v]));
      const multi = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
      const hasQuery = Object.keys(query).length > 0;
      const event = {
        resource: '/{proxy+}',
        path,
        httpMethod: method,
        headers: { 'content-type': 'application/json' },
        multiValueHeaders: {},
        queryStringParameters: hasQuery ? single : null,
        multiValueQueryStringParameters: hasQuery ? multi : null,
        pathParameters: null,
        stageVariables: null,
        body: options.rawBody ?? (body === undefined ? null : JSON.stringify(body)),
        isBase64Encoded: false,
        requestContext: {} as APIGatewayProxyEvent['requestContext'],
      } satisfies APIGatewayProxyEvent;
      const result = await handler(event, localContext('sluice-api'));
      return {
        status: result.statusCode,
        headers: (result.headers ?? {}) as Record<string, string>,
        body: result.body ? JSON.parse(result.body) : undefined,
        raw: result.body,
      };
    },
  };
}

/** The seed's pipeline, verbatim. */
export const SEED = {
  name: 'my-first-pipeline',
  config: {
    'connector.class': 'com.dvwy.OracleSinkConnector',
    'connection.url': 'jdbc:oracle://localhost:3306/mydb',
    topics: 'my-test-topic',
    table: 'my-first-stream-table',
  },
} as const;

type PipelineBody = { name: string; config: Record<string, string> };

export function pgSink(name: string, extra: Record<string, string> = {}): PipelineBody {
  return {
    name,
    config: {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test',
      'connection.user': 'postgres',
      'connection.password': 's3cret',
      topics: 'orders',
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      ...extra,
    },
  };
}

export function pgSource(name: string, extra: Record<string, string> = {}): PipelineBody {
  return {
    name,
    config: {
      'connector.class': 'JdbcSource',
      'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test',
      mode: 'incrementing',
      'incrementing.column.name': 'id',
      'table.whitelist': 'orders',
      'topic.prefix': 'pg-',
      ...extra,
    },
  };
}

/** Registers hooks for one dynalite per file and a fresh table (and harness) per test. */
export function useApiHarness(): { api(): ApiHarness; dynamo(): TestDynamo } {
  let dynamo: TestDynamo | undefined;
  let api: ApiHarness | undefined;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  });
  afterAll(async () => {
    await dynamo?.stop();
  });
  beforeEach(async () => {
    api = await apiHarness(dynamo!);
  });
  return { api: () => api!, dynamo: () => dynamo! };
}
