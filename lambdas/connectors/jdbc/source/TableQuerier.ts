// One table (or the custom query) of a JDBC source (kafka-connect-jdbc's BulkTableQuerier and
// TimestampIncrementingTableQuerier): builds the mode's query, binds the stored offset, and turns rows into
// SourceRecords carrying their partition and offset.
import type { SourceRecord } from '../../../connect-api/data/ConnectRecord.js';
import { Decimal } from '../../../connect-api/data/Decimal.js';
import { type Schema, structSchema } from '../../../connect-api/data/Schema.js';
import type { Dialect, SourceQuery, SqlStatement } from '../dialects/Dialect.js';
import type { Zone } from '../dialects/temporal.js';
import { ConfigError } from '../../../connect-api/errors.js';
import { type ColumnMapper, columnMapper, readInstant } from './columnMapping.js';
import { type JdbcSourceConfig, usesIncrementing, usesTimestamp } from './JdbcSourceConfig.js';
import { compareTimestamps, type OffsetState, offsetToMap, QUERY_PARTITION, tablePartition } from './offsets.js';
import { RowStruct } from './RowStruct.js';
import type { ResultColumn, SourceConnection } from './SourceSql.js';
import type { DiscoveredTable } from './tableDiscovery.js';
import type { Instant } from './temporalText.js';

export interface QuerierTarget {
  /** Table mode; undefined in query mode. */
  readonly table?: DiscoveredTable;
  /** The resolved incrementing column (auto-increment lookup done). */
  readonly incrementingColumn: string;
  /** Column nullability from the table's metadata, overriding what the result set says. */
  readonly nullability?: ReadonlyMap<string, boolean>;
}

export interface PolledBatch {
  readonly records: SourceRecord[];
  readonly rowCount: number;
  /** The offset to save once the records are acknowledged; null in bulk mode. */
  readonly next: OffsetState | null;
  /** A full batch: more rows may be waiting, poll again without waiting. */
  readonly more: boolean;
}

interface Layout {
  readonly signature: string;
  readonly mappers: readonly (ColumnMapper | undefined)[];
  /** Result column positions of the schema's fields, in field order. */
  readonly columns: readonly number[];
  readonly schema: Schema;
  readonly index: ReadonlyMap<string, number>;
  readonly inc: number;
  readonly ts: readonly number[];
}

export class TableQuerier {
  readonly topic: string;
  readonly partition: Readonly<Record<string, unknown>>;
  /** Epoch ms before which this querier is not polled again (poll.interval.ms after its last poll). */
  nextPollAt = 0;
  private state: OffsetState = {};
  private layout: Layout | undefined;
  private readonly queries = new Map<number | undefined, SourceQuery>();

  constructor(
    private readonly config: JdbcSourceConfig,
    private readonly dialect: Dialect,
    private readonly zone: Zone,
    readonly target: QuerierTarget,
  ) {
    this.topic = target.table ? `${config.topicPrefix}${target.table.id.table}` : config.topicPrefix;
    this.partition = Object.freeze(target.table ? tablePartition(target.table.qualifiedName) : { ...QUERY_PARTITION });
  }

  get offset(): OffsetState {
    return this.state;
  }

  /** Sets the offset the next poll starts after (the stored one, or the acknowledged end of the last batch). */
  commit(offset: OffsetState): void {
    this.state = offset;
  }

  private query(limit: number | undefined): SourceQuery {
    let q = this.queries.get(limit);
    if (!q) {
      q = this.dialect.sourceQuery({
        mode: this.config.mode,
        ...(this.target.table ? { table: this.target.table.id } : { query: this.config.query }),
        ...(usesIncrementing(this.config.mode) ? { incrementingColumn: this.target.incrementingColumn } : {}),
        ...(usesTimestamp(this.config.mode) ? { timestampColumns: this.config.timestampColumns } : {}),
        ...(this.config.querySuffix ? { suffix: this.config.querySuffix } : {}),
        ...(limit === undefined ? {} : { limit }),
        ...(this.config.tableTypes.includes('VIEW') ? { mayBeView: true } : {}),
      });
      this.queries.set(limit, q);
    }
    return q;
  }

  /** The statement and binds of one poll; `end` is DB now − timestamp.delay.interval.ms (timestamp modes). */
  statement(limit: number | undefined, end: Instant | undefined): SqlStatement {
    const q = this.query(limit);
    const s = this.state;
    const params = this.dialect.sourceBinds(q, {
      ...(s.incrementing !== undefined ? { lastIncrementing: s.incrementing } : {}),
      ...(s.timestampMs !== undefined ? { lastTimestamp: new Date(s.timestampMs), ...(s.timestampNanos !== undefined ? { lastTimestampNanos: s.timestampNanos } : {}) } : {}),
      ...(end ? { endTimestamp: new Date(end.ms) } : {}),
    });
    return { sql: q.sql, params };
  }

  /** Reads the next batch. Bulk mode reads the whole table; the others at most batch.max.rows rows. */
  async poll(conn: SourceConnection, end: Instant | undefined): Promise<PolledBatch> {
    const mode = this.config.mode;
    let limit = mode === 'bulk' ? undefined : this.config.batchMaxRows;
    for (;;) {
      const stmt = this.statement(limit, end);
      const result = await conn.select(stmt.sql, stmt.params);
      const full = limit !== undefined && result.rows.length >= limit;
      const layout = this.layoutOf(result.columns);
      let rows = result.rows;
      if (mode === 'timestamp' && full) {
        // The last timestamp group may continue past the limit: leave it for the next query, which starts after
        // the previous group; when the whole batch is one group, read it again with a larger limit.
        const cut = this.groupStart(rows, layout);
        if (cut === 0) {
          limit = limit! * 2;
          continue;
        }
        rows = rows.slice(0, cut);
      }
      return this.toBatch(rows, layout, full);
    }
  }

