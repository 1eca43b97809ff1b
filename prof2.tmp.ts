import { PgConnector } from './lambdas/adapters/sql/PgConnector.js';
import { MySqlConnector } from './lambdas/adapters/sql/MySqlConnector.js';
import { JdbcDbWriter } from './lambdas/runtime/sink/jdbc/JdbcDbWriter.js';
import { parseJdbcSinkConfig } from './lambdas/runtime/sink/jdbc/JdbcSinkConfig.js';
import { Decimal } from './lambdas/connect-api/data/Decimal.js';
import { decimalSchema, optional, Schemas, structSchema, timestampSchema } from './lambdas/connect-api/data/Schema.js';
import { Struct } from './lambdas/connect-api/data/Struct.js';
const keySchema = structSchema([['id', Schemas.INT64]]);
const valueSchema = structSchema([['id', Schemas.INT64],['name', Schemas.STRING],['qty', optional(Schemas.INT64)],['price', decimalSchema(2)],['at', timestampSchema()]]);
const recs = (topic: string, round: number) => Array.from({ length: 10000 }, (_, i) => ({ topic, kafkaPartition: 0, kafkaOffset: i, keySchema, key: new Struct(keySchema, { id: i }), valueSchema, value: new Struct(valueSchema, { id: i, name: `name\t${i} r${round}`, qty: i * 3, price: new Decimal(BigInt(i * 100 + 99 + round), 2), at: new Date(1_700_000_000_000 + i * 1000 + round) }), timestamp: 0, timestampType: 'CREATE_TIME', headers: [], originalTopic: topic, originalKafkaPartition: 0, originalKafkaOffset: i, raw: { key: null, value: null, headers: [] } }) as any);
const my = process.argv[2] === 'my';
const db = my ? { url: 'jdbc:mariadb://127.0.0.1:3306/test?user=root', c: new MySqlConnector() } : { url: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres', c: new PgConnector() };
const timing = { async connect(spec: any) { const inner: any = await db.c.connect(spec); const wrap: any = {}; for (const m of ['query','execute','executeMany','load','begin','commit','rollback','close']) wrap[m] = async (...a: any[]) => { const t0 = performance.now(); try { return await inner[m](...a); } finally { const d = performance.now() - t0; if (d > 3) console.log('  ', m, String(a[0] ?? '').slice(0, 50), d.toFixed(0)); } }; return wrap; } };
for (const mode of ['always', 'never']) {
  const t = `p17_prof_${mode}_${process.pid}`;
  const w = new JdbcDbWriter(parseJdbcSinkConfig({ name: 'b', 'connector.class': 'x', 'connection.url': db.url, 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true', 'bulk.load.mode': mode }), timing as any);
  for (let r = 0; r < 3; r++) {
    const data = recs(t, r);
    const t0 = performance.now();
    await w.write(data);
    console.log(mode, r, 'wall', (performance.now() - t0).toFixed(0));
  }
  const a = await db.c.connect(parseJdbcSinkConfig({ name: 'b', 'connector.class': 'x', 'connection.url': db.url }).connection);
  await a.execute(`DROP TABLE ${my ? t : `"${t}"`}`, []); await a.close(); await w.close();
}
