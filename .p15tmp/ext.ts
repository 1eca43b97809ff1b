import { buildSync } from 'esbuild';
import { lambdaBuildOptions } from '../lib/bundling.js';
for (const external of [['./sink/JdbcSinkTask.js'], ['*/jdbc/sink/JdbcSinkTask.ts'], ['*JdbcSinkTask*']]) {
  const o = lambdaBuildOptions('lambdas/api/index.ts', '/tmp/p15core/extout');
  const r = buildSync({ ...o, external: [...(o.external ?? []), ...external], write: false, metafile: true, logLevel: 'error' });
  const total = Object.entries(r.metafile.outputs).filter(([f]) => !f.endsWith('.map')).reduce((n, [, v]) => n + v.bytes, 0);
  const entry = r.outputFiles.find((f) => f.path.endsWith('index.mjs'))!.text;
  console.log(external, total, (entry.match(/import\("[^"]*JdbcSinkTask[^"]*"\)/g) ?? []).slice(0, 2), Object.keys(r.metafile.outputs).filter((f) => /JdbcSinkTask/.test(f)));
}
