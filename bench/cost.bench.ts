// Monthly cost of one sink pipeline at 1M, 10M and 100M records a day, from figures measured here: the real sink
// handler (bench/sinkHarness.ts: store on dynalite, JDBC writer into the local PostgreSQL, EMF metrics) is invoked warm
// with the batch each traffic level gives under the default event source mapping settings, and the bench takes the
// median wall time per invocation (Lambda bills the handler's duration × configured memory), the store's DynamoDB calls
// per invocation (counted at the SDK) and the EMF log bytes per invocation.
//
// Invocations: the mapping invokes when the batch is full (sluice.esm.batch.size) or the batching window ends
// (sluice.esm.batching.window.ms, rounded up to whole seconds): with records arriving evenly on one poller, a batch is
// min(batch size, records/s × window). Several pollers (many partitions, bursts) mean more, smaller invocations.
//
// Prices: ASSUMPTIONS, us-east-1, list prices as read when this was written; check them on the pages named:
// - Lambda, Arm (arm64), first 7.5 billion GB-s/month: $0.0000133334 per GB-second; $0.20 per 1M requests.
//   https://aws.amazon.com/lambda/pricing/
// - DynamoDB on-demand, Standard table class: $0.625 per million write request units (1 KB), $0.125 per million read
//   request units (4 KB strongly consistent; the store reads with ConsistentRead). https://aws.amazon.com/dynamodb/pricing/on-demand/
// - CloudWatch: $0.30 per custom metric per month (first 10,000 metrics; each metric name × dimension set, so each
//   pipeline's EMF metrics are their own); logs ingestion $0.50 per GB (storage, $0.03/GB-month, depends on retention
//   and is left out). https://aws.amazon.com/cloudwatch/pricing/
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
import { SINK_METRICS } from '../lambdas/runtime/metricSchema.js';
import { mskEvent, rows, startSinkBench } from './sinkHarness.js';

const PRICE = {
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWrite: 0.625 / 1e6,
  dynamoRead: 0.125 / 1e6,
  metricMonth: 0.3,
  logGb: 0.5,
  mskConnectMcuHour: 0.11,
  endpointAzHour: 0.01,
};
const PLATFORM_LOG_BYTES = 350;
const HOURS_PER_MONTH = 730;
const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
const LEVELS = [1e6, 1e7, 1e8];
const GOAL_USD = 3;
const RUNS = 7;
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

