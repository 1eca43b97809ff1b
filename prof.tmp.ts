import { PgConnector } from './lambdas/adapters/sql/PgConnector.js';
import { MySqlConnector } from './lambdas/adapters/sql/MySqlConnector.js';
import { JdbcDbWriter } from './lambdas/runtime/sink/jdbc/JdbcDbWriter.js';
import { parseJdbcSinkConfig } from './lambdas/runtime/sink/jdbc/JdbcSinkConfig.js';
import { Decimal } from './lambdas/connect-api/data/Decimal.js';
import { decimalSchema, optional, Schemas, structSchema, timestampSchema } from './lambdas/connect-api/data/Schema.js';
import { Struct } from './lambdas/connect-api/data/Struct.js';
const keySchema = structSchema([['id', Schemas.INT64]]);
const valueSchema = structSchema([['id', Schemas.INT64],['name', Schemas.STRING],['qty', optional(Schemas.INT64)],['price', decimalSchema(2)],['at', timestampSchema()]]);
const recs = (topic: string, round: number) => Array.from({ length: 10000 }, (_, i) => ({ topic, kafkaPartition: 0, kafkaOffset: i, keySchema, key: new Struct(keySchema, { id: i + (process.env.NEWROWS ? round * 10000 : 0) }), valueSchema, value: new Struct(valueSchema, { id: i + (process.env.NEWROWS ? round * 10000 : 0), name: `name\t${i} r${round}`, qty: i * 3, price: new Decimal(BigInt(i * 100 + 99 + round), 2), at: new Date(1_700_000_000_000 + i * 1000 + round) }), timestamp: 0, timestampType: 'CREATE_TIME', headers: [], originalTopic: topic, originalKafkaPartition: 0, originalKafkaOffset: i, raw: { key: null, value: null, headers: [] } }) as any);
const db = process.argv[2] === 'my' ? { url: 'jdbc:mariadb://127.0.0.1:3306/test?user=root', c: new MySqlConnector() } : { url: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres', c: new PgConnector() };
for (const mode of ['always', 'never']) {
  const t = `p17_prof_${mode}_${process.pid}`;
  const w = new JdbcDbWriter(parseJdbcSinkConfig({ name: 'b', 'connector.class': 'x', 'connection.url': db.url, 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true', 'bulk.load.mode': mode }), db.c);
  for (let r = 0; r < 4; r++) {
    const data = recs(t, r);
    const cpu0 = process.cpuUsage(); const t0 = performance.now();
    await w.write(data);
    const cpu = process.cpuUsage(cpu0);
    console.log(mode, r, 'wall', (performance.now() - t0).toFixed(0), 'ms cpu', ((cpu.user + cpu.system) / 1000).toFixed(0));
  }
  const a = await db.c.connect(parseJdbcSinkConfig({ name: 'b', 'connector.class': 'x', 'connection.url': db.url }).connection);
  await a.execute(`DROP TABLE ${process.argv[2] === 'my' ? t : `"${t}"`}`, []); await a.close(); await w.close();
}
