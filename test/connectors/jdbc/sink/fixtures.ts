// Records, schemas and configs shared by the JDBC sink writer tests.
import type { SinkRecord } from '../../../../lambdas/connect-api/data/ConnectRecord.js';
import { optional, type Schema, Schemas, structSchema } from '../../../../lambdas/connect-api/data/Schema.js';
import { Struct } from '../../../../lambdas/connect-api/data/Struct.js';
import type { Row, SqlConnection, SqlConnector } from '../../../../lambdas/connectors/jdbc/drivers/SqlConnection.js';
import type { ConnectionSpec } from '../../../../lambdas/connectors/jdbc/config/connectionUrl.js';
import { type JdbcSinkConfig, parseJdbcSinkConfig } from '../../../../lambdas/connectors/jdbc/sink/JdbcSinkConfig.js';

let offset = 0;

export interface RecordParts {
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: number;
  readonly keySchema?: Schema | null;
  readonly key?: unknown;
  readonly valueSchema?: Schema | null;
  readonly value?: unknown;
}

export function sinkRecord(parts: RecordParts): SinkRecord {
  const topic = parts.topic ?? 'orders';
  const at = parts.offset ?? offset++;
  return {
    topic,
    kafkaPartition: parts.partition ?? 0,
    kafkaOffset: at,
    keySchema: parts.keySchema ?? null,
    key: parts.key ?? null,
    valueSchema: parts.valueSchema ?? null,
    value: parts.value ?? null,
    timestamp: 1_700_000_000_000,
    timestampType: 'CREATE_TIME',
    headers: [],
    originalTopic: topic,
    originalKafkaPartition: parts.partition ?? 0,
    originalKafkaOffset: at,
    raw: { key: null, value: null, headers: [] },
  };
}

export const keySchema = structSchema([['id', Schemas.INT32]]);
export const valueSchema = structSchema([
  ['id', Schemas.INT32],
  ['name', Schemas.STRING],
  ['qty', optional(Schemas.INT64)],
]);

/** An order record keyed by a Struct {id}, with a value {id, name, qty}; `value: null` makes a tombstone. */
export function order(topic: string, id: number, name: string | null, qty: number | null = null): SinkRecord {
  const value = name === null ? null : new Struct(valueSchema, { id, name, qty });
  return sinkRecord({ topic, keySchema, key: new Struct(keySchema, { id }), valueSchema: value === null ? null : valueSchema, value });
}

export function sinkConfig(url: string, props: Record<string, string> = {}): JdbcSinkConfig {
  return parseJdbcSinkConfig({ name: 'test-sink', 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url': url, ...props });
}

/** A table name no other test uses. */
export function uniqueTable(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
}

/** Every statement a connection ran, for assertions on what reached the database. */
export interface Call {
  readonly method: 'query' | 'execute' | 'executeMany' | 'load' | 'begin' | 'commit' | 'rollback';
  readonly sql?: string;
  readonly binds?: readonly unknown[];
}

/** Wraps a connector so each connection records its calls in `calls`. */
export function recording(connector: SqlConnector): { connector: SqlConnector; calls: Call[]; connections: SqlConnection[] } {
  const calls: Call[] = [];
  const connections: SqlConnection[] = [];
  return {
    calls,
    connections,
    connector: {
      async connect(spec: ConnectionSpec): Promise<SqlConnection> {
        const inner = await connector.connect(spec);
        connections.push(inner);
        const log = <T>(call: Call, run: () => Promise<T>): Promise<T> => {
          calls.push(call);
          return run();
        };
        return {
          query: (sql: string, params: readonly unknown[]): Promise<Row[]> => log({ method: 'query', sql, binds: params }, () => inner.query(sql, params)),
          execute: (sql, params) => log({ method: 'execute', sql, binds: params }, () => inner.execute(sql, params)),
          executeMany: (sql, rows) => log({ method: 'executeMany', sql, binds: rows }, () => inner.executeMany(sql, rows)),
          ...(inner.load !== undefined ? { load: (sql: string, data: readonly string[]) => log({ method: 'load', sql, binds: data }, () => inner.load!(sql, data)) } : {}),
          begin: () => log({ method: 'begin' }, () => inner.begin()),
          commit: () => log({ method: 'commit' }, () => inner.commit()),
          rollback: () => log({ method: 'rollback' }, () => inner.rollback()),
          close: () => inner.close(),
        };
      },
    },
  };
}
