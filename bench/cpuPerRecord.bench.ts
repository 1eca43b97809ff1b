// CPU per record of the sink's record path, in one process: MSK event decode (base64) → key and value JsonConverter
// (schema envelope) → a 5-SMT chain (InsertField, ReplaceField, Cast, TimestampConverter to a formatted string, Filter
// with a TopicNameMatches predicate that matches no record) → a writer that discards, through the real SinkTask
// (createSinkTask, tolerance operator, metrics). 100,000 records in events of 10,000 (3 partitions, the sink
// benchmarks' rows); one warm-up pass, then one measured pass per variant. Figure: records per second of CPU time
// (process.cpuUsage, user + system: what Lambda bills), with and without the SMTs.
// Baseline, in the same run: the floor any JSON sink pays — base64-decode each value and JSON.parse it, nothing else.
// Then a CPU profile (node:inspector) of one more pass with the SMTs: the functions with the most self time.
// Goal: >= 500,000 records/s per core with the 5 SMTs.
// All of it runs twice: with V8's default heap flags, then (in a child process) with the flags the task functions are
// deployed with (lib/TaskFunctions.ts: --max-semi-space-size); the second is what Lambda bills.
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { InMemoryMetricsSink } from '../lambdas/adapters/metrics/InMemoryMetricsSink.js';
import type { SinkRecord } from '../lambdas/connect-api/data/ConnectRecord.js';
import { builtinPlugins } from '../lambdas/runtime/builtins/builtins.js';
import { systemClock } from '../lambdas/runtime/ports/Clock.js';
import { createSinkTask } from '../lambdas/runtime/sink/createSinkTask.js';
import { decodeMskEvent, type MskEvent } from '../lambdas/runtime/sink/mskEvent.js';
import { DEPLOYED_FLAGS, runAsDeployed, runsAsDeployed } from './asDeployed.js';
import { mskEvent, rows } from './sinkHarness.js';

console.log(runsAsDeployed() ? `-- with the deployed V8 flags (${DEPLOYED_FLAGS.join(' ')})` : '-- with V8 default heap flags');

const TOTAL = 100_000;
const PER_EVENT = 10_000;
const GOAL = 500_000;
const TOPIC = 'bench-cpu';

const BASE = {
  name: 'bench-cpu',
  'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
  'connection.url': 'jdbc:postgresql://127.0.0.1:5432/test',
  topics: TOPIC,
  'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
};
const SMTS = {
  transforms: 'insert,rename,cast,ts,skipTests',
  'transforms.insert.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.insert.static.field': 'source',
  'transforms.insert.static.value': 'bench',
  'transforms.rename.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value',
  'transforms.rename.renames': 'name:full_name',
  'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
  'transforms.cast.spec': 'qty:int32',
  'transforms.ts.type': 'org.apache.kafka.connect.transforms.TimestampConverter$Value',
  'transforms.ts.field': 'at',
  'transforms.ts.target.type': 'string',
  'transforms.ts.format': "yyyy-MM-dd'T'HH:mm:ss.SSS",
  'transforms.skipTests.type': 'org.apache.kafka.connect.transforms.Filter',
  'transforms.skipTests.predicate': 'isTest',
  predicates: 'isTest',
  'predicates.isTest.type': 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
  'predicates.isTest.pattern': 'test-.*',
};

const events: MskEvent[] = [];
for (let from = 0; from < TOTAL; from += PER_EVENT) events.push(mskEvent(TOPIC, rows(PER_EVENT, 0).map(([id, ...rest]) => [id + from, ...rest] as const)));

let written = 0;
let last: SinkRecord | undefined;
const discard = {
  async put(records: readonly SinkRecord[]) {
    written += records.length;
    last = records.at(-1);
    return undefined;
  },
  async close() {},
};

function task(props: Record<string, string>) {
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  return createSinkTask(props, { registry: builtinPlugins(), createTask: () => discard, metrics: new InMemoryMetricsSink(), clock: systemClock, logger });
}

/** CPU seconds of one pass over every event. */
async function pass(run: (event: MskEvent) => Promise<unknown> | unknown): Promise<number> {
  const start = process.cpuUsage();
  for (const event of events) await run(event);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function measure(label: string, run: (event: MskEvent) => Promise<unknown> | unknown): Promise<number> {
  await pass(run); // warm-up
  written = 0;
  const seconds = await pass(run);
  const rate = TOTAL / seconds;
  console.log(`${label}: ${Math.round(rate).toLocaleString('en-US')} records/s per core (${((seconds / TOTAL) * 1e6).toFixed(2)} µs CPU per record)`);
  return rate;
}

const deadline = () => Date.now() + 600_000;
const baseline = await measure('baseline (base64 decode + JSON.parse of each value)', (event) => {
  for (const batch of Object.values(event.records)) for (const r of batch) JSON.parse(Buffer.from(r.value!, 'base64').toString('utf8'));
});
const plain = task(BASE);
const converters = await measure('decode + JsonConverter (key and value, schema envelope) + SinkTask', (event) => plain.put(decodeMskEvent(event), deadline()));
if (written !== TOTAL) throw new Error(`the task wrote ${written} of ${TOTAL} records`);
const withSmts = task({ ...BASE, ...SMTS });
const smts = await measure('  … + 5 SMTs (InsertField, ReplaceField, Cast, TimestampConverter, Filter + predicate)', (event) => withSmts.put(decodeMskEvent(event), deadline()));
if (written !== TOTAL) throw new Error(`the task with SMTs wrote ${written} of ${TOTAL} records`);
console.log(`  last record's value: ${JSON.stringify((last?.value as { toObject?: () => unknown })?.toObject?.())}`);
console.log(`ratios to the baseline: converters ${(converters / baseline).toFixed(2)}x, with SMTs ${(smts / baseline).toFixed(2)}x`);
console.log(`with 5 SMTs: ${Math.round(smts).toLocaleString('en-US')} records/s per core; goal >= ${GOAL.toLocaleString('en-US')}: ${smts >= GOAL ? 'met' : 'NOT MET'}`);

// Where the time goes: self time per function over one more pass with the SMTs.
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
await pass((event) => withSmts.put(decodeMskEvent(event), deadline()));
const { profile } = await session.post('Profiler.stop');
session.disconnect();
const self = new Map<string, number>();
let samples = 0;
const hits = new Map<number, number>();
for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
for (const node of profile.nodes) {
  const n = hits.get(node.id) ?? 0;
  if (n === 0) continue;
  samples += n;
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(lambdas|node_modules|bench)\//, '$1/');
  const name = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
  self.set(name, (self.get(name) ?? 0) + n);
}
console.log('CPU profile, self time (top 12):');
for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${((n / samples) * 100).toFixed(1).padStart(5)}%  ${name}`);
if (!runsAsDeployed()) process.exitCode = runAsDeployed(fileURLToPath(import.meta.url));
