// The JDBC source's reader on node-oracledb (thin mode): rows as arrays (OUT_FORMAT_ARRAY) and `metaData`
// (dbTypeName, nullable, precision, scale). NUMBER and LOBs are fetched as text/bytes, so no digit is lost; DATE and
// TIMESTAMP arrive as JS Dates whose local fields are the stored wall clock, which this adapter turns back into text
// for the runtime to read in db.timezone (milliseconds only). Not run against a live server here: the tests drive a fake.
import type { ConnectionSpec } from '../../config/connectionUrl.js';
import { isolationLevelSql, type JdbcType, type ResultColumn, type ResultSet, type SourceConnection, type SourceConnector, type SourceConnectOptions } from '../../source/SourceSql.js';
import { quietly } from '../connectionLost.js';
import { oracleConnectAttributes } from '../OracleConnector.js';

export interface OracleMetaData {
  readonly name: string;
  readonly dbTypeName?: string;
  readonly nullable?: boolean;
  readonly precision?: number;
  readonly scale?: number;
}

export interface OracleSourceConnectionLike {
  execute(sql: string, binds: unknown[], options: Record<string, unknown>): Promise<{ rows?: unknown[][]; metaData?: OracleMetaData[] }>;
  close(): Promise<void>;
}

export interface OracleSourceDriver {
  getConnection(attributes: Record<string, unknown>): Promise<OracleSourceConnectionLike>;
  readonly outFormatArray: number;
  readonly STRING: unknown;
  readonly BUFFER: unknown;
}

export async function loadOracleSourceDriver(): Promise<OracleSourceDriver> {
  const { default: oracledb } = await import('oracledb');
  return {
    getConnection: (attributes) => oracledb.getConnection(attributes) as unknown as Promise<OracleSourceConnectionLike>,
    // OUT_FORMAT_ARRAY (4001) is missing from lambdas/connectors/jdbc/drivers/oracledb.d.ts; STRING and BUFFER are aliases of these DB types.
    outFormatArray: (oracledb as unknown as { OUT_FORMAT_ARRAY?: number }).OUT_FORMAT_ARRAY ?? 4001,
    STRING: oracledb.DB_TYPE_VARCHAR,
    BUFFER: oracledb.DB_TYPE_RAW,
  };
}

function typeOf(m: OracleMetaData): JdbcType {
  const t = (m.dbTypeName ?? '').toUpperCase();
  if (t === 'NUMBER') return m.scale === -127 && (m.precision ?? 0) > 0 ? 'DOUBLE' : 'NUMERIC';
  if (t === 'BINARY_FLOAT') return 'REAL';
  if (t === 'BINARY_DOUBLE' || t === 'FLOAT') return 'DOUBLE';
  if (t === 'BOOLEAN') return 'BOOLEAN';
  if (t === 'CHAR' || t === 'NCHAR') return 'CHAR';
  if (t === 'VARCHAR2' || t === 'NVARCHAR2' || t === 'LONG' || t === 'JSON' || t === 'ROWID') return 'VARCHAR';
  if (t === 'CLOB' || t === 'NCLOB') return 'CLOB';
  if (t === 'BLOB') return 'BLOB';
  if (t === 'RAW' || t === 'LONG RAW') return 'BINARY';
  // Oracle DATE holds a time of day; the JDBC driver reports it as TIMESTAMP and Kafka maps it to Timestamp.
  if (t === 'DATE' || t === 'TIMESTAMP') return 'TIMESTAMP';
  if (t.startsWith('TIMESTAMP WITH')) return 'TIMESTAMP_WITH_TIMEZONE';
  return 'OTHER';
}

export function oracleColumn(m: OracleMetaData): ResultColumn {
  const jdbcType = typeOf(m);
  const base = { name: m.name, jdbcType, typeName: m.dbTypeName ?? 'UNKNOWN', nullable: m.nullable };
  if (jdbcType !== 'NUMERIC') return base;
  // NUMBER without precision (precision 0, scale -127) is unconstrained.
  return m.precision && m.precision > 0 ? { ...base, precision: m.precision, scale: m.scale ?? 0 } : base;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A thin-mode Date back to the wall-clock text it was built from (its local fields). */
export function wallClockText(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export class OracleSourceConnector implements SourceConnector {
  constructor(private readonly driver: () => Promise<OracleSourceDriver> = loadOracleSourceDriver) {}

  async connect(spec: ConnectionSpec, options: SourceConnectOptions): Promise<SourceConnection> {
    const driver = await this.driver();
    const connection = await driver.getConnection(oracleConnectAttributes(spec));
    // Oracle has READ COMMITTED and SERIALIZABLE only; validation refuses the other modes.
    const level = isolationLevelSql(options.isolation);
    if (level) {
      try {
        await connection.execute(`ALTER SESSION SET ISOLATION_LEVEL = ${level}`, [], {});
      } catch (error) {
        await quietly(() => connection.close());
        throw error;
      }
    }
    return new OracleSourceConnection(connection, driver);
  }
}

export class OracleSourceConnection implements SourceConnection {
  constructor(
    private readonly connection: OracleSourceConnectionLike,
    private readonly driver: OracleSourceDriver,
  ) {}

  async select(sql: string, params: readonly unknown[]): Promise<ResultSet> {
    const result = await this.connection.execute(sql, [...params], {
      outFormat: this.driver.outFormatArray,
      fetchTypeHandler: (m: OracleMetaData) => {
        const t = (m.dbTypeName ?? '').toUpperCase();
        if (t === 'NUMBER' || t === 'CLOB' || t === 'NCLOB' || t === 'JSON') return { type: this.driver.STRING };
        if (t === 'BLOB') return { type: this.driver.BUFFER };
        return undefined;
      },
    });
    const columns = (result.metaData ?? []).map(oracleColumn);
    const rows = (result.rows ?? []).map((row) =>
      row.map((v, i) => (v instanceof Date ? (columns[i]!.jdbcType === 'TIMESTAMP' ? wallClockText(v) : v.toISOString()) : v)),
    );
    return { columns, rows };
  }

  async close(): Promise<void> {
    await quietly(() => this.connection.close());
  }
}
