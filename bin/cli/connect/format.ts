// How results are printed: an aligned table by default, or the data itself as JSON or YAML (-o json|yaml).
import { stringify } from 'yaml';

export type OutputFormat = 'table' | 'json' | 'yaml';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'yaml'];

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Columns padded to their widest cell, separated by three spaces; trailing blanks trimmed. */
export function renderTable(table: Table): string {
  const all = [table.headers, ...table.rows];
  const widths = table.headers.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('   ').trimEnd()).join('\n') + '\n';
}

/** The data as -o asks; `table` renders the table the caller derives from it. */
export function render(format: OutputFormat, data: unknown, table: () => Table): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(data, null, 2)}\n`;
    case 'yaml':
      return stringify(data);
    case 'table':
      return renderTable(table());
  }
}

/** The first line of a stack trace, for a table cell. */
export function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.trim();
}
