// Request header v1 (non-flexible) / v2 (flexible: adds a tagged-field section):
//   request_api_key int16 | request_api_version int16 | correlation_id int32 | client_id nullable string
//   [v2: tagged fields]
// Response header v0: correlation_id int32; v1 (flexible responses) adds tagged fields — except
// ApiVersions, whose response header is always v0.
import { ApiKey, supportedApis } from './apiKeys.js';
import type { Reader } from './Reader.js';
import type { Writer } from './Writer.js';

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  /** True when the request (and so the response body) uses flexible encoding. */
  flexible: boolean;
}

export function readRequestHeader(r: Reader): RequestHeader {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.nullableString();
  const range = supportedApis.get(apiKey);
  const flexible = range !== undefined && apiVersion >= range.flexibleFrom;
  if (flexible) r.taggedFields();
  return { apiKey, apiVersion, correlationId, clientId, flexible };
}

export function writeResponseHeader(w: Writer, h: RequestHeader): void {
  w.int32(h.correlationId);
  if (h.flexible && h.apiKey !== ApiKey.ApiVersions) w.emptyTaggedFields();
}
