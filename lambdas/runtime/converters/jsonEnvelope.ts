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

/**
 * `known` is a schema text an earlier split returned: when `text` starts with it (followed by `,"payload":`), the
 * split is the same as searching would find (a split schema text holds no `,"payload":`, and that marker cannot
 * overlap itself), and the returned schemaText is `known` itself, so the caller can match it by identity.
 */
export function splitEnvelope(text: string, known?: string): EnvelopeTexts | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return undefined;
  if (known !== undefined && text.startsWith(known, PREFIX.length) && text.startsWith(MIDDLE, PREFIX.length + known.length)) {
    return { schemaText: known, payloadText: trimmed.slice(PREFIX.length + known.length + MIDDLE.length, -1) };
  }
  const end = text.indexOf(MIDDLE, PREFIX.length);
  if (end < 0) return undefined;
  return { schemaText: text.slice(PREFIX.length, end), payloadText: trimmed.slice(end + MIDDLE.length, -1) };
}
