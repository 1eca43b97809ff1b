// The Connect REST API as one middy handler over API Gateway proxy events (REST API, payload format 1.0).
import middy, { type MiddyfiedHandler } from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { ConnectorService } from '../runtime/connector/ConnectorService.js';
import { type ErrorLogger, RouteError, errorResponse } from './httpErrors.js';
import { ResponseMasker } from './maskResponse.js';
import { answerFor, routedEvent } from './requestPath.js';
import { connectRoutes } from './routes.js';

export type ApiHandler = MiddyfiedHandler<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>;

export function createApiHandler(service: ConnectorService, log: ErrorLogger = console): ApiHandler {
  const routes = connectRoutes(service);
  // A path that some route serves, asked with another method, is a 405 as in Jersey; anything else a 404.
  const patterns = routes.map((r) => new RegExp(`^${r.path.replace(/\{[^/]+\}/g, '[^/]+')}/?$`));
  const router = httpRouterHandler<APIGatewayProxyEvent, APIGatewayProxyResult>({
    routes: routes.map((r) => ({ method: r.method, path: r.path, handler: r.handler })),
    notFoundResponse: ({ path }) => {
      throw patterns.some((p) => p.test(path)) ? new RouteError(405, 'HTTP 405 Method Not Allowed') : new RouteError(404, 'HTTP 404 Not Found');
    },
  });
  const masker = new ResponseMasker(service);
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>()
    .use({
      // No response, error message or log line carries a secret: masked here, at the one exit.
      after: (request) => {
        if (request.response) request.response = answerFor(request.event, masker.mask(request.response, []));
      },
      onError: async (request) => {
        const secrets = await masker.secrets(request.event);
        request.response = answerFor(request.event, masker.mask(errorResponse(request.error, masker.log(log, secrets)), secrets));
      },
    })
    .handler((event, context) => router(routedEvent(event), context));
}
