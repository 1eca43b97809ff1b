// The AWS Glue Schema Registry SerDe's wire format (aws-glue-schema-registry, AWSSchemaRegistryConstants and the
// serializer's header): byte 0 the header version (3), byte 1 the compression (0 none, 5 zlib), bytes 2-17 the schema
// version id (a UUID, most significant byte first, as Java's UUID writes its two longs big-endian), then the payload
// (Avro binary, or JSON text) — zlib-deflated when the compression byte is 5.
import { DataError } from '../../../connect-api/errors.js';

/** node:zlib, loaded by the first compressed message: the task functions hold this module for every pipeline. */
const zlib = () => process.getBuiltinModule('node:zlib');

export const HEADER_VERSION = 3;
export const COMPRESSION_NONE = 0;
export const COMPRESSION_ZLIB = 5;
export const HEADER_SIZE = 18;

export type GlueCompression = 'NONE' | 'ZLIB';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The 16 bytes of a UUID string, most significant first. */
export function uuidBytes(id: string): Uint8Array {
  if (!UUID.test(id)) throw new DataError(`Glue schema version id ${id} is not a UUID`);
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

export function uuidString(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The schema version id a message names, without decompressing it (what prefetch reads); undefined for a message too short to carry one. */
export function schemaVersionIdOf(data: Uint8Array): string | undefined {
  if (data.length < HEADER_SIZE || data[0] !== HEADER_VERSION) return undefined;
  return uuidString(data.subarray(2, HEADER_SIZE));
}

export interface GlueMessage {
  readonly schemaVersionId: string;
  /** The payload, inflated when the message was compressed. */
  readonly payload: Uint8Array;
}

/** Reads the header; a message in another format, with an unknown compression or a payload that does not inflate is a DataError. */
export function decodeGlueMessage(data: Uint8Array): GlueMessage {
  if (data.length < HEADER_SIZE) throw new DataError(`Glue Schema Registry message too short: ${data.length} bytes, the header alone is ${HEADER_SIZE}`);
  if (data[0] !== HEADER_VERSION) throw new DataError(`Unknown Glue Schema Registry header version byte ${data[0]} (expected ${HEADER_VERSION}): not a message of the Glue SerDe`);
  const compression = data[1];
  const schemaVersionId = uuidString(data.subarray(2, HEADER_SIZE));
  const body = data.subarray(HEADER_SIZE);
  if (compression === COMPRESSION_NONE) return { schemaVersionId, payload: body };
  if (compression === COMPRESSION_ZLIB) {
    try {
      return { schemaVersionId, payload: zlib().inflateSync(body) };
    } catch (e) {
      throw new DataError(`Glue Schema Registry payload does not inflate (zlib): ${(e as Error).message}`, { cause: e });
    }
  }
  throw new DataError(`Unknown Glue Schema Registry compression byte ${compression} (expected ${COMPRESSION_NONE} or ${COMPRESSION_ZLIB})`);
}

export function encodeGlueMessage(schemaVersionId: string, payload: Uint8Array, compression: GlueCompression): Uint8Array {
  const body = compression === 'ZLIB' ? zlib().deflateSync(payload) : payload;
  const out = new Uint8Array(HEADER_SIZE + body.length);
  out[0] = HEADER_VERSION;
  out[1] = compression === 'ZLIB' ? COMPRESSION_ZLIB : COMPRESSION_NONE;
  out.set(uuidBytes(schemaVersionId), 2);
  out.set(body, HEADER_SIZE);
  return out;
}
