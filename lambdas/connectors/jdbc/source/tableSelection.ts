// Confluent's newer table filters (kafka-connect-jdbc 10.9): table.include.list / table.exclude.list, regexes matched
// against the whole unquoted qualified name (TableCollectionUtils.filterTables), and the per-table tracking columns of
// incrementing.column.mapping (`regex:column`) and timestamp.columns.mapping (`regex:[col1|col2]`), where every table
// must match exactly one mapping (validateEachTableMatchesExactlyOneRegex).
import { ConfigError } from '../../../connect-api/errors.js';

export interface ColumnMapping {
  readonly pattern: RegExp;
  readonly source: string;
  readonly columns: readonly string[];
}

/** A Java-style regex matched against the whole name (Pattern.matches). */
export function fullMatch(regex: string): RegExp {
  return new RegExp(`^(?:${regex})$`);
}

/** Parses `regex:column` (incrementing) or `regex:[c1|c2]` (timestamp) entries; the last `:` splits them. */
export function parseColumnMappings(key: string, entries: readonly string[], bracketed: boolean): ColumnMapping[] {
  return entries.map((entry) => {
    const at = entry.lastIndexOf(':');
    const regex = at < 0 ? '' : entry.slice(0, at).trim();
    let columns = at < 0 ? '' : entry.slice(at + 1).trim();
    if (bracketed) {
      if (!/^\[.*\]$/.test(columns)) throw new ConfigError(`Invalid value ${entry} for configuration ${key}: expected regex:[column1|column2]`, { key });
      columns = columns.slice(1, -1);
    }
    const names = columns.split('|').map((c) => c.trim()).filter((c) => c !== '');
    if (regex === '' || names.length === 0) throw new ConfigError(`Invalid value ${entry} for configuration ${key}: expected ${bracketed ? 'regex:[column1|column2]' : 'regex:column'}`, { key });
    try {
      return { pattern: fullMatch(regex), source: regex, columns: names };
    } catch (cause) {
      throw new ConfigError(`Invalid value ${entry} for configuration ${key}: ${(cause as Error).message}`, { key, cause });
    }
  });
}

/** The columns of the one mapping `qualifiedName` matches; a ConfigError when it matches none or several. */
export function mappedColumns(key: string, mappings: readonly ColumnMapping[], qualifiedName: string): readonly string[] {
  const hits = mappings.filter((m) => m.pattern.test(qualifiedName));
  if (hits.length === 0) throw new ConfigError(`Included table '${qualifiedName}' does not match any of the provided regexes of ${key}`, { key });
  if (hits.length > 1) throw new ConfigError(`Included table '${qualifiedName}' matches more than one of the provided regexes of ${key} (${hits.map((h) => h.source).join(', ')})`, { key });
  return hits[0]!.columns;
}
