// Finds the schema and payload texts of an envelope written the usual way, `{"schema":…,"payload":…}`,
// so a cached schema is looked up by its text and only the payload is parsed. The split is at the first
// `,"payload":`; if that occurrence lies inside the schema, the schema text is not valid JSON on its own,
// so it can neither parse nor be a cache key, and the caller falls back to parsing the whole document.

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
