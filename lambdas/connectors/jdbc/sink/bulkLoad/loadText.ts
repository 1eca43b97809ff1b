// Rows → the text a bulk load reads: PostgreSQL's COPY text format and MySQL's LOAD DATA default format are both
// tab-separated fields, newline-terminated rows, `\N` for NULL and backslash escapes for `\`, tab, newline and CR.
// Values are first converted by the dialect's `bindValue`, exactly as the multi-row path binds them.

/** Rows per chunk handed to the driver's stream (one string each). */
const ROWS_PER_CHUNK = 512;

const SPECIAL = /[\\\t\n\r\0]/;
const SPECIALS = /[\\\t\n\r\0]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/** The field text of a string: backslash escapes for the characters the format gives a meaning. */
export function escapeField(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text;
}

/** How one dialect writes a bound (driver-ready) value as field text; null is always `\N`. */
export type FieldText = (bound: unknown) => string;

/** PostgreSQL: booleans and numbers as their JS text (as pg sends parameters), bytes in bytea hex (`\\x…` once escaped). */
export const pgFieldText: FieldText = (bound) => {
  if (typeof bound === 'string') return escapeField(bound);
  // A number's, bigint's or boolean's text has no character to escape.
  if (typeof bound === 'number' || typeof bound === 'bigint' || typeof bound === 'boolean') return String(bound);
  if (Buffer.isBuffer(bound)) return `\\\\x${bound.toString('hex')}`;
  return escapeField(String(bound));
};

/** MySQL: bytes as hex, which the load statement UNHEXes into the column (`SET c = UNHEX(@v)`). */
export const mysqlFieldText: FieldText = (bound) => {
  if (typeof bound === 'string') return escapeField(bound);
  if (typeof bound === 'number' || typeof bound === 'bigint' || typeof bound === 'boolean') return String(bound);
  if (Buffer.isBuffer(bound)) return bound.toString('hex');
  return escapeField(String(bound));
};

/** The load input of rows already converted to field texts (null → `\N`), in chunks of whole rows. */
export function loadChunks(rows: readonly (readonly (string | null)[])[]): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = '';
    for (let c = 0; c < row.length; c++) {
      const field = row[c];
      line += (c === 0 ? '' : '\t') + (field === null || field === undefined ? '\\N' : field);
    }
    chunk += `${line}\n`;
    if ((r + 1) % ROWS_PER_CHUNK === 0) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') chunks.push(chunk);
  return chunks;
}
