// The JDBC sink config the captured orders MSK event (test/fixtures/msk/orders-envelope.json) is written with: upsert
// by the value's id into a PostgreSQL table of the caller's (unique) name.
import { PG_URL } from './pg.js';

export function ordersSinkConfig(table: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'connector.class': 'JdbcSink',
    'connection.url': PG_URL,
    'connection.user': 'postgres',
    topics: 'orders',
    'table.name.format': table,
    'insert.mode': 'upsert',
    'pk.mode': 'record_value',
    'pk.fields': 'id',
    'auto.create': 'true',
    ...extra,
  };
}
