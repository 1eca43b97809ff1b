// Bundle size of each Lambda entry with the stack's esbuild options (lib/bundling.ts: split ESM, each lazily imported
// driver in its own chunk), against the 1.5 MB goal for the task functions, beside an empty handler bundled the same
// way in the same run. For a task the goal applies to what one pipeline makes Node load: the entry, the chunks it
// imports statically, and the chunks its `await import(<driver>)` loads for that pipeline's dialect (esbuild's
// metafile, lib/bundleLayout.ts). Everything the code imports is bundled, the AWS SDK included (lib/bundling.ts); AWS's
// MSK IAM signer is imported lazily, so its chunk loads only with KAFKA_AUTH=iam (the stack's default on MSK): each
// dialect gets a line with that chunk counted. The sink imports kafkajs on its first dead-letter send (a pipeline with
// errors.deadletterqueue.topic.name that sends a record there), and the signer with it: for the sink a line counts the
// kafkajs chunk, and the KAFKA_AUTH=iam line counts both. It reports; it does not fail the bench run when a bundle is
// over the goal.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';
import { BundleLayout, DRIVERS } from '../lib/bundleLayout.js';
import { lambdaBuildOptions, projectPath } from '../lib/bundling.js';

/** 1.5 MB as 1.5 × 1024 × 1024 bytes; the decimal reading (1,500,000 bytes) is printed beside it. */
const GOAL_BYTES = 1.5 * 1024 * 1024;
const GOAL_DECIMAL_BYTES = 1_500_000;
/** AWS's MSK IAM token signer, imported on first use (lambdas/adapters/kafka/mskIam.ts). */
const IAM_SIGNER = 'aws-msk-iam-sasl-signer-js';
/** The Kafka client: the source task's producer at start, the sink's dead-letter producer on its first send. */
const KAFKAJS = 'kafkajs';

const entries: ReadonlyArray<{ name: string; entry: string; task: boolean }> = [
  { name: 'empty handler (baseline)', entry: 'test/fixtures/cdk/emptyHandler.ts', task: false },
  { name: 'sink task', entry: 'lambdas/sink/index.ts', task: true },
  { name: 'source task', entry: 'lambdas/source/index.ts', task: true },
  { name: 'api', entry: 'lambdas/api/index.ts', task: false },
  { name: 'controller', entry: 'lambdas/controller/index.ts', task: false },
];

