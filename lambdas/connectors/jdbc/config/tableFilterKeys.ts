// The JDBC source's table filters: the legacy table.whitelist / table.blacklist (with incrementing.column.name and
// timestamp.column.name) and Confluent's newer regex keys (table.include.list / table.exclude.list with
// incrementing.column.mapping / timestamp.columns.mapping), which may not be mixed (JdbcSourceConnectorValidation).
import type { ConfigKey } from '../../../connect-api/config/ConfigDef.js';
import { satisfies } from '../../../connect-api/config/validators.js';
import { fullMatch, parseColumnMappings } from '../source/tableSelection.js';

const DATABASE = 'Database';
const MODE = 'Mode';

const regexes = satisfies('a list of regular expressions', (v) => {
  for (const r of Array.isArray(v) ? v : []) {
    try {
      fullMatch(String(r));
    } catch (e) {
      return `Invalid regular expression ${r}: ${(e as Error).message}`;
    }
  }
  return undefined;
});

const mappings = (key: string, bracketed: boolean) =>
  satisfies(bracketed ? 'regex:[column1|column2],...' : 'regex:column,...', (v) => {
    try {
      parseColumnMappings(key, (Array.isArray(v) ? v : []).map(String), bracketed);
      return undefined;
    } catch (e) {
      return (e as Error).message.replace(/^Invalid value .* for configuration \S+: /, '');
    }
  });

export const tableFilterKeys: ConfigKey[] = [
  { name: 'table.include.list', type: 'LIST', default: [], validator: regexes, importance: 'MEDIUM', group: DATABASE, orderInGroup: 6, width: 'LONG', displayName: 'Tables Included (Regex)', documentation: 'Comma-separated regular expressions matched against the fully-qualified names of the tables to copy (schema.table on PostgreSQL and Oracle, database.table on MySQL), in every schema unless schema.pattern is set. May not be combined with table.whitelist / table.blacklist.' },
  { name: 'table.exclude.list', type: 'LIST', default: [], validator: regexes, importance: 'MEDIUM', group: DATABASE, orderInGroup: 7, width: 'LONG', displayName: 'Tables Excluded (Regex)', documentation: 'Comma-separated regular expressions matched against the fully-qualified names of tables not to copy, among those table.include.list matches (which it requires).' },
  { name: 'incrementing.column.mapping', type: 'LIST', default: [], validator: mappings('incrementing.column.mapping', false), importance: 'MEDIUM', group: MODE, orderInGroup: 8, width: 'LONG', displayName: 'Table to incrementing column mappings', documentation: 'With table.include.list: regex1:column1,regex2:column2; each copied table must match exactly one regex (against its fully-qualified name). Empty: each table\'s auto-increment column.' },
  { name: 'timestamp.columns.mapping', type: 'LIST', default: [], validator: mappings('timestamp.columns.mapping', true), importance: 'MEDIUM', group: MODE, orderInGroup: 9, width: 'LONG', displayName: 'Table to timestamp columns mappings', documentation: 'With table.include.list: regex1:[col1|col2],regex2:[col3]; each copied table must match exactly one regex, and several columns are COALESCEd in order.' },
];

const LEGACY = ['table.whitelist', 'table.blacklist', 'timestamp.column.name', 'incrementing.column.name'];
const NEW = ['table.include.list', 'table.exclude.list', 'timestamp.columns.mapping', 'incrementing.column.mapping'];

const MIXED =
  'Cannot mix legacy and new configuration approaches. Legacy configurations (table.whitelist, table.blacklist, timestamp.column.name, incrementing.column.name) cannot be used together with new configurations (table.include.list, table.exclude.list, timestamp.columns.mapping, incrementing.column.mapping). Please choose one approach: either use all legacy configurations or all new configurations.';

/** Confluent's table-filter checks for table mode; `add(key, message)` records an error. */
export function validateTableFilters(props: Readonly<Record<string, string>>, add: (key: string, message: string) => void): void {
  const set = (k: string) => (props[k] ?? '').trim() !== '';
  if (set('query')) {
    if (['table.whitelist', 'table.blacklist', 'table.include.list', 'table.exclude.list'].some(set)) add('query', 'query may not be combined with whole-table copying settings.');
    return;
  }
  const legacy = LEGACY.filter(set);
  const fresh = NEW.filter(set);
  if (legacy.length > 0 && fresh.length > 0) {
    for (const k of [...legacy, ...fresh]) add(k, MIXED);
    return;
  }
  if (!set('table.whitelist') && !set('table.blacklist') && !set('table.include.list') && !set('table.exclude.list')) {
    add('table.whitelist', 'Name the tables to copy with table.whitelist (or table.blacklist, or table.include.list), or give a query');
    return;
  }
  if (set('table.whitelist') && set('table.blacklist')) {
    add('table.whitelist', 'table.whitelist and table.blacklist are exclusive.');
    add('table.blacklist', 'table.whitelist and table.blacklist are exclusive.');
  }
  if (set('table.exclude.list') && !set('table.include.list')) {
    add('table.exclude.list', 'table.exclude.list cannot be used without table.include.list. Exclude list only applies to tables that match the include list.');
  }
}
