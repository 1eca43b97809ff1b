import { tmpdir } from 'node:os'; import { join } from 'node:path'; import { buildSync } from 'esbuild';
import { BundleLayout } from '../lib/bundleLayout.js'; import { lambdaBuildOptions } from '/work/wt/p15core/lib/bundling.js';
for (const e of ['lambdas/sink/index.ts', 'lambdas/source/index.ts', 'lambdas/api/index.ts', 'lambdas/controller/index.ts', 'lambdas/cleanup/index.ts']) {
  const r = buildSync({ ...lambdaBuildOptions(e, join(tmpdir(), 'p15core-size')), write: false, metafile: true, logLevel: 'error' });
  const l = new BundleLayout(r.metafile);
  const proj = l.startup().reduce((n, f) => n + l.packagesIn(f).filter(([p]) => p === 'project').reduce((a, [, b]) => a + b, 0), 0);
  console.log(e.padEnd(30), 'startup', l.bytes(l.startup()), 'total', l.totalBytes(), 'files', l.files.length, 'project-code-at-startup', proj, 'pg-load', l.bytes(l.loadedWith('pg')));
}
