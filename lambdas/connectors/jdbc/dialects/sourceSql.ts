// JDBC source queries per mode (§6.2, kafka-connect-jdbc TimestampIncrementingCriteria): the base SELECT, then
// the mode's WHERE/ORDER BY, then an optional bound row limit, then `query.suffix`.
import { ConfigError } from '../../../connect-api/errors.js';
import type { SourceBindSlot, SourceQuery, SourceQuerySpec, SourceState } from './Dialect.js';
import type { Quoter } from './identifiers.js';

export interface SourceFlavor {
  readonly quoter: Quoter;
  /** The placeholder for a slot; Oracle wraps timestamp slots in TO_TIMESTAMP. */
  placeholder(index: number, slot: SourceBindSlot): string;
  /** ` LIMIT p` or ` FETCH FIRST p ROWS ONLY`. */
  limitClause(placeholder: string): string;
  /**
   * A predicate on the row aliased `alias` that is true while the transaction that wrote it may have started after
   * another transaction that is still open (and so may yet commit a smaller id); undefined where the database does
   * not expose it. Incrementing mode reads a table only up to the first such row.
   */
  inFlightRow?(alias: string): string;
  /** The system column inFlightRow reads (PostgreSQL's xmin), selected with the id in the bounded look-ahead. */
  readonly rowVersionColumn?: string;
}

const IN_FLIGHT_ALIAS = 'sluice_in_flight';

export function buildSourceQuery(flavor: SourceFlavor, spec: SourceQuerySpec): SourceQuery {
  if ((spec.table === undefined) === (spec.query === undefined || spec.query === '')) {
    throw new ConfigError('A source query needs exactly one of a table or a query', { key: 'query' });
  }
  const q = flavor.quoter;
  const column = (name: string) => (spec.table === undefined ? q.column(name) : q.qualified(spec.table, name));
  const base = spec.table === undefined ? spec.query! : `SELECT * FROM ${q.table(spec.table)}`;
  const slots: SourceBindSlot[] = [];
  const p = (slot: SourceBindSlot) => {
    slots.push(slot);
    return flavor.placeholder(slots.length, slot);
  };
  const inc = () => {
    if (!spec.incrementingColumn) throw new ConfigError(`Mode ${spec.mode} needs incrementing.column.name`, { key: 'incrementing.column.name' });
    return column(spec.incrementingColumn);
  };
  const ts = () => {
    const names = spec.timestampColumns ?? [];
    if (names.length === 0) throw new ConfigError(`Mode ${spec.mode} needs timestamp.column.name`, { key: 'timestamp.column.name' });
    return names.length === 1 ? column(names[0]!) : `COALESCE(${names.map(column).join(',')})`;
  };
  let where = '';
  switch (spec.mode) {
    case 'bulk':
      break;
    case 'incrementing': {
      const id = inc();
      // A row whose id is above one still uncommitted would move the offset past that id for good: stop before it.
      const held = spec.table !== undefined && !spec.mayBeView && flavor.inFlightRow ? ` AND ${id} < ALL (${inFlightIds(flavor, spec, p)})` : '';
      where = ` WHERE ${id} > ${p('lastIncrementing')}${held} ORDER BY ${id} ASC`;
      break;
    }
    case 'timestamp': {
      const t = ts();
      where = ` WHERE ${t} > ${p('lastTimestamp')} AND ${t} < ${p('endTimestamp')} ORDER BY ${t} ASC`;
      break;
    }
    case 'timestamp+incrementing': {
      const t = ts();
      const id = inc();
      where = ` WHERE ${t} < ${p('endTimestamp')} AND ((${t} = ${p('lastTimestamp')} AND ${id} > ${p('lastIncrementing')}) OR ${t} > ${p('lastTimestamp')}) ORDER BY ${t},${id} ASC`;
      break;
    }
    default:
      throw new ConfigError(`Unknown mode ${String(spec.mode)}`, { key: 'mode' });
  }
  let limit = '';
  if (spec.limit !== undefined) {
    if (!Number.isSafeInteger(spec.limit) || spec.limit < 1) throw new ConfigError(`Invalid row limit ${spec.limit}: must be a positive integer`, { key: 'batch.max.rows' });
    limit = flavor.limitClause(p('limit'));
  }
  const suffix = spec.suffix ? ` ${spec.suffix}` : '';
  return { sql: `${base}${where}${limit}${suffix}`, slots, ...(spec.limit === undefined ? {} : { limit: spec.limit }) };
}

/** The binds of one poll in slot order; timestamps go through the dialect's `bindTimestamp`. */
export function sourceBindValues(
  query: SourceQuery,
  state: SourceState,
  bindTimestamp: (value: Date, nanos: number | undefined) => unknown,
): unknown[] {
  return query.slots.map((slot) => {
    switch (slot) {
      case 'lastIncrementing': {
        const v = state.lastIncrementing ?? -1;
        return typeof v === 'bigint' ? v.toString() : v;
      }
      case 'lastTimestamp':
        return bindTimestamp(state.lastTimestamp ?? new Date(0), state.lastTimestampNanos);
      case 'endTimestamp':
        if (state.endTimestamp === undefined) throw new ConfigError('A timestamp-mode poll needs its end timestamp (DB now − delay)');
        return bindTimestamp(state.endTimestamp, undefined);
      default:
        return query.limit;
    }
  });
}

/**
 * The ids of the rows above the offset that may have a smaller id still uncommitted before them. With a row limit it
 * looks only as far ahead as the batch reads (the next `limit` ids, through the index), so a poll costs the same
 * whatever the backlog; without one the whole remainder is read anyway.
 */
function inFlightIds(flavor: SourceFlavor, spec: SourceQuerySpec, p: (slot: SourceBindSlot) => string): string {
  const q = flavor.quoter;
  const col = q.column(spec.incrementingColumn!);
  const table = q.table(spec.table!);
  const alias = IN_FLIGHT_ALIAS;
  const inFlight = flavor.inFlightRow!(alias);
  if (spec.limit === undefined || !flavor.rowVersionColumn) return `SELECT ${alias}.${col} FROM ${table} ${alias} WHERE ${alias}.${col} > ${p('lastIncrementing')} AND ${inFlight}`;
  const ahead = `SELECT ${col}, ${flavor.rowVersionColumn} FROM ${table} WHERE ${col} > ${p('lastIncrementing')} ORDER BY ${col} ASC${flavor.limitClause(p('limit'))}`;
  return `SELECT ${alias}.${col} FROM (${ahead}) ${alias} WHERE ${inFlight}`;
}
