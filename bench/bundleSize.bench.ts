// Bundle size of each Lambda entry with the stack's esbuild options (lib/bundling.ts), against the 1.5 MB goal for
// the task functions, and an empty handler bundled the same way in the same run as the baseline. It reports; it does
// not fail the bench run when a bundle is over the goal.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER, EXTERNAL_MODULES, projectPath } from '../lib/bundling.js';

const GOAL_BYTES = 1.5 * 1024 * 1024;

const entries: ReadonlyArray<{ name: string; entry: string; goal: boolean }> = [
  { name: 'empty handler (baseline)', entry: 'test/fixtures/cdk/emptyHandler.ts', goal: false },
  { name: 'sink task', entry: 'lambdas/sink/index.ts', goal: true },
  { name: 'source task', entry: 'lambdas/source/index.ts', goal: true },
  { name: 'api', entry: 'lambdas/api/index.ts', goal: false },
  { name: 'controller', entry: 'lambdas/controller/index.ts', goal: false },
];

interface Bundle {
  readonly bytes: number;
  /** Bytes in the output per npm package (or "project"), largest first. */
  readonly packages: ReadonlyArray<readonly [string, number]>;
}

async function bundle(entry: string): Promise<Bundle> {
  const r = await build({
    entryPoints: [projectPath(entry)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    external: [...EXTERNAL_MODULES],
    banner: { js: ESM_REQUIRE_BANNER },
    logLevel: 'error',
    metafile: true,
  });
  const byPackage = new Map<string, number>();
  for (const output of Object.values(r.metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'project';
      byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return { bytes: r.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0), packages: [...byPackage].sort((a, b) => b[1] - a[1]) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let baseline = 0;
for (const { name, entry, goal } of entries) {
  if (!existsSync(projectPath(entry))) {
    console.log(`${name.padEnd(26)} ${entry} does not exist yet`);
    continue;
  }
  const { bytes, packages } = await bundle(entry);
  if (baseline === 0) baseline = bytes;
  const verdict = goal ? (bytes <= GOAL_BYTES ? `within the 1.5 MB goal (${((bytes / GOAL_BYTES) * 100).toFixed(0)}%)` : 'OVER the 1.5 MB goal') : '';
  console.log(`${name.padEnd(26)} ${kb(bytes).padStart(10)}  ${`${(bytes / baseline).toFixed(0)}x baseline`.padStart(16)}  ${verdict}`);
  if (goal) console.log(`${''.padEnd(26)} largest: ${packages.slice(0, 5).map(([p, n]) => `${p} ${kb(n)}`).join(', ')}`);
}
