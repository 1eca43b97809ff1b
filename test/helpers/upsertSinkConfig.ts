// The JDBC sink config the standalone and fault tests create: upsert by the value's id into the caller's (unique)
// table, created on demand, with no batching window so that each record is handed over at once.
import { PG_URL } from './pg.js';

/** The shared local PostgreSQL (trust auth), unless the test names another database. */
const LOCAL_PG: Readonly<Record<string, string>> = { 'connection.url': PG_URL, 'connection.user': 'postgres' };

export function upsertSinkConfig(topic: string, table: string, connection: Readonly<Record<string, string>> = LOCAL_PG, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
    ...connection,
    topics: topic,
    'table.name.format': table,
    'insert.mode': 'upsert',
    'pk.mode': 'record_value',
    'pk.fields': 'id',
    'auto.create': 'true',
    'sluice.esm.batching.window.ms': '0',
    ...extra,
  };
}
