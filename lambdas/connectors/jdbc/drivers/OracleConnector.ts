// Oracle through node-oracledb in thin mode (no Instant Client): `getConnection({user, password, connectString})`,
// `execute` for single statements and `executeMany` for bind rows, always with autoCommit false and an explicit
// commit/rollback. Bind types are given (`bindDefs`) rather than guessed by the driver from the first row, so a
// column that is null in the first rows or mixes numbers with numeric text (INT64 beyond 2^53) still binds.
import type { ConnectionSpec } from '../config/connectionUrl.js';
import type { Row, SqlConnection, SqlConnector } from './SqlConnection.js';
import { CONNECT_TIMEOUT_MS, quietly } from './connectionLost.js';

export interface OracleResultLike {
  readonly rows?: unknown[];
  readonly rowsAffected?: number;
}

/** The members of an oracledb Connection this adapter calls. */
export interface OracleConnectionLike {
  execute(sql: string, binds: unknown[], options: Record<string, unknown>): Promise<OracleResultLike>;
  executeMany(sql: string, binds: unknown[][], options: Record<string, unknown>): Promise<OracleResultLike>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** The driver as this adapter sees it; tests inject a fake (no Oracle server exists in CI). */
export interface OracleDriver {
  getConnection(attributes: Record<string, unknown>): Promise<OracleConnectionLike>;
  readonly types: { readonly STRING: unknown; readonly NUMBER: unknown; readonly BUFFER: unknown; readonly DATE: unknown };
  readonly outFormatObject: number;
}

export async function loadOracleDriver(): Promise<OracleDriver> {
  const { default: oracledb } = await import('oracledb');
  return {
    getConnection: (attributes) => oracledb.getConnection(attributes),
    types: { STRING: oracledb.DB_TYPE_VARCHAR, NUMBER: oracledb.DB_TYPE_NUMBER, BUFFER: oracledb.DB_TYPE_RAW, DATE: oracledb.DB_TYPE_DATE },
    outFormatObject: oracledb.OUT_FORMAT_OBJECT,
  };
}

/** The getConnection attributes of a spec; the URL's Easy Connect string or descriptor is the connectString. */
export function oracleConnectAttributes(spec: ConnectionSpec): Record<string, unknown> {
  return {
    ...(spec.user !== undefined ? { user: spec.user } : {}),
    ...(spec.password !== undefined ? { password: spec.password } : {}),
    connectString: spec.connectString ?? `${spec.host}:${spec.port}/${spec.database}`,
    connectTimeout: CONNECT_TIMEOUT_MS / 1000,
  };
}

export class OracleConnector implements SqlConnector {
  constructor(private readonly driver: () => Promise<OracleDriver> = loadOracleDriver) {}

  async connect(spec: ConnectionSpec): Promise<SqlConnection> {
    const driver = await this.driver();
    return new OracleConnection(await driver.getConnection(oracleConnectAttributes(spec)), driver);
  }
}

class OracleConnection implements SqlConnection {
  constructor(
    private readonly connection: OracleConnectionLike,
    private readonly driver: OracleDriver,
  ) {}

  async query(sql: string, params: readonly unknown[]): Promise<Row[]> {
    const result = await this.connection.execute(sql, [...params], { autoCommit: false, outFormat: this.driver.outFormatObject });
    return (result.rows ?? []) as Row[];
  }

  async execute(sql: string, params: readonly unknown[]): Promise<number> {
    return (await this.connection.execute(sql, [...params], { autoCommit: false })).rowsAffected ?? 0;
  }

  async executeMany(sql: string, rows: readonly (readonly unknown[])[]): Promise<number> {
    if (rows.length === 0) return 0;
    const { binds, bindDefs } = bindRows(rows, this.driver.types);
    return (await this.connection.executeMany(sql, binds, { autoCommit: false, bindDefs })).rowsAffected ?? 0;
  }

  /** Oracle starts a transaction with the first DML; nothing to send. */
  async begin(): Promise<void> {}

  async commit(): Promise<void> {
    await this.connection.commit();
  }

  async rollback(): Promise<void> {
    await this.connection.rollback();
  }

  async close(): Promise<void> {
    await quietly(() => this.connection.close());
  }
}

type Kind = 'STRING' | 'NUMBER' | 'BUFFER' | 'DATE';

/** One bindDef per column from every row's value; a column mixing kinds binds as text (Oracle converts it). */
export function bindRows(rows: readonly (readonly unknown[])[], types: OracleDriver['types']): { binds: unknown[][]; bindDefs: Record<string, unknown>[] } {
  const width = rows[0]!.length;
  const kinds: Kind[] = [];
  for (let c = 0; c < width; c++) kinds.push(columnKind(rows, c));
  const binds = rows.map((row) => row.map((v, c) => (kinds[c] === 'STRING' && v !== null && v !== undefined && typeof v !== 'string' ? String(v) : v ?? null)));
  const bindDefs = kinds.map((kind, c) => {
    if (kind === 'NUMBER' || kind === 'DATE') return { type: types[kind] };
    const size = binds.reduce((max, row) => Math.max(max, sizeOf(row[c])), 1);
    return { type: types[kind], maxSize: size };
  });
  return { binds, bindDefs };
}

function columnKind(rows: readonly (readonly unknown[])[], c: number): Kind {
  let kind: Kind | undefined;
  for (const row of rows) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    const k: Kind = typeof v === 'number' ? 'NUMBER' : v instanceof Uint8Array ? 'BUFFER' : v instanceof Date ? 'DATE' : 'STRING';
    if (kind !== undefined && kind !== k) return 'STRING';
    kind = k;
  }
  return kind ?? 'STRING';
}

function sizeOf(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
  if (v instanceof Uint8Array) return v.byteLength;
  return 0;
}