const { batchSize, windowSeconds } = esmSpecs('p', {}, ['t'])[0] ?? { batchSize: 500, windowSeconds: 1 };
const batchAt = (perDay: number) => Math.max(1, Math.min(batchSize, Math.round((perDay / 86_400) * windowSeconds)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const usd = (n: number) => `$${n.toFixed(2)}`;

interface Measured {
  readonly ms: number;
  readonly reads: number;
  readonly writes: number;
  readonly emfBytes: number;
}

const suffix = randomUUID().replaceAll('-', '').slice(0, 8);
const table = `bench_cost_${suffix}`;
const bench = await startSinkBench();
const measured = new Map<number, Measured>();
try {
  const invoke = await bench.pipeline(`bench-cost-${suffix}`, `bench-cost-${suffix}`, table, { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres' });
  await invoke(mskEvent(`bench-cost-${suffix}`, rows(batchSize, 0))); // creates the table, opens the connection
  for (const batch of new Set(LEVELS.map(batchAt))) {
    const times: number[] = [];
    let last: Measured = { ms: 0, reads: 0, writes: 0, emfBytes: 0 };
    for (let run = 1; run <= RUNS; run++) {
      bench.calls.clear();
      const emf0 = bench.emf.bytes;
      const t0 = performance.now();
      const result = await invoke(mskEvent(`bench-cost-${suffix}`, rows(batch, run)));
      times.push(performance.now() - t0);
      if (result.written !== batch) throw new Error(`wrote ${result.written} of ${batch}`);
      let reads = 0;
      let writes = 0;
      for (const [command, n] of bench.calls) {
        if (READS.has(command)) reads += n;
        else if (WRITES.has(command)) writes += n;
        else if (command === 'TransactWriteItemsCommand') writes += 2 * n;
      }
      last = { ms: 0, reads, writes, emfBytes: bench.emf.bytes - emf0 };
    }
    measured.set(batch, { ...last, ms: median(times) });
  }
} finally {
  await bench.close();
  const c = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await c.connect();
  await c.query(`DROP TABLE IF EXISTS "${table}"`);
  await c.end();
}

const gb = TASK_MEMORY_MB / 1024;
console.log(`sink function ${TASK_MEMORY_MB} MB arm64; ESM defaults: batch size ${batchSize}, window ${windowSeconds} s; prices us-east-1 (assumptions: see bench/cost.bench.ts)`);
console.log('measured per warm invocation (PostgreSQL, JSON with schema envelope, upsert), median of 7:');
for (const [batch, m] of measured) {
  console.log(`  ${String(batch).padStart(4)} records: ${m.ms.toFixed(0)} ms = ${((m.ms / 1000) * gb).toFixed(4)} GB-s; DynamoDB ${m.reads} reads + ${m.writes} writes; EMF ${m.emfBytes} B`);
}
const metricsMonth = SINK_METRICS.length * PRICE.metricMonth;
console.log('');
console.log('records/day  invocations/day  Lambda compute  requests  DynamoDB   CW metrics  CW logs   total/month  MSK Connect (1 MCU)');
let atGoalLevel = Number.NaN;
for (const perDay of LEVELS) {
  const batch = batchAt(perDay);
  const m = measured.get(batch) as Measured;
  const invPerMonth = (perDay / batch) * DAYS_PER_MONTH;
  const compute = invPerMonth * (m.ms / 1000) * gb * PRICE.lambdaGbSecond;
  const requests = invPerMonth * PRICE.lambdaRequest;
  const dynamo = invPerMonth * (m.reads * PRICE.dynamoRead + m.writes * PRICE.dynamoWrite);
  const logs = (invPerMonth * (m.emfBytes + PLATFORM_LOG_BYTES) * PRICE.logGb) / 1024 ** 3;
  const total = compute + requests + dynamo + metricsMonth + logs;
  if (perDay === 1e6) atGoalLevel = total;
  console.log(
    `${perDay.toExponential(0).padEnd(12)} ${Math.round(invPerMonth / DAYS_PER_MONTH)
      .toLocaleString('en-US')
      .padStart(15)}  ${usd(compute).padStart(14)}  ${usd(requests).padStart(8)}  ${usd(dynamo).padStart(8)}   ${usd(metricsMonth).padStart(10)}  ${usd(logs).padStart(7)}   ${usd(total).padStart(11)}  ${usd(PRICE.mskConnectMcuHour * HOURS_PER_MONTH)}`,
  );
}
console.log(`(CW metrics: ${SINK_METRICS.length} EMF metrics per pipeline, each a custom metric: ${SINK_METRICS.join(', ')})`);
console.log(`goal "one pipeline at 1M records/day costs <= $${GOAL_USD}/month": ${atGoalLevel <= GOAL_USD ? 'met' : 'NOT MET'} (${usd(atGoalLevel)})`);

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
];
const perEndpointMonth = PRICE.endpointAzHour * HOURS_PER_MONTH;
console.log('');
console.log(`fixed per deployment (interface endpoint ${usd(perEndpointMonth)} per AZ per month):`);
for (const [api, why, paid] of endpoints) console.log(`  ${api.padEnd(16)} ${paid ? usd(perEndpointMonth).padStart(6) : '$0.00'.padStart(6)}/AZ  ${why}`);
const always = endpoints.filter(([api, , paid]) => paid && api !== 'Secrets Manager').length;
for (const azs of [2, 3]) {
  console.log(`  ${azs} AZs: ${usd(always * azs * perEndpointMonth)}/month (Lambda, STS, KMS), ${usd((always + 1) * azs * perEndpointMonth)} with Secrets Manager`);
}
