// Finds the schema and payload texts of an envelope written the usual way, `{"schema":…,"payload":…}`,
// so a cached schema is looked up by its text and only the payload is parsed. The split is at the first
// `,"payload":`; if that occurrence lies inside the schema, the schema text is not valid JSON on its own,
// so it can neither parse nor be a cache key, and the caller falls back to parsing the whole document.
// Writing goes the other way: the `{"schema":…,"payload":` bytes are encoded once per schema (EnvelopePrefix)
// and each record's bytes are that prefix, the payload text and the closing brace.

const PREFIX = '{"schema":';
const MIDDLE = ',"payload":';

export interface EnvelopeTexts {
  readonly schemaText: string;
  readonly payloadText: string;
}

export function splitEnvelope(text: string): EnvelopeTexts | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const end = text.indexOf(MIDDLE, PREFIX.length);
  const trimmed = text.trimEnd();
  if (end < 0 || !trimmed.endsWith('}')) return undefined;
  return { schemaText: text.slice(PREFIX.length, end), payloadText: trimmed.slice(end + MIDDLE.length, -1) };
}

const CLOSE = 0x7d; // '}'

/** The UTF-8 bytes of `{"schema":<schemaText>,"payload":`, the part of the envelope every record of a schema shares. */
export function envelopePrefix(schemaText: string): Buffer {
  return Buffer.from(`${PREFIX}${schemaText}${MIDDLE}`, 'utf8');
}

/** prefix + payload + `}` as one Buffer (a Uint8Array the producer sends without a copy), encoding only the payload. */
export function envelopeBytes(prefix: Buffer, payloadText: string): Buffer {
  const payloadLength = Buffer.byteLength(payloadText, 'utf8');
  const out = Buffer.allocUnsafe(prefix.length + payloadLength + 1);
  prefix.copy(out, 0);
  out.write(payloadText, prefix.length, payloadLength, 'utf8');
  out[prefix.length + payloadLength] = CLOSE;
  return out;
}
