// Finds the schema and payload texts of an envelope written the usual way, `{"schema":…,"payload":…}`,
// so a cached schema is looked up by its text and only the payload is parsed. Anything else returns
// undefined and the caller parses the whole document.

const PREFIX = '{"schema":';
const MIDDLE = ',"payload":';

export interface EnvelopeTexts {
  readonly schemaText: string;
  readonly payloadText: string;
}

export function splitEnvelope(text: string): EnvelopeTexts | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const end = text.startsWith('null', PREFIX.length) ? PREFIX.length + 4 : endOfObject(text, PREFIX.length);
  if (end < 0 || !text.startsWith(MIDDLE, end)) return undefined;
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return undefined;
  return { schemaText: text.slice(PREFIX.length, end), payloadText: trimmed.slice(end + MIDDLE.length, -1) };
}

/** Index just past the object starting at `start`, or -1. Strings are skipped, so braces inside them do not count. */
function endOfObject(text: string, start: number): number {
  if (text.charCodeAt(start) !== 123) return -1;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
