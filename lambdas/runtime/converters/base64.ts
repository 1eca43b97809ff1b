// Base64 as Java's java.util.Base64 basic encoder writes it, over Node's Buffer without copying the input.
import { DataError } from '../errors.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Decodes base64 into a plain Uint8Array; throws DataError on characters outside the alphabet. */
export function fromBase64(text: string, what = 'bytes'): Uint8Array {
  if (!BASE64.test(text)) throw new DataError(`Invalid ${what} field: not valid base64`);
  return asUint8Array(Buffer.from(text, 'base64'));
}

/** A plain Uint8Array view of a Buffer (same memory), so equality checks and consumers see one type. */
export function asUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