  private toBatch(rows: readonly (readonly unknown[])[], layout: Layout, more: boolean): PolledBatch {
    const mode = this.config.mode;
    const records: SourceRecord[] = [];
    let previous = offsetToMap(this.state);
    let next: OffsetState = this.state;
    const instants = mode === 'bulk' ? [] : rows.map((r) => this.timestampOf(r, layout));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const values = new Array<unknown>(layout.columns.length);
      for (let f = 0; f < layout.columns.length; f++) {
        const c = layout.columns[f]!;
        const v = row[c];
        values[f] = v === null || v === undefined ? null : layout.mappers[c]!.read(v);
      }
      let sourceOffset: Record<string, unknown> | null = null;
      if (mode !== 'bulk') {
        const ts = instants[i];
        const incrementing = layout.inc >= 0 ? incrementingValue(layout.mappers[layout.inc]!.read(row[layout.inc])) : undefined;
        next = ts ? (incrementing === undefined ? { timestampMs: ts.ms, timestampNanos: ts.nanos } : { incrementing, timestampMs: ts.ms, timestampNanos: ts.nanos }) : { incrementing };
        const following = instants[i + 1];
        // timestamp mode: the offset only moves past T once the last row with timestamp T was read.
        const sameGroup = mode === 'timestamp' && ts && following && compareTimestamps(ts.ms, ts.nanos, following.ms, following.nanos) === 0;
        if (!sameGroup) previous = offsetToMap(next);
        sourceOffset = previous;
      }
      records.push({
        topic: this.topic,
        kafkaPartition: null,
        keySchema: null,
        key: null,
        valueSchema: layout.schema,
        value: new RowStruct(layout.schema, layout.index, values),
        timestamp: null,
        headers: [],
        sourcePartition: this.partition,
        sourceOffset,
      });
    }
    return { records, rowCount: rows.length, next: mode === 'bulk' ? null : next, more };
  }

  private timestampOf(row: readonly unknown[], layout: Layout): Instant | undefined {
    for (const c of layout.ts) {
      const v = row[c];
      if (v !== null && v !== undefined) return readInstant(v, this.zone);
    }
    return undefined;
  }

  /** Index of the first row of the last timestamp group (rows are in timestamp order). */
  private groupStart(rows: readonly (readonly unknown[])[], layout: Layout): number {
    const last = this.timestampOf(rows[rows.length - 1]!, layout);
    let i = rows.length - 1;
    while (i > 0) {
      const t = this.timestampOf(rows[i - 1]!, layout);
      if (!t || !last || compareTimestamps(t.ms, t.nanos, last.ms, last.nanos) !== 0) break;
      i--;
    }
    return i;
  }

  private layoutOf(columns: readonly ResultColumn[]): Layout {
    const signature = columns.map((c) => `${c.name}:${c.jdbcType}:${c.precision}:${c.scale}:${c.nullable}`).join(',');
    if (this.layout?.signature === signature) return this.layout;
    const nullability = this.target.nullability;
    const mappers = columns.map((c) => columnMapper({ ...c, nullable: nullability?.get(c.name) ?? c.nullable }, this.config.numericMapping, this.zone, this.config.timestampGranularity));
    const present = mappers.flatMap((m, c) => (m === undefined ? [] : [c]));
    const fields = present.map((c) => [mappers[c]!.name, mappers[c]!.schema] as const);
    const schema = structSchema(fields, this.target.table ? { name: this.target.table.id.table } : {});
    const find = (name: string) => {
      const exact = columns.findIndex((c) => c.name === name);
      return exact >= 0 ? exact : columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
    };
    const inc = usesIncrementing(this.config.mode) ? find(this.target.incrementingColumn) : -1;
    const ts = usesTimestamp(this.config.mode) ? this.config.timestampColumns.map(find).filter((i) => i >= 0) : [];
    if (usesIncrementing(this.config.mode) && (inc < 0 || mappers[inc] === undefined)) {
      throw new ConfigError(`The incrementing column ${this.target.incrementingColumn} is not an integer column of the result`, { key: 'incrementing.column.name' });
    }
    if (usesTimestamp(this.config.mode) && ts.length === 0) {
      throw new ConfigError(`None of the timestamp columns ${this.config.timestampColumns.join(',')} is in the result`, { key: 'timestamp.column.name' });
    }
    this.layout = { signature, mappers, columns: present, schema, index: RowStruct.indexOf(schema), inc, ts };
    return this.layout;
  }

  /** `SELECT COUNT(*)` of the rows after the offset (incrementing mode only, where it is one index range scan). */
  lagStatement(): SqlStatement | undefined {
    if (this.config.mode !== 'incrementing') return undefined;
    const d = this.dialect;
    const p = d.placeholderStyle === 'dollar' ? '$1' : d.placeholderStyle === 'colon' ? ':1' : '?';
    const from = this.target.table ? d.quoteTable(this.target.table.id) : `(${this.config.query}) sluice_q`;
    const last = this.state.incrementing ?? -1;
    return { sql: `SELECT COUNT(*) FROM ${from} WHERE ${d.quoteColumn(this.target.incrementingColumn)} > ${p}`, params: [typeof last === 'bigint' ? last.toString() : last] };
  }
}

/** The incrementing offset is a long (Kafka: an integral column, or a Decimal of scale 0 such as Oracle NUMBER(10)). */
function incrementingValue(v: unknown): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof Decimal && v.scale <= 0) {
    const n = v.rescale(0).unscaled;
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  throw new ConfigError(`The incrementing column holds ${String(v)}, which is not an integer`, { key: 'incrementing.column.name' });
}
