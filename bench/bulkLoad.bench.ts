// JDBC sink bulk path (COPY FROM STDIN into a staging table + INSERT … SELECT … ON CONFLICT on PostgreSQL; LOAD DATA
// LOCAL INFILE + INSERT … SELECT … ON DUPLICATE KEY UPDATE on MariaDB) vs the multi-row path, both through
// JdbcDbWriter: 10,000 records (Struct key {id}, value {id, name, qty, price DECIMAL, at TIMESTAMP}) per write(),
// one transaction, insert.mode=upsert, pk.mode=record_key, every round updating every row of the previous one.
// Baseline, in the same run: the same writer with bulk.load.mode=never (multi-row INSERTs of batch.size=3000 rows).
// 1 warm-up round + 3 counted rounds, interleaved. Goal: bulk >= 1.5x the baseline on each database.
// The same with 10,000 new keys per round (an upsert that inserts) is printed too.
// Then the crossover: batches of 100…5,000 records through both paths (about 10,000 records per size and path,
// interleaved); the smallest size from which the bulk path stays faster is printed, and is what
// bulk.load.threshold's default (DEFAULT_BULK_LOAD_THRESHOLD) is set from.
import { randomUUID } from 'node:crypto';
import { MySqlConnector } from '../lambdas/connectors/jdbc/drivers/MySqlConnector.js';
import { PgConnector } from '../lambdas/connectors/jdbc/drivers/PgConnector.js';
import type { SinkRecord } from '../lambdas/connect-api/data/ConnectRecord.js';
import { Decimal } from '../lambdas/connect-api/data/Decimal.js';
import { decimalSchema, optional, Schemas, structSchema, timestampSchema } from '../lambdas/connect-api/data/Schema.js';
import { Struct } from '../lambdas/connect-api/data/Struct.js';
import type { SqlConnector } from '../lambdas/connectors/jdbc/drivers/SqlConnection.js';
import { DEFAULT_BULK_LOAD_THRESHOLD } from '../lambdas/connectors/jdbc/sink/bulkLoad/index.js';
import { JdbcDbWriter } from '../lambdas/connectors/jdbc/sink/JdbcDbWriter.js';
import { parseJdbcSinkConfig } from '../lambdas/connectors/jdbc/sink/JdbcSinkConfig.js';

const RECORDS = 10_000;
const ROUNDS = 3;
const GOAL = 1.5;
const SIZES = [100, 250, 500, 1000, 2000, 5000];
const suffix = randomUUID().replaceAll('-', '').slice(0, 8);

const keySchema = structSchema([['id', Schemas.INT64]]);
const valueSchema = structSchema([
  ['id', Schemas.INT64],
  ['name', Schemas.STRING],
  ['qty', optional(Schemas.INT64)],
  ['price', decimalSchema(2)],
  ['at', timestampSchema()],
]);

function records(topic: string, count: number, round: number, from = 0): SinkRecord[] {
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    return {
      topic,
      kafkaPartition: 0,
      kafkaOffset: i,
      keySchema,
      key: new Struct(keySchema, { id: i }),
      valueSchema,
      value: new Struct(valueSchema, { id: i, name: `name\t${i} r${round}`, qty: i % 7 === 0 ? null : i * 3 + round, price: new Decimal(BigInt(i * 100 + 99 + round), 2), at: new Date(1_700_000_000_000 + i * 1000 + round) }),
      timestamp: 1_700_000_000_000,
      timestampType: 'CREATE_TIME',
      headers: [],
      originalTopic: topic,
      originalKafkaPartition: 0,
      originalKafkaOffset: i,
      raw: { key: null, value: null, headers: [] },
    };
  });
}

interface Database {
  readonly label: string;
  readonly url: string;
  readonly connector: SqlConnector;
  readonly quote: (t: string) => string;
}

