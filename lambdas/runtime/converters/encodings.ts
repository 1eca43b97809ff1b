// Java charset names -> Node encodings, for StringConverter's `converter.encoding`.
import { satisfies } from '../../connect-api/config/validators.js';
import { asUint8Array } from './base64.js';

type NodeEncoding = 'utf8' | 'utf16le' | 'latin1' | 'ascii' | 'utf16be';

const CHARSETS: Readonly<Record<string, NodeEncoding>> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'iso-8859-1': 'latin1',
  iso8859_1: 'latin1',
  latin1: 'latin1',
  'us-ascii': 'ascii',
  ascii: 'ascii',
};

export const SUPPORTED_CHARSETS = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'ISO-8859-1', 'US-ASCII'] as const;

export const charsetValidator = satisfies(`one of ${SUPPORTED_CHARSETS.join(', ')}`, (value) =>
  typeof value === 'string' && !(value.trim().toLowerCase() in CHARSETS) ? `Unsupported charset; supported: ${SUPPORTED_CHARSETS.join(', ')}` : undefined,
);

export interface Charset {
  decode(bytes: Uint8Array): string;
  encode(text: string): Uint8Array;
}

function swapBytes(bytes: Uint8Array): Buffer {
  const out = Buffer.from(bytes);
  return out.swap16();
}

export function charset(name: string): Charset {
  const encoding = CHARSETS[name.trim().toLowerCase()] ?? 'utf8';
  if (encoding === 'utf8') {
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    return { decode: (b) => decoder.decode(b), encode: (s) => encoder.encode(s) };
  }
  if (encoding === 'utf16be') {
    return {
      decode: (b) => swapBytes(b.subarray(0, b.length & ~1)).toString('utf16le'),
      encode: (s) => asUint8Array(Buffer.from(s, 'utf16le').swap16()),
    };
  }
  return {
    decode: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString(encoding),
    encode: (s) => asUint8Array(Buffer.from(s, encoding)),
  };
}
