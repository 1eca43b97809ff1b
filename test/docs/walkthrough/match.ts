// Does a command's real output match what the README shows for it?
//
// JSON (a ```json block holds one document per line; curl prints them back to back): the same keys at every level, the
// same array lengths, the same values, with two allowances the README states where it uses them:
// - a string that ends in " ..." shows only the start of a longer text (a stack trace);
// - the figures under `runtime.metrics` and `runtime.metrics_window_minutes` depend on when the command runs, so
//   any number matches there (the metric names must still be the ones shown);
// - an event source mapping's `uuid` is new on every run, so any UUID matches the one shown;
// - a series under `runtime.metrics_history.series` has as many [time, value] points as periods had data when the
//   command ran, so any list of number pairs matches (the metric names must still be the ones shown).
// Text (a bare or ```text block): every line shown appears in the output, in that order (trailing spaces ignored).

/** The JSON documents in a text where they are printed back to back or one per line. */
export function jsonDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    if (text[i] !== '{' && text[i] !== '[') throw new Error(`not JSON at offset ${i}: ${text.slice(i, i + 60)}`);
    let depth = 0;
    let inString = false;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) break;
    }
    docs.push(JSON.parse(text.slice(i, j + 1)));
    i = j + 1;
  }
  return docs;
}

const VARYING_NUMBER = /\.runtime\.(metrics\.[^.[]+|metrics_window_minutes)$/;
const VARYING_SERIES = /\.runtime\.metrics_history\.series\.[^.[]+$/;
const VARYING_UUID = /\.runtime\.event_source_mappings\[\d+\]\.uuid$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CUT = ' ...';

function isSeries(v: unknown): boolean {
  return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number'));
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** undefined when actual matches expected, else where and how it differs. */
export function jsonMismatch(expected: unknown, actual: unknown, path = '$'): string | undefined {
  if (kindOf(expected) !== kindOf(actual)) return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected) && VARYING_SERIES.test(path) && isSeries(expected) && isSeries(actual)) return undefined;
  if (Array.isArray(expected)) {
    const got = actual as unknown[];
    if (got.length !== expected.length) return `${path}: expected ${expected.length} element(s), got ${got.length}: ${JSON.stringify(got)}`;
    for (let i = 0; i < expected.length; i++) {
      const m = jsonMismatch(expected[i], got[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeof expected === 'object' && expected !== null) {
    const want = expected as Record<string, unknown>;
    const got = actual as Record<string, unknown>;
    const missing = Object.keys(want).filter((k) => !(k in got));
    const extra = Object.keys(got).filter((k) => !(k in want));
    if (missing.length > 0 || extra.length > 0) {
      return `${path}: ${missing.length > 0 ? `missing ${missing.join(', ')}` : ''}${missing.length > 0 && extra.length > 0 ? '; ' : ''}${extra.length > 0 ? `not shown in the README: ${extra.map((k) => `${k}=${JSON.stringify(got[k])}`).join(', ')}` : ''}`;
    }
    for (const k of Object.keys(want)) {
      const m = jsonMismatch(want[k], got[k], `${path}.${k}`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeof expected === 'number' && VARYING_NUMBER.test(path)) return undefined;
  if (typeof expected === 'string' && VARYING_UUID.test(path) && UUID.test(expected) && UUID.test(actual as string)) return undefined;
  if (typeof expected === 'string' && expected.endsWith(CUT) && (actual as string).startsWith(expected.slice(0, -CUT.length))) return undefined;
  return expected === actual ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

export function textMismatch(expected: string, actual: string): string | undefined {
  const got = actual.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const line of expected.split('\n').map((l) => l.trimEnd())) {
    if (line === '') continue;
    const found = got.indexOf(line, at);
    if (found < 0) return `line not found (in order): ${JSON.stringify(line)}`;
    at = found + 1;
  }
  return undefined;
}

/** Compares a command's stdout with the README's output block. */
export function outputMismatch(expected: { kind: 'json' | 'text'; text: string }, stdout: string): string | undefined {
  if (expected.kind === 'text') return textMismatch(expected.text, stdout);
  const want = expected.text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  let got: unknown[];
  try {
    got = jsonDocuments(stdout);
  } catch (e) {
    return (e as Error).message;
  }
  if (got.length !== want.length) return `expected ${want.length} JSON document(s), got ${got.length}`;
  for (let i = 0; i < want.length; i++) {
    const m = jsonMismatch(want[i], got[i], `$${want.length > 1 ? `<doc ${i + 1}>` : ''}`);
    if (m) return m;
  }
  return undefined;
}
