// ApiVersions (key 18), versions 0-3.
// Request:  v0-2: (empty) | v3+ (flexible): client_software_name compact string,
//           client_software_version compact string, tagged fields
// Response: error_code int16 | api_keys [api_key int16, min_version int16, max_version int16 (v3: + tags)]
//           | v1+: throttle_time_ms int32 | v3: tagged fields
// The response header is v0 in every version. When the request version is unsupported the broker
// answers in v0 with UNSUPPORTED_VERSION and its ranges, so the client can retry with one it knows.
import type { Reader } from './Reader.js';
import type { VersionRange } from './apiKeys.js';
import type { Writer } from './Writer.js';

export interface ApiVersionsRequest {
  clientSoftwareName: string | null;
  clientSoftwareVersion: string | null;
}

export function decodeApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  if (version < 3) return { clientSoftwareName: null, clientSoftwareVersion: null };
  const clientSoftwareName = r.compactString();
  const clientSoftwareVersion = r.compactString();
  r.taggedFields();
  return { clientSoftwareName, clientSoftwareVersion };
}

export function encodeApiVersionsResponse(
  w: Writer,
  version: number,
  errorCode: number,
  apis: ReadonlyMap<number, VersionRange>,
): void {
  const entries = [...apis].sort((a, b) => a[0] - b[0]);
  w.int16(errorCode);
  if (version >= 3) {
    w.compactArray(entries, (w2, [key, range]) => {
      w2.int16(key).int16(range.min).int16(range.max).emptyTaggedFields();
    });
    w.int32(0).emptyTaggedFields();
    return;
  }
  w.array(entries, (w2, [key, range]) => {
    w2.int16(key).int16(range.min).int16(range.max);
  });
  if (version >= 1) w.int32(0);
}
