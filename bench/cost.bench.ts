// Monthly cost of one sink pipeline at 1M, 10M and 100M records a day, from figures measured here: the real sink
// handler (bench/sinkHarness.ts: store on dynalite, JDBC writer into the local PostgreSQL, EMF metrics) is invoked warm
// with the batch each traffic level gives under the default event source mapping settings, and the bench takes the
// median wall time per invocation (Lambda bills the handler's duration × configured memory), the store's DynamoDB calls
// per invocation (counted at the SDK) and the EMF log bytes per invocation.
//
// Invocations: the mapping invokes when the batch is full (sluice.esm.batch.size) or the batching window ends
// (sluice.esm.batching.window.ms, rounded up to whole seconds): with records arriving evenly on one poller, a batch is
// min(batch size, records/s × window). Several pollers (many partitions, bursts) mean more, smaller invocations.
// DynamoDB reads: each batch is timed with the handler reading CONFIG and STATUS itself (the reads counted at the SDK,
// their time in the duration: a little pessimistic); a warm container reuses them for SLUICE_ADMISSION_TTL_MS
// (lambdas/sink/env.ts), so with invocations every I seconds it reads once per ceil(TTL / I) invocations.
// Batch sizing: the same measurements at more batch sizes give the throughput of one container and the cost per
// million records, and the monthly cost of each batching window and batch size: the defaults are chosen from them.
//
// Prices: ASSUMPTIONS, us-east-1, list prices as read when this was written; check them on the pages named:
// - Lambda, Arm (arm64), first 7.5 billion GB-s/month: $0.0000133334 per GB-second; $0.20 per 1M requests.
//   https://aws.amazon.com/lambda/pricing/
// - DynamoDB on-demand, Standard table class: $0.625 per million write request units (1 KB), $0.125 per million read
//   request units (4 KB strongly consistent; the store reads with ConsistentRead). https://aws.amazon.com/dynamodb/pricing/on-demand/
// - CloudWatch: $0.30 per custom metric per month (first 10,000 metrics; each metric name × dimension set, so each
//   pipeline's EMF metrics are their own); logs ingestion $0.50 per GB (storage, $0.03/GB-month, depends on retention
//   and is left out). https://aws.amazon.com/cloudwatch/pricing/
// - The event source mapping's optional metrics are custom metrics too: Sluice turns on KafkaMetrics only
//   (lambdas/adapters/aws/kafkaSource.ts) for the per-mapping OffsetLag alarm, counted here as 1 metric per mapping
//   (ASSUMPTION: OffsetLag; one topic, so one mapping). https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
// - Alarms on Metrics Insights queries (lib/Monitoring.ts: DeadLettered sums RecordsDeadLettered over the pipelines,
//   EsmOffsetLag takes OffsetLag per mapping) cost $0.10 per metric they analyse per month: 2 per pipeline
//   (ASSUMPTION as read on the CloudWatch pricing page: "Metrics Insights query alarm, $0.10 per metric analyzed").
// - Lambda's own log lines per invocation (START, END, REPORT): assumed 350 bytes.
// - Amazon MSK Connect: $0.11 per MCU-hour; one connector on 1 MCU all month (730 h) = $80.30. https://aws.amazon.com/msk/pricing/
// - AWS PrivateLink interface endpoint: $0.01 per endpoint per AZ per hour = $7.30 per month (plus $0.01 per GB
//   processed); a DynamoDB gateway endpoint is free. https://aws.amazon.com/privatelink/pricing/
// - Kafka event source mapping in on-demand mode: no charge beyond the invocations it makes.
//   https://aws.amazon.com/lambda/pricing/ (provisioned mode bills event poller units instead, not priced here)
// The durations are this machine's (x86, shared cores), not Graviton's: at 1024 MB a function has about 0.58 of a vCPU
// (1,769 MB = 1 vCPU, https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html), so CPU-bound time can be
// longer there.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TASK_MEMORY_MB } from '../lib/TaskFunctions.js';
import { esmSpecs } from '../lambdas/runtime/lifecycle/desired.js';
import { DEFAULT_ADMISSION_TTL_MS } from '../lambdas/runtime/lifecycle/TaskGate.js';
import { DEFAULT_METRICS_LEVEL, SINK_METRICS, sinkMetricsAt } from '../lambdas/runtime/metricSchema.js';
import { mskEvent, rows, startSinkBench } from './sinkHarness.js';