function layoutOf(entry: string): BundleLayout {
  // write: false: the outdir only names the outputs in the metafile.
  const r = buildSync({ ...lambdaBuildOptions(entry, join(tmpdir(), 'sluice-bundle-size')), write: false, metafile: true, logLevel: 'error' });
  return new BundleLayout(r.metafile);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const col = (s: string) => s.padEnd(44);
const top = (layout: BundleLayout, file: string) =>
  layout
    .packagesIn(file)
    .slice(0, 4)
    .map(([p, n]) => `${p} ${kb(n)}`)
    .join(', ');

let baseline = 0;
const verdicts: string[] = [];
for (const { name, entry, task } of entries) {
  if (!existsSync(projectPath(entry))) {
    console.log(`${col(name)} ${entry} does not exist yet`);
    continue;
  }
  const layout = layoutOf(entry);
  const startup = layout.startup();
  const startupBytes = layout.bytes(startup);
  if (baseline === 0) baseline = startupBytes;
  const ratio = (n: number) => `${(n / baseline).toFixed(0)}x baseline`;
  if (!task) {
    console.log(`${col(name)} ${kb(layout.totalBytes()).padStart(10)}  ${ratio(layout.totalBytes())}, ${layout.files.length} file(s)`);
    continue;
  }
  console.log(`${name}`);
  console.log(`  ${col('entry index.mjs')} ${kb(layout.bytes([layout.entry])).padStart(10)}  (${top(layout, layout.entry)})`);
  for (const f of startup.filter((s) => s !== layout.entry)) console.log(`  ${col(`shared ${basename(f)}`)} ${kb(layout.bytes([f])).padStart(10)}`);
  console.log(`  ${col('loaded at start (entry + static imports)')} ${kb(startupBytes).padStart(10)}  ${ratio(startupBytes)}`);
  // The sink imports kafkajs on its first dead-letter send (lambdas/adapters/kafka/lazyKafkaProducer.ts).
  const dlqLazy = layout.chunksOf(KAFKAJS).length > 0 && layout.filesWith(KAFKAJS).every((f) => !startup.includes(f));
  for (const { dialect, packageName } of DRIVERS) {
    const chunks = layout.chunksOf(packageName);
    for (const f of chunks) console.log(`  ${col(`${packageName} chunk ${basename(f)}`)} ${kb(layout.bytes([f])).padStart(10)}  (${top(layout, f)})`);
    const loaded = layout.bytes(layout.loadedWith(packageName));
    const verdict = chunks.length === 0 ? `no ${packageName} chunk: not split` : loaded <= GOAL_BYTES ? 'within the 1.5 MB goal' : 'OVER the 1.5 MB goal';
    const share = `${((loaded / GOAL_BYTES) * 100).toFixed(0)}% of 1.5 MiB, ${((loaded / GOAL_DECIMAL_BYTES) * 100).toFixed(0)}% of 1.5e6 B`;
    console.log(`  ${col(`loaded for ${/^[AEIOU]/.test(dialect) ? 'an' : 'a'} ${dialect} pipeline`)} ${kb(loaded).padStart(10)}  ${ratio(loaded)}  ${verdict} (${share})`);
    verdicts.push(`${name}, ${dialect}: ${kb(loaded)} ${verdict}`);
    if (dlqLazy) {
      const withDlq = layout.bytes(new Set([...layout.loadedWith(packageName), ...layout.loadedWith(KAFKAJS)]));
      const dlqVerdict = withDlq <= GOAL_BYTES ? 'within the 1.5 MB goal' : 'OVER the 1.5 MB goal';
      console.log(`  ${col(`  … with a dead-letter queue (+ ${KAFKAJS})`)} ${kb(withDlq).padStart(10)}  ${dlqVerdict} (${((withDlq / GOAL_BYTES) * 100).toFixed(0)}% of 1.5 MiB)`);
      verdicts.push(`${name}, ${dialect}, dead-letter queue: ${kb(withDlq)} ${dlqVerdict}`);
    }
    const withIam = layout.bytes(new Set([...layout.loadedWith(packageName), ...layout.loadedWith(IAM_SIGNER)]));
    const iamVerdict = withIam <= GOAL_BYTES ? 'within the 1.5 MB goal' : 'OVER the 1.5 MB goal';
    console.log(`  ${col(`  … with ${dlqLazy ? 'a dead-letter queue and ' : ''}KAFKA_AUTH=iam (+ ${IAM_SIGNER})`)} ${kb(withIam).padStart(10)}  ${iamVerdict} (${((withIam / GOAL_BYTES) * 100).toFixed(0)}% of 1.5 MiB)`);
    verdicts.push(`${name}, ${dialect}, ${dlqLazy ? 'dead-letter queue, ' : ''}KAFKA_AUTH=iam: ${kb(withIam)} ${iamVerdict}`);
  }
  if (dlqLazy) for (const f of layout.chunksOf(KAFKAJS)) console.log(`  ${col(`dead-letter chunk ${basename(f)}`)} ${kb(layout.bytes([f])).padStart(10)}  (${top(layout, f)})`);
  for (const f of layout.chunksOf(IAM_SIGNER)) console.log(`  ${col(`signer chunk ${basename(f)}`)} ${kb(layout.bytes([f])).padStart(10)}  (${top(layout, f)})`);
  console.log(`  ${col(`all ${layout.files.length} files (source maps left out)`)} ${kb(layout.totalBytes()).padStart(10)}`);
}
console.log(`\ngoal: at most 1.5 MB (${kb(GOAL_BYTES)}) loaded per task and pipeline dialect`);
for (const v of verdicts) console.log(`  ${v}`);
