// Elasticsearch / OpenSearch sink task throughput: 20k records with schemas (Struct value {id, name, qty, price, at},
// INT32 key) put by OpenSearchSinkTask in ESM batches of 500 (insert, external versions, batch.size 2000) through the
// real @opensearch-project/opensearch client to the tests' local _bulk server (test/connectors/opensearch).
// Baseline, measured in the same run against the same server: the same rows as plain objects, serialized with
// JSON.stringify into hand-written _bulk bodies sent with the same client (no Connect values, no per-item handling).
// Both run three times interleaved; the median counts. Prints the task's throughput as a ratio of the baseline's.
import { Client } from '@opensearch-project/opensearch';
import type { SinkRecord } from '../lambdas/connect-api/data/ConnectRecord.js';
import { Decimal } from '../lambdas/connect-api/data/Decimal.js';
import { decimalSchema, optional, Schemas, structSchema, timestampSchema } from '../lambdas/connect-api/data/Schema.js';
import { Struct } from '../lambdas/connect-api/data/Struct.js';
import { OpenSearchSinkTask } from '../lambdas/connectors/opensearch/OpenSearchSinkTask.js';
import { FakeOpenSearch } from '../test/connectors/opensearch/fakeOpenSearch.js';

const TOTAL = 20_000;
const BATCH = 500;
const valueSchema = structSchema([
  ['id', Schemas.INT32],
  ['name', Schemas.STRING],
  ['qty', optional(Schemas.INT64)],
  ['price', decimalSchema(2)],
  ['at', timestampSchema()],
]);

function records(round: number): SinkRecord[] {
  return Array.from({ length: TOTAL }, (_, i) => ({
    topic: 'bench',
    kafkaPartition: 0,
    kafkaOffset: round * TOTAL + i,
    keySchema: Schemas.INT32,
    key: i,
    valueSchema,
    value: new Struct(valueSchema, { id: i, name: `name ${i} r${round}`, qty: i * 3, price: new Decimal(BigInt(i * 100 + 99), 2), at: new Date(1_700_000_000_000 + i) }),
    timestamp: 1_700_000_000_000,
    timestampType: 'CREATE_TIME',
    headers: [],
    originalTopic: 'bench',
    originalKafkaPartition: 0,
    originalKafkaOffset: i,
    raw: { key: null, value: null, headers: [] },
  }));
}

const quiet = { connectorName: 'bench', logger: { info: () => undefined, warn: () => undefined, error: () => undefined } };

async function timeTask(url: string, round: number): Promise<number> {
  const all = records(round);
  const task = new OpenSearchSinkTask({ 'connection.url': url, 'behavior.on.null.values': 'ignore' }, quiet);
  await task.start();
  const start = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += BATCH) {
    const failed = await task.put(all.slice(i, i + BATCH));
    if (failed.length > 0) throw new Error(`${failed.length} records failed`);
  }
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  await task.close();
  return s;
}

async function timeBaseline(url: string, round: number): Promise<number> {
  const client = new Client({ node: url, maxRetries: 0 });
  const start = process.hrtime.bigint();
  for (let from = 0; from < TOTAL; from += BATCH) {
    const body: string[] = [];
    for (let i = from; i < from + BATCH; i++) {
      body.push(JSON.stringify({ index: { _index: 'base', _id: String(i) } }));
      body.push(JSON.stringify({ id: i, name: `name ${i} r${round}`, qty: i * 3, price: (i * 100 + 99) / 100, at: 1_700_000_000_000 + i }));
    }
    const r = await client.bulk({ body: body as unknown as Record<string, unknown>[] });
    if (r.body.errors) throw new Error('baseline bulk had errors');
  }
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  await client.close();
  return s;
}

async function main(): Promise<void> {
  const fake = new FakeOpenSearch();
  const url = await fake.start();
  const task: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 3; round++) {
    base.push(await timeBaseline(url, round));
    task.push(await timeTask(url, round));
  }
  await fake.stop();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const t = median(task);
  const b = median(base);
  console.log(`OpenSearchSinkTask: ${TOTAL} records in ${t.toFixed(3)} s (${Math.round(TOTAL / t)} records/s); runs ${task.map((x) => x.toFixed(3)).join(', ')} s`);
  console.log(`baseline (JSON.stringify + client.bulk): ${b.toFixed(3)} s (${Math.round(TOTAL / b)} records/s); runs ${base.map((x) => x.toFixed(3)).join(', ')} s`);
  console.log(`ratio (task throughput / baseline throughput): ${(b / t).toFixed(2)}x`);
}

await main();
