// JDBC sink writer throughput on the local PostgreSQL (127.0.0.1:5432, database test): 50k records with schemas
// (Struct key {id}, Struct value {id, name, qty, price, at}) written by JdbcDbWriter in upsert mode, pk.mode
// record_key, in batches of 500 (one write() per batch: one transaction, one multi-row INSERT … ON CONFLICT).
// Baseline, measured in the same run: the same rows as a hand-written multi-row INSERT … ON CONFLICT per batch,
// bound with pg directly (auto-commit, no validation, no Connect values). Both run twice; the second (warm) run counts.
import pg from 'pg';
import { PgConnector } from '../lambdas/connectors/jdbc/drivers/PgConnector.js';
import type { SinkRecord } from '../lambdas/connect-api/data/ConnectRecord.js';
import { Decimal } from '../lambdas/connect-api/data/Decimal.js';
import { decimalSchema, optional, Schemas, structSchema, timestampSchema } from '../lambdas/connect-api/data/Schema.js';
import { Struct } from '../lambdas/connect-api/data/Struct.js';
import { JdbcDbWriter } from '../lambdas/connectors/jdbc/sink/JdbcDbWriter.js';
import { parseJdbcSinkConfig } from '../lambdas/connectors/jdbc/sink/JdbcSinkConfig.js';

const TOTAL = 50_000;
const BATCH = 500;
const URL = 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres';
const WRITER_TABLE = `bench_sink_writer_${process.pid}`;
const BASE_TABLE = `bench_sink_base_${process.pid}`;

const keySchema = structSchema([['id', Schemas.INT32]]);
const valueSchema = structSchema([
  ['id', Schemas.INT32],
  ['name', Schemas.STRING],
  ['qty', optional(Schemas.INT64)],
  ['price', decimalSchema(2)],
  ['at', timestampSchema()],
]);

function records(round: number): SinkRecord[] {
  return Array.from({ length: TOTAL }, (_, i) => {
    const value = new Struct(valueSchema, { id: i, name: `name ${i} r${round}`, qty: i * 3, price: new Decimal(BigInt(i * 100 + 99), 2), at: new Date(1_700_000_000_000 + i) });
    return {
      topic: WRITER_TABLE,
      kafkaPartition: 0,
      kafkaOffset: i,
      keySchema,
      key: new Struct(keySchema, { id: i }),
      valueSchema,
      value,
      timestamp: 1_700_000_000_000,
      timestampType: 'CREATE_TIME',
      headers: [],
      originalTopic: WRITER_TABLE,
      originalKafkaPartition: 0,
      originalKafkaOffset: i,
      raw: { key: null, value: null, headers: [] },
    };
  });
}

async function timeWriter(writer: JdbcDbWriter, round: number): Promise<number> {
  const all = records(round);
  const start = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += BATCH) await writer.write(all.slice(i, i + BATCH));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function timeBaseline(client: pg.Client, round: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let from = 0; from < TOTAL; from += BATCH) {
    const params: unknown[] = [];
    const groups: string[] = [];
    for (let i = from; i < Math.min(from + BATCH, TOTAL); i++) {
      const n = params.length;
      groups.push(`($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5})`);
      params.push(i, `name ${i} r${round}`, i * 3, ((i * 100 + 99) / 100).toFixed(2), new Date(1_700_000_000_000 + i).toISOString());
    }
    await client.query(
      `INSERT INTO ${BASE_TABLE} (id,name,qty,price,"at") VALUES ${groups.join(',')} ON CONFLICT (id) DO UPDATE SET name=EXCLUDED.name,qty=EXCLUDED.qty,price=EXCLUDED.price,"at"=EXCLUDED."at"`,
      params,
    );
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main(): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await client.connect();
  await client.query(`CREATE TABLE ${BASE_TABLE} (id INT PRIMARY KEY, name TEXT NOT NULL, qty BIGINT, price DECIMAL NOT NULL, "at" TIMESTAMP NOT NULL)`);
  const config = parseJdbcSinkConfig({
    name: 'bench',
    'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
    'connection.url': URL,
    'insert.mode': 'upsert',
    'pk.mode': 'record_key',
    'auto.create': 'true',
  });
  const writer = new JdbcDbWriter(config, new PgConnector());
  try {
    let writerSeconds = 0;
    let baseSeconds = 0;
    for (const round of [0, 1]) {
      writerSeconds = await timeWriter(writer, round);
      baseSeconds = await timeBaseline(client, round);
    }
    const writerRate = TOTAL / writerSeconds;
    const baseRate = TOTAL / baseSeconds;
    console.log(`JdbcDbWriter upsert      : ${Math.round(writerRate).toLocaleString('en')} records/s (${writerSeconds.toFixed(2)} s for ${TOTAL} in batches of ${BATCH})`);
    console.log(`hand-written pg baseline : ${Math.round(baseRate).toLocaleString('en')} records/s (${baseSeconds.toFixed(2)} s)`);
    console.log(`ratio writer/baseline    : ${(writerRate / baseRate).toFixed(2)}`);
  } finally {
    await writer.close();
    await client.query(`DROP TABLE IF EXISTS ${WRITER_TABLE}`);
    await client.query(`DROP TABLE IF EXISTS ${BASE_TABLE}`);
    await client.end();
  }
}

await main();
