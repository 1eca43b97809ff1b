// Cold start: the time from importing a task bundle to its handler being ready, under Node.js 22 (Lambda's nodejs22.x;
// test/helpers/node22.ts), each measurement in a fresh process. The bundles are built by the stack's own bundling
// (lib/bundling.ts: split ESM, minified, each driver in a chunk loaded lazily) into a folder outside the project, so no
// node_modules can be resolved. "Ready" means: the entry imported (its top-level code run: clients built, env read)
// and, for a task and dialect, the driver chunks a pipeline of that dialect loads on its first batch
// (lib/bundleLayout.ts, loadedWith) imported too. The sink imports kafkajs on its first dead-letter send
// (lambdas/adapters/kafka/lazyKafkaProducer.ts), so its dialect cases are pipelines that have not sent a record to a
// dead-letter queue; a "+ DLQ" case adds the kafkajs chunk to the PostgreSQL one. The clock starts just before the entry's import, in the process, so
// Node's own start-up is left out on both sides. Node runs with --enable-source-maps, as the stack's functions do
// (lib/SluiceFunction.ts sets NODE_OPTIONS), which reads each file's source map at load.
// Baseline, in the same run: an empty handler (test/fixtures/cdk/emptyHandler.ts) bundled and loaded the same way.
// Runs are interleaved (one of each case per round), RUNS rounds, median per case.
// Goal: the PostgreSQL sink ready within 150 ms of the baseline.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { BundleLayout, DRIVERS } from '../lib/bundleLayout.js';
import { bundleLambda, ENTRY_FILE, PROJECT_ROOT } from '../lib/bundling.js';
import { NODE22, node22Version } from '../test/helpers/node22.js';

const RUNS = 9;
const GOAL_MS = 150;
const root = join(tmpdir(), `sluice-cold-start-${process.pid}`);

interface Case {
  readonly label: string;
  readonly dir: string;
  /** Chunks to import after the entry, relative to dir. */
  readonly chunks: readonly string[];
}

function build(name: string, entry: string): { dir: string; layout: BundleLayout } {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return { dir, layout: new BundleLayout(bundleLambda(entry, dir)) };
}

const LOAD_SCRIPT = `
const chunks = JSON.parse(process.argv[2]);
const t0 = performance.now();
const m = await import('./${ENTRY_FILE}');
for (const c of chunks) await import(c);
const ms = performance.now() - t0;
if (typeof m.handler !== 'function') throw new Error('no handler export');
console.log(JSON.stringify({ ms }));
process.exit(0);
`;

/** What the task functions' environment holds, with Lambda-shaped values (no call leaves the process at import). */
const ENV: Record<string, string> = {
  PATH: '/usr/bin:/bin',
  AWS_REGION: 'us-east-1',
  AWS_LAMBDA_FUNCTION_NAME: 'sluice-sink',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_SESSION_TOKEN: 'token',
  SLUICE_TABLE_NAME: 'sluice-pipelines',
  SLUICE_CONFIG_KEY_ARN: 'arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000',
  KAFKA_CLUSTER_ARN: 'arn:aws:kafka:us-east-1:123456789012:cluster/demo/00000000-0000-0000-0000-000000000000-1',
  KAFKA_AUTH: 'iam',
  KAFKA_BROKERS: 'b-1.demo.kafka.us-east-1.amazonaws.com:9098',
  POWERTOOLS_METRICS_NAMESPACE: 'Sluice',
};

function loadOnce(c: Case): number {
  const r = spawnSync(NODE22, ['--enable-source-maps', 'load.mjs', JSON.stringify(c.chunks)], { cwd: c.dir, env: ENV, encoding: 'utf8' });
  const out = r.stdout;
  if (r.status !== 0) throw new Error(`${c.label} did not load: ${r.stderr.split('\n').filter((l) => /Error|^\s+at /.test(l)).slice(0, 4).join('\n')}`);
  return (JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { ms: number }).ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

try {
  const cases: Case[] = [];
  const empty = build('empty', 'test/fixtures/cdk/emptyHandler.ts');
  cases.push({ label: 'empty handler (baseline)', dir: empty.dir, chunks: [] });
  for (const [task, entry] of [
    ['sink', 'lambdas/sink/index.ts'],
    ['source', 'lambdas/source/index.ts'],
  ] as const) {
    const { dir, layout } = build(task, entry);
    const rel = (files: readonly string[]) => files.map((f) => `./${relative(dir, resolve(PROJECT_ROOT, f))}`);
    for (const { dialect, packageName } of DRIVERS) {
      cases.push({ label: `${task} task, ${dialect}`, dir, chunks: rel(layout.chunksOf(packageName)) });
    }
    // The sink imports kafkajs on its first dead-letter send: a PostgreSQL pipeline that sends one loads this too.
    const dlq = layout.chunksOf('kafkajs');
    if (dlq.length > 0) cases.push({ label: `${task} task, PostgreSQL + DLQ`, dir, chunks: rel([...new Set([...layout.chunksOf('pg'), ...dlq])]) });
  }
  for (const c of cases) writeFileSync(join(c.dir, 'load.mjs'), LOAD_SCRIPT);
  const times = new Map<Case, number[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < RUNS; round++) for (const c of cases) times.get(c)?.push(loadOnce(c));
  console.log(`Node ${node22Version()}, ${RUNS} fresh processes per case, median; import of the entry (and the dialect's driver chunks) until the handler is ready`);
  const base = median(times.get(cases[0] as Case) ?? []);
  for (const c of cases) {
    const m = median(times.get(c) ?? []);
    const over = c === cases[0] ? '' : `  +${(m - base).toFixed(0)} ms over the baseline`;
    console.log(`${c.label.padEnd(28)} ${m.toFixed(0).padStart(5)} ms${over}`);
  }
  const pgSink = cases.find((c) => c.label === 'sink task, PostgreSQL');
  const over = median(times.get(pgSink as Case) ?? []) - base;
  console.log(`goal "PostgreSQL sink ready within ${GOAL_MS} ms of the baseline": ${over <= GOAL_MS ? 'met' : 'NOT MET'} (+${over.toFixed(0)} ms)`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
