// Identifier safety: every table and column name is validated, then quoted (quote char doubled) or, with
// `quote.sql.identifiers=never`, allowed only as a plain word. No name can carry SQL into a statement.
import { ConfigError, DataError } from '../../../connect-api/errors.js';
import type { QuoteMode, TableId } from './Dialect.js';

export interface IdentifierRules {
  /** `"` or a backtick. */
  readonly quoteChar: string;
  readonly maxLength: number;
  /** Whether `maxLength` counts UTF-8 bytes (PostgreSQL, Oracle) or characters (MySQL). */
  readonly lengthIn: 'bytes' | 'chars';
  /** How `a.b` is read: PostgreSQL/Oracle schema.table, MySQL database(catalog).table. */
  readonly twoPartQualifier: 'schema' | 'catalog';
}

const PLAIN_WORD = /^[A-Za-z_][A-Za-z0-9_$]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export class Quoter {
  constructor(
    readonly rules: IdentifierRules,
    readonly mode: QuoteMode,
  ) {}

  /** A column name, quoted or checked; unsafe names are data errors (they come from record schemas). */
  column(name: string): string {
    return this.identifier(name, 'column', (m) => new DataError(m));
  }

  /** A qualified table name; unsafe names are config errors (they come from `table.name.format`). */
  table(id: TableId): string {
    const error = (m: string) => new ConfigError(m, { key: 'table.name.format' });
    return tableParts(id)
      .map((part) => this.identifier(part, 'table', error))
      .join('.');
  }

  /** `"db"."t"."c"`: a column qualified by its table. */
  qualified(id: TableId, column: string): string {
    return `${this.table(id)}.${this.column(column)}`;
  }

  private identifier(name: string, what: string, error: (message: string) => Error): string {
    checkIdentifier(name, what, this.rules, error);
    if (this.mode === 'never') {
      if (!PLAIN_WORD.test(name)) {
        throw error(`Invalid ${what} name '${printable(name)}': with quote.sql.identifiers=never a name must match [A-Za-z_][A-Za-z0-9_$]*`);
      }
      return name;
    }
    const q = this.rules.quoteChar;
    return `${q}${name.split(q).join(q + q)}${q}`;
  }
}

function checkIdentifier(name: string, what: string, rules: IdentifierRules, error: (message: string) => Error): void {
  if (name.length === 0) throw error(`Invalid ${what} name: empty`);
  if (CONTROL.test(name)) throw error(`Invalid ${what} name '${printable(name)}': control characters are not allowed`);
  const length = rules.lengthIn === 'bytes' ? Buffer.byteLength(name, 'utf8') : [...name].length;
  if (length > rules.maxLength) {
    throw error(`Invalid ${what} name '${printable(name)}': longer than ${rules.maxLength} ${rules.lengthIn}`);
  }
}

/** The name parts in order, catalog first; empty parts are dropped. */
export function tableParts(id: TableId): string[] {
  return [id.catalog, id.schema, id.table].filter((p): p is string => p !== undefined && p !== '');
}

/** The unquoted dot-separated name (offset partitions, messages). */
export function tableName(id: TableId): string {
  return tableParts(id).join('.');
}

/**
 * Splits `a.b`, `"a.b"."c"` or `` `db`.`t` `` into a TableId. A part that starts with a quote keeps dots and
 * unescapes doubled quotes; a quote anywhere else is an ordinary character (later quoted or rejected).
 */
export function parseTableId(text: string, rules: IdentifierRules): TableId {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== undefined) {
      if (ch === quote && text[i + 1] === quote) {
        current += ch;
        i++;
      } else if (ch === quote) quote = undefined;
      else current += ch;
    } else if ((ch === '"' || ch === '`') && current === '' && (i === 0 || text[i - 1] === '.')) quote = ch;
    else if (ch === '.') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  const error = (m: string) => new ConfigError(m, { key: 'table.name.format' });
  if (quote !== undefined) throw error(`Invalid table name '${printable(text)}': unterminated quote`);
  parts.push(current);
  const maxParts = rules.twoPartQualifier === 'catalog' ? 2 : 3;
  if (parts.length > maxParts || parts.some((p) => p === '')) throw error(`Invalid table name '${printable(text)}'`);
  for (const p of parts) checkIdentifier(p, 'table', rules, error);
  const table = parts.pop()!;
  if (parts.length === 2) return { catalog: parts[0]!, schema: parts[1]!, table };
  if (parts.length === 1) return rules.twoPartQualifier === 'schema' ? { schema: parts[0]!, table } : { catalog: parts[0]!, table };
  return { table };
}

/** A name safe to put in an error message: control characters shown as \uXXXX, long names cut. */
export function printable(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point.
  const shown = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