const databases: Database[] = [
  { label: 'PostgreSQL', url: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres', connector: new PgConnector(), quote: (t) => `"${t}"` },
  { label: 'MariaDB', url: 'jdbc:mariadb://127.0.0.1:3306/test?user=root', connector: new MySqlConnector(), quote: (t) => `\`${t}\`` },
];

function writer(db: Database, mode: 'always' | 'never'): JdbcDbWriter {
  const props = { name: 'bench', 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url': db.url, 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'auto.create': 'true', 'bulk.load.mode': mode };
  return new JdbcDbWriter(parseJdbcSinkConfig(props), db.connector);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const crossovers: (number | undefined)[] = [];
for (const db of databases) {
  const bulk = writer(db, 'always');
  const multi = writer(db, 'never');
  const bulkTable = `bench_bulk_${suffix}`;
  const multiTable = `bench_multirow_${suffix}`;
  try {
    // 10,000 records per write.
    let bulkSeconds = 0;
    let multiSeconds = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      const b = await timed(() => bulk.write(records(bulkTable, RECORDS, round)));
      const m = await timed(() => multi.write(records(multiTable, RECORDS, round)));
      if (round > 0) {
        bulkSeconds += b;
        multiSeconds += m;
      }
    }
    const ratio = multiSeconds / bulkSeconds;
    const rate = (s: number) => Math.round((RECORDS * ROUNDS) / s).toLocaleString('en-US');
    console.log(`${db.label}: bulk path ${((bulkSeconds / ROUNDS) * 1000).toFixed(0)} ms per ${RECORDS.toLocaleString('en-US')}-record upsert of existing rows (${rate(bulkSeconds)} records/s); multi-row ${((multiSeconds / ROUNDS) * 1000).toFixed(0)} ms (${rate(multiSeconds)} records/s)`);
    console.log(`${db.label}: bulk / multi-row throughput = ${ratio.toFixed(2)}x; goal >= ${GOAL}x: ${ratio >= GOAL ? 'met' : 'NOT MET'}`);

    // The same, every round's 10,000 keys new (the upsert inserts).
    let bulkNew = 0;
    let multiNew = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      bulkNew += await timed(() => bulk.write(records(bulkTable, RECORDS, round, round * RECORDS)));
      multiNew += await timed(() => multi.write(records(multiTable, RECORDS, round, round * RECORDS)));
    }
    console.log(`${db.label}: new rows: bulk path ${((bulkNew / ROUNDS) * 1000).toFixed(0)} ms, multi-row ${((multiNew / ROUNDS) * 1000).toFixed(0)} ms per 10,000: ${(multiNew / bulkNew).toFixed(2)}x`);

    // Crossover: per-record time of each path at each batch size.
    const faster: boolean[] = [];
    const line: string[] = [];
    for (const size of SIZES) {
      const reps = Math.max(3, Math.ceil(RECORDS / size));
      const b: number[] = [];
      const m: number[] = [];
      for (let r = 0; r < reps; r++) {
        const from = (r * size) % RECORDS;
        b.push(await timed(() => bulk.write(records(bulkTable, size, 10 + r, from))));
        m.push(await timed(() => multi.write(records(multiTable, size, 10 + r, from))));
      }
      const ratioAt = median(m) / median(b);
      faster.push(ratioAt > 1);
      line.push(`${size}: ${ratioAt.toFixed(2)}x`);
    }
    const from = faster.findIndex((_, i) => faster.slice(i).every(Boolean));
    const crossover = from === -1 ? undefined : SIZES[from]!;
    crossovers.push(crossover);
    console.log(`${db.label}: bulk / multi-row by batch size (median per batch): ${line.join(', ')}`);
    console.log(`${db.label}: crossover: the bulk path is faster from ${crossover ?? 'no size measured'} records on`);
  } finally {
    await bulk.close();
    await multi.close();
    const admin = await db.connector.connect(parseJdbcSinkConfig({ name: 'bench', 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', 'connection.url': db.url }).connection);
    for (const t of [bulkTable, multiTable]) await admin.execute(`DROP TABLE IF EXISTS ${db.quote(t)}`, []);
    await admin.close();
  }
}
console.log(`bulk.load.threshold default: ${DEFAULT_BULK_LOAD_THRESHOLD} (the PostgreSQL crossover; bulk.load.mode=auto keeps MySQL/MariaDB on multi-row statements); this run's crossovers: ${databases.map((d, i) => `${d.label} ${crossovers[i] ?? 'none'}`).join(', ')}`);