const PRICE = {
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWrite: 0.625 / 1e6,
  dynamoRead: 0.125 / 1e6,
  metricMonth: 0.3,
  alarmMetricMonth: 0.1,
  logGb: 0.5,
  mskConnectMcuHour: 0.11,
  endpointAzHour: 0.01,
};
const PLATFORM_LOG_BYTES = 350;
/** Custom metrics per event source mapping (KafkaMetrics: OffsetLag), one mapping per topic. */
const ESM_METRICS_PER_MAPPING = 1;
/** Metrics per pipeline that Metrics Insights alarms analyse (RecordsDeadLettered, the mapping's OffsetLag). */
const ALARM_METRICS_PER_PIPELINE = 2;
const HOURS_PER_MONTH = 730;
const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
const LEVELS = [1e6, 1e7, 1e8];
const GOAL_USD = 3;
const RUNS = 9;
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);
/** Batching windows (whole seconds, as AWS takes them) and batch sizes the sizing tables compare. */
const WINDOWS = [1, 2, 5, 10];
const BATCH_SIZES = [100, 250, 500, 1000, 2000, 5000];
/** Batch sizes for the throughput table (records per invocation). */
const SIZING = [1, 10, 50, 100, 500, 1000, 2000, 5000];

const defaults = esmSpecs('p', {}, ['t'])[0] ?? { batchSize: 500, windowSeconds: 1 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const usd = (n: number) => `$${n.toFixed(2)}`;
/** Records per invocation with records arriving evenly on one poller. */
const batchOf = (perDay: number, batchSize: number, windowSeconds: number) => Math.max(1, Math.min(batchSize, Math.round((perDay / 86_400) * windowSeconds)));

interface Measured {
  readonly ms: number;
  /** Reads and writes of an invocation that reads CONFIG and STATUS (no reuse). */
  readonly reads: number;
  readonly writes: number;
  readonly emfBytes: number;
}

const suffix = randomUUID().replaceAll('-', '').slice(0, 8);
const table = `bench_cost_${suffix}`;
const bench = await startSinkBench({ admissionTtlMs: 0 });
const measured = new Map<number, Measured>();
let invoke: (batch: number, round: number) => Promise<number>;

async function measure(batch: number): Promise<Measured> {
  const known = measured.get(batch);
  if (known) return known;
  const times: number[] = [];
  const emfBytes: number[] = [];
  let last: Measured = { ms: 0, reads: 0, writes: 0, emfBytes: 0 };
  for (let run = 1; run <= RUNS; run++) {
    bench.calls.clear();
    const emf0 = bench.emf.bytes;
    const t0 = performance.now();
    const written = await invoke(batch, run);
    times.push(performance.now() - t0);
    if (written !== batch) throw new Error(`wrote ${written} of ${batch}`);
    let reads = 0;
    let writes = 0;
    for (const [command, n] of bench.calls) {
      if (READS.has(command)) reads += n;
      else if (WRITES.has(command)) writes += n;
      else if (command === 'TransactWriteItemsCommand') writes += 2 * n;
    }
    emfBytes.push(bench.emf.bytes - emf0);
    last = { ms: 0, reads, writes, emfBytes: 0 };
  }
  const m = { ...last, ms: median(times), emfBytes: median(emfBytes) };
  measured.set(batch, m);
  return m;
}

const gb = TASK_MEMORY_MB / 1024;
const metricsCount = sinkMetricsAt(DEFAULT_METRICS_LEVEL).length;

interface Cost {
  readonly batch: number;
  readonly invPerDay: number;
  readonly compute: number;
  readonly requests: number;
  readonly dynamo: number;
  readonly metrics: number;
  readonly logs: number;
  readonly total: number;
}

/** One pipeline's month at `perDay` records with these mapping settings. */
async function monthly(perDay: number, batchSize = defaults.batchSize, windowSeconds = defaults.windowSeconds, metrics = metricsCount): Promise<Cost> {
  const batch = batchOf(perDay, batchSize, windowSeconds);
  const m = await measure(batch);
  const invPerDay = perDay / batch;
  const invPerMonth = invPerDay * DAYS_PER_MONTH;
  const intervalS = 86_400 / invPerDay;
  const readsPerInv = m.reads / Math.max(1, Math.ceil(DEFAULT_ADMISSION_TTL_MS / 1000 / intervalS));
  const compute = invPerMonth * (m.ms / 1000) * gb * PRICE.lambdaGbSecond;
  const requests = invPerMonth * PRICE.lambdaRequest;
  const dynamo = invPerMonth * (readsPerInv * PRICE.dynamoRead + m.writes * PRICE.dynamoWrite);
  const logs = (invPerMonth * (m.emfBytes + PLATFORM_LOG_BYTES) * PRICE.logGb) / 1024 ** 3;
  const metricsMonth = (metrics + ESM_METRICS_PER_MAPPING) * PRICE.metricMonth + ALARM_METRICS_PER_PIPELINE * PRICE.alarmMetricMonth;
  return { batch, invPerDay, compute, requests, dynamo, metrics: metricsMonth, logs, total: compute + requests + dynamo + metricsMonth + logs };
}

const costs: Cost[] = [];
const windowRows: Array<{ w: number; at: Cost[] }> = [];
const sizeRows: Array<{ b: number; at: Cost }> = [];
try {
  const topic = `bench-cost-${suffix}`;
  const call = await bench.pipeline(topic, topic, table, { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres' });
  invoke = async (batch, round) => (await call(mskEvent(topic, rows(batch, round)))).written;
  await invoke(5000, 0); // creates the table, opens the connection, warms every path up
  for (let i = 1; i <= 20; i++) await invoke(10, -i); // and the small batches' (measured first)
  for (const b of SIZING) await measure(b);
  for (const perDay of LEVELS) costs.push(await monthly(perDay));
  // One invocation at a time: the SDK call and EMF counters are per run.
  for (const w of WINDOWS) windowRows.push({ w, at: [await monthly(1e6, defaults.batchSize, w), await monthly(1e7, defaults.batchSize, w)] });
  for (const b of BATCH_SIZES) sizeRows.push({ b, at: await monthly(1e8, b, defaults.windowSeconds) });
} finally {
  await bench.close();
  const c = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await c.connect();
  await c.query(`DROP TABLE IF EXISTS "${table}"`);
  await c.end();
}

console.log(`sink function ${TASK_MEMORY_MB} MB arm64; ESM defaults: batch size ${defaults.batchSize}, window ${defaults.windowSeconds} s; sluice.metrics.level=${DEFAULT_METRICS_LEVEL} (${metricsCount} metrics); CONFIG/STATUS reused for ${DEFAULT_ADMISSION_TTL_MS / 1000} s; prices us-east-1 (assumptions: see bench/cost.bench.ts)`);
console.log(`measured per warm invocation (PostgreSQL, JSON with schema envelope, upsert), median of ${RUNS}, reading CONFIG and STATUS every time:`);
for (const [batch, m] of [...measured].sort((a, b) => a[0] - b[0])) {
  console.log(`  ${String(batch).padStart(5)} records: ${m.ms.toFixed(1).padStart(6)} ms = ${((m.ms / 1000) * gb).toFixed(4)} GB-s, ${Math.round((batch / m.ms) * 1000).toLocaleString('en-US').padStart(7)} records/s per container; DynamoDB ${m.reads} reads + ${m.writes} writes; EMF ${m.emfBytes} B`);
}
console.log('');
console.log('records/day  invocations/day  Lambda compute  requests  DynamoDB   CW metrics+alarms  CW logs   total/month  MSK Connect (1 MCU)');
for (const [i, perDay] of LEVELS.entries()) {
  const c = costs[i] as Cost;
  console.log(
    `${perDay.toExponential(0).padEnd(12)} ${`${Math.round(c.invPerDay).toLocaleString('en-US')} (${c.batch})`.padStart(15)}  ${usd(c.compute).padStart(14)}  ${usd(c.requests).padStart(8)}  ${usd(c.dynamo).padStart(8)}   ${usd(c.metrics).padStart(17)}  ${usd(c.logs).padStart(7)}   ${usd(c.total).padStart(11)}  ${usd(PRICE.mskConnectMcuHour * HOURS_PER_MONTH)}`,
  );
}
console.log(
  `(CW metrics: ${metricsCount} EMF metrics per pipeline at sluice.metrics.level=${DEFAULT_METRICS_LEVEL}: ${sinkMetricsAt(DEFAULT_METRICS_LEVEL).join(', ')}, and ${ESM_METRICS_PER_MAPPING} of the event source mapping (OffsetLag); ${ALARM_METRICS_PER_PIPELINE} metrics analysed by Metrics Insights alarms at ${usd(PRICE.alarmMetricMonth)}; detailed adds ${SINK_METRICS.length - metricsCount}, ${usd((SINK_METRICS.length - metricsCount) * PRICE.metricMonth)}/month)`,
);
const atGoal = costs[0]?.total ?? Number.NaN;
console.log(`goal "one pipeline at 1M records/day costs <= $${GOAL_USD}/month": ${atGoal <= GOAL_USD ? 'met' : 'NOT MET'} (${usd(atGoal)})`);

console.log('');
console.log(`batching window (sluice.esm.batching.window.ms, whole seconds in AWS), batch size ${defaults.batchSize}: a record waits up to the window at low traffic`);
console.log('window  1M/day: records/invocation  total/month   10M/day: records/invocation  total/month');
for (const { w, at } of windowRows) {
  const [a, b] = at as [Cost, Cost];
  console.log(`${`${w} s`.padEnd(6)}  ${String(a.batch).padStart(26)}  ${usd(a.total).padStart(11)}   ${String(b.batch).padStart(27)}  ${usd(b.total).padStart(11)}`);
}
console.log('');
console.log(`batch size (sluice.esm.batch.size) at 100M records/day (1,157 records/s), window ${defaults.windowSeconds} s:`);
console.log('batch size  invocations/day  compute + requests + DynamoDB + logs  per million records  total/month');
for (const { b, at } of sizeRows) {
  const variable = at.total - at.metrics;
  console.log(`${String(b).padStart(10)}  ${Math.round(at.invPerDay).toLocaleString('en-US').padStart(15)}  ${usd(variable).padStart(36)}  ${`$${((variable / (1e8 * DAYS_PER_MONTH)) * 1e6).toFixed(4)}`.padStart(19)}  ${usd(at.total).padStart(11)}`);
}
console.log('');

// Fixed per deployment, shared by every pipeline: the AWS APIs called from inside the VPC, each an interface endpoint
// per AZ (or one NAT gateway instead). From the code: the sink and source tasks call DynamoDB (the store: every
// invocation), KMS Decrypt (when a task is built for a config that holds sealed password values) and Secrets Manager
// (${secretsmanager:...} config values, and the SCRAM secret with KAFKA_AUTH=scram); their metrics are EMF log lines and
// their logs go through the Lambda service, so neither CloudWatch nor CloudWatch Logs needs an endpoint for them. The
// on-demand Kafka ESM's pollers need Lambda and STS endpoints (and Secrets Manager with SCRAM) in the cluster's VPC
// (https://docs.aws.amazon.com/lambda/latest/dg/with-msk-cluster-network.html).
const endpoints: ReadonlyArray<readonly [string, string, boolean]> = [
  ['DynamoDB', 'the store, every invocation (gateway endpoint: free)', false],
  ['Lambda', 'the on-demand ESM pollers invoke the function', true],
  ['STS', 'the on-demand ESM pollers assume the function role', true],
  ['KMS', 'Decrypt of sealed password config values when a task is built', true],
  ['Secrets Manager', 'only with KAFKA_AUTH=scram or ${secretsmanager:...} config values', true],
  ['Glue', 'only pipelines with a Glue Schema Registry converter', true],
];
const perEndpointMonth = PRICE.endpointAzHour * HOURS_PER_MONTH;
console.log('');
console.log(`fixed per deployment (interface endpoint ${usd(perEndpointMonth)} per AZ per month):`);
for (const [api, why, paid] of endpoints) console.log(`  ${api.padEnd(16)} ${paid ? usd(perEndpointMonth).padStart(6) : '$0.00'.padStart(6)}/AZ  ${why}`);
const always = endpoints.filter(([api, , paid]) => paid && api !== 'Secrets Manager' && api !== 'Glue').length;
for (const azs of [2, 3]) {
  console.log(`  ${azs} AZs: ${usd(always * azs * perEndpointMonth)}/month (Lambda, STS, KMS), ${usd((always + 1) * azs * perEndpointMonth)} with Secrets Manager`);
}
