// Base64 as Java's java.util.Base64 basic encoder writes it, over Node's Buffer without copying the input.
import { DataError } from '../../connect-api/errors.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Below this many bytes a string built from the alphabet beats wrapping the bytes in a Buffer (decimals, small keys). */
const SHORT = 48;

export function toBase64(bytes: Uint8Array): string {
  if (bytes.length >= SHORT) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let out = '';
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  if (bytes.length - whole === 1) {
    const n = bytes[whole]!;
    out += `${ALPHABET[n >> 2]!}${ALPHABET[(n & 3) << 4]!}==`;
  } else if (bytes.length - whole === 2) {
    const n = (bytes[whole]! << 8) | bytes[whole + 1]!;
    out += `${ALPHABET[n >> 10]!}${ALPHABET[(n >> 4) & 63]!}${ALPHABET[(n & 15) << 2]!}=`;
  }
  return out;
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
