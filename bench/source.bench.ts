// JDBC source throughput: a 100k-row incrementing poll from PostgreSQL into the embedded broker through Sluice's
// SourceTask (schema discovery, type mapping, Struct records, JsonConverter, offsets saved in dynalite after every
// acknowledged batch, the lease), against a baseline with no Sluice code in the same run: the same keyset SELECTs
// with node-postgres and kafkajs sends of JSON.stringify(row), same batch size, same idempotent acks=all producer.
// Goal: Sluice ≥ 0.8× the baseline's rows/s. Run: npx tsx bench/source.bench.ts
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { DynamoPipelineStore } from '../lambdas/adapters/dynamodb/DynamoPipelineStore.js';
import { KafkaRecordProducer } from '../lambdas/adapters/kafka/KafkaRecordProducer.js';
import { InMemoryMetricsSink } from '../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import { builtinPlugins } from '../lambdas/runtime/builtins/builtins.js';
import { systemClock } from '../lambdas/runtime/ports/Clock.js';
import { createSourceTask } from '../lambdas/runtime/source/createSourceTask.js';
import { startBroker } from '../local/broker/index.js';
import { startDynaliteProcess } from './dynaliteProcess.js';

const ROWS = 100_000;
const BATCH = 1_000;
const table = `bench_${randomUUID().replaceAll('-', '').slice(0, 8)}`;

const db = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
await db.connect();
await db.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, name text NOT NULL, amount numeric(10,2) NOT NULL, created_at timestamp NOT NULL, active boolean NOT NULL)`);
await db.query(`INSERT INTO ${table} (name, amount, created_at, active) SELECT 'customer-' || g, g % 100000 / 100.0, '2024-01-01'::timestamp + g * interval '1 second', g % 2 = 0 FROM generate_series(1, ${ROWS}) g`);
await db.query(`ANALYZE ${table}`);

const broker = await startBroker({ port: 0 });
// DynamoDB is remote: the store runs in its own process (bench/dynaliteProcess.ts). The broker stays in this process
// for both paths alike.
const dynamo = await startDynaliteProcess();
const kafka = new Kafka({ clientId: 'bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });

async function baseline(topic: string): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
  await producer.connect();
  const started = performance.now();
  let last = -1;
  let total = 0;
  for (;;) {
    const { rows } = await db.query({ text: `SELECT * FROM ${table} WHERE id > $1 ORDER BY id ASC LIMIT $2`, values: [last, BATCH] });
    if (rows.length === 0) break;
    await producer.send({ topic, acks: -1, messages: rows.map((r) => ({ key: null, value: Buffer.from(JSON.stringify(r)) })) });
    last = rows[rows.length - 1].id;
    total += rows.length;
  }
  const ms = performance.now() - started;
  await producer.disconnect();
  if (total !== ROWS) throw new Error(`baseline read ${total} rows`);
  return ms;
}

async function sluice(schemas: boolean): Promise<number> {
  const store = new DynamoPipelineStore(dynamo.client, await dynamo.newTable());
  const name = `bench-${randomUUID().slice(0, 8)}`;
  const config = {
    name,
    'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
    'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres',
    'table.whitelist': table,
    mode: 'incrementing',
    'incrementing.column.name': 'id',
    'batch.max.rows': String(BATCH),
    'topic.prefix': `${name}-`,
    'poll.interval.ms': '60000',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': String(schemas),
  };
  const now = new Date().toISOString();
  await store.create({ name, type: 'source', config, targetState: 'RUNNING', version: 1, restartEpoch: 0, createdAt: now, updatedAt: now });
  const producer = new KafkaRecordProducer(kafka);
  const task = createSourceTask(config, 1, {
    registry: builtinPlugins(),
    store,
    producer,
    metrics: new InMemoryMetricsSink(),
    clock: systemClock,
    logger: { info: () => {}, warn: () => {}, error: (m) => console.error(m) },
    owner: 'bench',
  });
  // Warm-up outside the timing: connect and discover the table (a poll whose records are dropped: the invocation
  // positions the task again from the stored offsets).
  await task.deps.task.poll({ offsets: await task.readOffsets(), deadline: Date.now() + 60_000 });
  const started = performance.now();
  const result = await task.runInvocation(Date.now() + 600_000);
  const ms = performance.now() - started;
  await task.close();
  await producer.close();
  if (result.produced !== ROWS) throw new Error(`Sluice produced ${result.produced} rows (${result.outcome}: ${result.trace ?? ''})`);
  return ms;
}

const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
try {
  // Warm-up of both paths (JIT, connections, topic creation), then ROUNDS interleaved measured runs of each, so that
  // load from elsewhere on the machine falls on both alike; the medians are compared.
  await baseline(`warm-${randomUUID().slice(0, 8)}`);
  await sluice(false);
  const ROUNDS = 3;
  const runs = { base: [] as number[], plain: [] as number[], envelope: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.base.push(await baseline(`base-${randomUUID().slice(0, 8)}`));
    runs.plain.push(await sluice(false));
    runs.envelope.push(await sluice(true));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = median(runs.base);
  const plain = median(runs.plain);
  const envelope = median(runs.envelope);
  console.log(`median of ${ROUNDS} interleaved runs of ${ROWS} rows, batches of ${BATCH}`);
  console.log(`baseline (pg SELECT + kafkajs send, JSON.stringify rows): ${rate(base)} rows/s (${Math.round(base)} ms)`);
  console.log(`Sluice SourceTask, JsonConverter schemas.enable=false:    ${rate(plain)} rows/s (${Math.round(plain)} ms) → ${(base / plain).toFixed(2)}× baseline`);
  console.log(`Sluice SourceTask, JsonConverter schemas.enable=true:     ${rate(envelope)} rows/s (${Math.round(envelope)} ms) → ${(base / envelope).toFixed(2)}× baseline`);
  console.log(`goal: ≥ 0.80× (${base / plain >= 0.8 ? 'met' : 'NOT met'} for the like-for-like JSON values)`);
} finally {
  await db.query(`DROP TABLE IF EXISTS ${table}`);
  await db.end();
  await broker.stop();
  await dynamo.stop();
}
