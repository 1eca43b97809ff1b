// Kafka Connect's REST API: one line of translation per route, the ConnectorService decides.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import type { ConnectorService } from '../runtime/connector/ConnectorService.js';
import type { TargetState } from '../runtime/ports/PipelineStore.js';
import { booleanQuery, configMapSchema, empty, json, jsonBody, parseWith, pathParam, queryParams, taskParam, toConfigMap } from './http.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface Route {
  method: Method;
  path: string;
  handler: (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;
}

const createBody = z
  .object({
    name: z.string().optional(),
    config: configMapSchema,
    initial_state: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(['RUNNING', 'PAUSED', 'STOPPED']))
      .optional(),
  })
  .strict();

/** KIP-1017: 200 healthy, 503 still starting, 500 unhealthy. */
const HEALTH_STATUS = { healthy: 200, starting: 503, unhealthy: 500 } as const;

// Kafka Connect 4.1's routes: GET /connectors/{name}/tasks-config was removed in 4.0 (KIP-970), so it is a 404 here too.
export function connectRoutes(service: ConnectorService): Route[] {
  const name = (e: APIGatewayProxyEvent) => pathParam(e, 'name');
  const target = (state: TargetState, status: number) => async (e: APIGatewayProxyEvent) => {
    await service.setTargetState(name(e), state);
    return empty(status);
  };
  return [
    { method: 'GET', path: '/', handler: async () => json(200, service.serverInfo()) },
    {
      method: 'GET',
      path: '/health',
      handler: async () => {
        const health = await service.health();
        return json(HEALTH_STATUS[health.status], health);
      },
    },
    { method: 'GET', path: '/connectors', handler: async (e) => json(200, await service.listConnectors(queryParams(e, 'expand'))) },
    {
      method: 'POST',
      path: '/connectors',
      handler: async (e) => {
        const body = parseWith(createBody, jsonBody(e), 'connector creation request');
        const info = await service.createConnector(body.name ?? '', toConfigMap(body.config), body.initial_state);
        return json(201, info, { Location: `/connectors/${encodeURIComponent(info.name)}` });
      },
    },
    { method: 'GET', path: '/connectors/{name}', handler: async (e) => json(200, await service.getConnector(name(e))) },
    { method: 'DELETE', path: '/connectors/{name}', handler: async (e) => {
        await service.deleteConnector(name(e));
        return empty(204);
      },
    },
    { method: 'GET', path: '/connectors/{name}/config', handler: async (e) => json(200, await service.getConfig(name(e))) },
    {
      method: 'PUT',
      path: '/connectors/{name}/config',
      handler: async (e) => {
        const config = toConfigMap(parseWith(configMapSchema, jsonBody(e), 'connector configuration'));
        const { created, info } = await service.putConfig(name(e), config);
        return created ? json(201, info, { Location: `/connectors/${encodeURIComponent(info.name)}` }) : json(200, info);
      },
    },
    {
      method: 'PATCH',
      path: '/connectors/{name}/config',
      handler: async (e) => json(200, await service.patchConfig(name(e), toConfigMap(parseWith(configMapSchema, jsonBody(e), 'connector configuration patch')))),
    },
    { method: 'GET', path: '/connectors/{name}/status', handler: async (e) => json(200, await service.status(name(e))) },
    { method: 'GET', path: '/connectors/{name}/tasks', handler: async (e) => json(200, await service.tasks(name(e))) },
    { method: 'GET', path: '/connectors/{name}/tasks/{task}/status', handler: async (e) => json(200, await service.taskStatus(name(e), taskParam(e))) },
    { method: 'POST', path: '/connectors/{name}/tasks/{task}/restart', handler: async (e) => {
        await service.restartTask(name(e), taskParam(e));
        return empty(204);
      },
    },
    { method: 'PUT', path: '/connectors/{name}/pause', handler: target('PAUSED', 202) },
    { method: 'PUT', path: '/connectors/{name}/resume', handler: target('RUNNING', 202) },
    { method: 'PUT', path: '/connectors/{name}/stop', handler: target('STOPPED', 204) },
    {
      method: 'POST',
      path: '/connectors/{name}/restart',
      handler: async (e) => {
        const state = await service.restart(name(e), booleanQuery(e, 'includeTasks', false), booleanQuery(e, 'onlyFailed', false));
        return state === undefined ? empty(204) : json(202, state);
      },
    },
    { method: 'GET', path: '/connectors/{name}/topics', handler: async (e) => json(200, await service.topics(name(e))) },
    { method: 'PUT', path: '/connectors/{name}/topics/reset', handler: async (e) => {
        await service.resetTopics(name(e));
        return empty(202);
      },
    },
    { method: 'GET', path: '/connectors/{name}/offsets', handler: async (e) => json(200, await service.getOffsets(name(e))) },
    { method: 'PATCH', path: '/connectors/{name}/offsets', handler: async (e) => json(200, await service.alterOffsets(name(e), jsonBody(e))) },
    { method: 'DELETE', path: '/connectors/{name}/offsets', handler: async (e) => json(200, await service.resetOffsets(name(e))) },
    { method: 'GET', path: '/connector-plugins', handler: async (e) => json(200, service.plugins(booleanQuery(e, 'connectorsOnly', true))) },
    { method: 'GET', path: '/connector-plugins/{plugin}/config', handler: async (e) => json(200, service.pluginConfig(pathParam(e, 'plugin'))) },
    {
      method: 'PUT',
      path: '/connector-plugins/{plugin}/config/validate',
      handler: async (e) => json(200, service.validate(pathParam(e, 'plugin'), toConfigMap(parseWith(configMapSchema, jsonBody(e), 'connector configuration')))),
    },
  ];
}
