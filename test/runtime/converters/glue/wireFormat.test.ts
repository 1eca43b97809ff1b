// The Glue wire format against the byte layout of AWS's SerDe (awslabs/aws-glue-schema-registry,
// common/src/main/java/com/amazonaws/services/schemaregistry/utils/AWSSchemaRegistryConstants.java: "A header of 18
// bytes is written. Byte 0 is an 8 bit version number, Byte 1 is the compression, Byte 2-17 is a 128 bit UUID
// representing the schema-version-id"; HEADER_VERSION_BYTE = 3, COMPRESSION_BYTE = 5 (ZLIB),
// COMPRESSION_DEFAULT_BYTE = 0; the UUID as Java writes its two longs, most significant byte first; the header written
// by serializer-deserializer/.../serializers/SerializationDataEncoder.java). AWS's developer guide
// (https://docs.aws.amazon.com/glue/latest/dg/schema-registry-works.html) describes the flow but not the bytes; an
// independent reader of the same layout: https://dev.materialize.com/api/rust/mz_interchange/glue/index.html
// (offset 0 version 0x03, 1 compression 0x00/0x05 zlib, 2..18 the UUID big-endian, 18.. the payload).
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../lambdas/connect-api/errors.js';
import { decodeGlueMessage, encodeGlueMessage, schemaVersionIdOf } from '../../../../lambdas/runtime/converters/glue/wireFormat.js';

const ID = 'b7b4a7f0-9c60-4f4b-8f3e-6a0d2c1e5f77';
const ID_BYTES = [0xb7, 0xb4, 0xa7, 0xf0, 0x9c, 0x60, 0x4f, 0x4b, 0x8f, 0x3e, 0x6a, 0x0d, 0x2c, 0x1e, 0x5f, 0x77];
const PAYLOAD = [0x02, 0x06, 0x66, 0x6f, 0x6f];

describe('the Glue Schema Registry wire format', () => {
  it('writes version byte 3, compression byte 0 and the 16 UUID bytes before an uncompressed payload', () => {
    expect([...encodeGlueMessage(ID, Uint8Array.from(PAYLOAD), 'NONE')]).toEqual([3, 0, ...ID_BYTES, ...PAYLOAD]);
  });

  it('writes compression byte 5 and a zlib stream (RFC 1950 header, as java.util.zip.Deflater writes) for ZLIB', () => {
    const bytes = encodeGlueMessage(ID, Uint8Array.from(PAYLOAD), 'ZLIB');
    expect([...bytes.subarray(0, 18)]).toEqual([3, 5, ...ID_BYTES]);
    const cmf = bytes[18] ?? 0;
    const flg = bytes[19] ?? 0;
    expect(cmf & 0x0f).toBe(8); // deflate
    expect((cmf * 256 + flg) % 31).toBe(0);
    expect([...decodeGlueMessage(bytes).payload]).toEqual(PAYLOAD);
  });

  it('reads a message laid out by hand, compressed or not', () => {
    expect(decodeGlueMessage(Uint8Array.from([3, 0, ...ID_BYTES, ...PAYLOAD]))).toEqual({ schemaVersionId: ID, payload: Uint8Array.from(PAYLOAD) });
    const zipped = Uint8Array.from([3, 5, ...ID_BYTES, ...deflateSync(Uint8Array.from(PAYLOAD))]);
    expect([...decodeGlueMessage(zipped).payload]).toEqual(PAYLOAD);
    expect(schemaVersionIdOf(zipped)).toBe(ID);
  });

  it('refuses another header version, an unknown compression byte, a short message and a payload that does not inflate', () => {
    expect(() => decodeGlueMessage(Uint8Array.from([0, 0, 0, 0, 1, ...PAYLOAD, ...ID_BYTES]))).toThrow(DataError);
    expect(() => decodeGlueMessage(Uint8Array.from([3, 1, ...ID_BYTES, ...PAYLOAD]))).toThrow(/compression byte 1/);
    expect(() => decodeGlueMessage(Uint8Array.from([3, 0, 1, 2]))).toThrow(/too short/);
    expect(() => decodeGlueMessage(Uint8Array.from([3, 5, ...ID_BYTES, 1, 2, 3]))).toThrow(/does not inflate/);
    expect(schemaVersionIdOf(Uint8Array.from([0, 0, 0, 0, 1]))).toBeUndefined();
  });
});
