// The JDBC source's reader on node-postgres: rows as arrays (rowMode 'array') and the column metadata of `fields`
// (type OIDs, numeric typmods), nullability from pg_attribute for columns that come from a table. Only booleans,
// small integers, floats and bytea are parsed by pg; everything else arrives as PostgreSQL's text, which the runtime
// reads exactly (int8, numeric, temporal values with microseconds, json).
import type { FieldDef } from 'pg';
import type { ConnectionSpec } from '../../config/connectionUrl.js';
import { isolationLevelSql, type JdbcType, type ResultColumn, type ResultSet, type SourceConnection, type SourceConnector, type SourceConnectOptions } from '../../source/SourceSql.js';
import { type LostFlag, quietly } from '../connectionLost.js';
import { openPgClient } from '../PgConnector.js';

/** Type OID → java.sql.Types, as the PostgreSQL JDBC driver and Kafka's PostgreSqlDatabaseDialect see them. */
const OID_TYPES: Record<number, JdbcType> = {
  16: 'BOOLEAN',
  17: 'BINARY',
  18: 'CHAR',
  19: 'VARCHAR',
  20: 'BIGINT',
  21: 'SMALLINT',
  23: 'INTEGER',
  25: 'VARCHAR',
  26: 'BIGINT',
  114: 'VARCHAR',
  142: 'VARCHAR',
  700: 'REAL',
  701: 'DOUBLE',
  1042: 'CHAR',
  1043: 'VARCHAR',
  1082: 'DATE',
  1083: 'TIME',
  1114: 'TIMESTAMP',
  1184: 'TIMESTAMP_WITH_TIMEZONE',
  1266: 'TIME',
  1560: 'BIT',
  1700: 'NUMERIC',
  2950: 'VARCHAR',
  3802: 'VARCHAR',
};
/** OIDs whose pg parsers we keep: bool, bytea, int2, int4, oid, float4, float8. */
const PARSED = new Set([16, 17, 21, 23, 26, 700, 701]);

type TypeParser = (value: string) => unknown;
interface PgTypes {
  getTypeParser(oid: number, format?: string): TypeParser;
}
interface PgClient {
  query(config: { text: string; values: unknown[]; rowMode: 'array'; types: PgTypes }): Promise<{ rows: unknown[][]; fields: FieldDef[] }>;
  end(): Promise<void>;
}

/** `SET TIME ZONE` for db.timezone: an interval for fixed offsets (PostgreSQL reads POSIX `UTC+3` inverted). */
export function pgTimeZoneStatement(zone: string): string {
  const z = zone.trim();
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (fixed) return `SET TIME ZONE INTERVAL '${fixed[1]}${fixed[2]!.padStart(2, '0')}:${fixed[3] ?? '00'}' HOUR TO MINUTE`;
  return `SET TIME ZONE '${z.replaceAll("'", "''")}'`;
}

export class PgSourceConnector implements SourceConnector {
  async connect(spec: ConnectionSpec, options: SourceConnectOptions): Promise<SourceConnection> {
    const level = isolationLevelSql(options.isolation);
    const { pg, client, lost } = await openPgClient(spec, async (c) => {
      await c.query(pgTimeZoneStatement(options.timezone));
      if (level) await c.query(`SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ${level}`);
    });
    const raw: TypeParser = (v) => v;
    const types: PgTypes = { getTypeParser: (oid, format) => (PARSED.has(oid) ? pg.types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text') : raw) };
    return new PgSourceConnection(client as unknown as PgClient, lost, types);
  }
}

export class PgSourceConnection implements SourceConnection {
  /** `tableOid:attnum` → NOT NULL, cached for the connection's life. */
  private readonly notNull = new Map<string, boolean>();

  constructor(
    private readonly client: PgClient,
    private readonly lost: LostFlag,
    private readonly types: PgTypes,
  ) {}

  async select(sql: string, params: readonly unknown[]): Promise<ResultSet> {
    this.lost.check();
    const r = await this.client.query({ text: sql, values: [...params], rowMode: 'array', types: this.types });
    await this.loadNullability(r.fields);
    return { columns: r.fields.map((f) => this.column(f)), rows: r.rows };
  }

  async close(): Promise<void> {
    await quietly(() => this.client.end());
  }

  private column(f: FieldDef): ResultColumn {
    const jdbcType = OID_TYPES[f.dataTypeID] ?? 'OTHER';
    const notNull = f.tableID ? this.notNull.get(`${f.tableID}:${f.columnID}`) : undefined;
    const base = { name: f.name, jdbcType, typeName: String(f.dataTypeID), nullable: notNull === undefined ? undefined : !notNull };
    if (jdbcType !== 'NUMERIC' || f.dataTypeModifier < 4) return base;
    const mod = f.dataTypeModifier - 4;
    return { ...base, precision: (mod >> 16) & 0xffff, scale: mod & 0xffff };
  }

  private async loadNullability(fields: readonly FieldDef[]): Promise<void> {
    const missing = fields.filter((f) => f.tableID && !this.notNull.has(`${f.tableID}:${f.columnID}`));
    if (missing.length === 0) return;
    const r = await this.client.query({
      text: 'SELECT a.attrelid, a.attnum, a.attnotnull FROM pg_attribute a JOIN unnest($1::oid[], $2::int2[]) AS k(rel, num) ON a.attrelid = k.rel AND a.attnum = k.num',
      values: [missing.map((f) => f.tableID), missing.map((f) => f.columnID)],
      rowMode: 'array',
      types: this.types,
    });
    for (const [rel, num, notNull] of r.rows) this.notNull.set(`${rel}:${num}`, notNull === true);
  }
}
