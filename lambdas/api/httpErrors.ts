// The one place errors become HTTP: Kafka Connect's {error_code, message} with error_code = status.
import type { APIGatewayProxyResult } from 'aws-lambda';
import { AlreadyExistsError, BadRequestError, ConflictError, NotFoundError, SluiceError } from '../connect-api/errors.js';
import { json } from './http.js';

/** Thrown by the router for unknown routes and methods. */
export class RouteError extends Error {
  constructor(
    readonly status: 404 | 405,
    message: string,
  ) {
    super(message);
    this.name = 'RouteError';
  }
}

export interface ErrorLogger {
  error(message: string, detail: unknown): void;
}

export function errorResponse(error: unknown, log: ErrorLogger): APIGatewayProxyResult {
  const status = statusOf(error);
  if (status === 500 && !(error instanceof SluiceError)) {
    log.error('Unhandled error in the Connect REST API', error);
    return json(500, { error_code: 500, message: 'Internal server error' });
  }
  if (status === 500) log.error('Request failed', error);
  return json(status, { error_code: status, message: (error as Error).message });
}

function statusOf(error: unknown): number {
  if (error instanceof RouteError) return error.status;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof AlreadyExistsError || error instanceof ConflictError) return 409;
  if (error instanceof BadRequestError) return 400;
  return 500;
}
